import type { ImageFile } from './image-files';
import type { JobSchedule } from './job-timing';
import type { SandboxProvider } from './sandbox-types';
import { sandboxProviders } from './sandbox-types';

/** Why a job failed, in the provider's own terms (APIXO failCode, MiniMax code, Segmind text). */
export interface JobFailure {
  code: string;
  message: string;
}

/** A job the sandbox created. */
export interface SandboxJob extends JobSchedule {
  id: string;
  provider: SandboxProvider;
  /** Model slug as the request named it. */
  model: string;
  prompt: string;
  /** Images asked for. */
  requestedCount: number;
  /** Images delivered on success (fewer than asked when some were withheld). */
  images: ImageFile[];
  failure: JobFailure | undefined;
  /** APIXO callback receiver, when the task was submitted in callback mode. */
  callbackUrl: string | undefined;
}

/** Every job by id, plus the per-provider counts of jobs created. */
export class JobStore {
  readonly #jobs = new Map<string, SandboxJob>();
  readonly #created: Record<SandboxProvider, number> = { segmind: 0, apixo: 0, minimax: 0 };
  #sequence = 0;

  /** A number that grows with each job, to vary durations deterministically. */
  nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  add(job: SandboxJob): void {
    this.#jobs.set(job.id, job);
    this.#created[job.provider] += 1;
  }

  find(provider: SandboxProvider, id: string): SandboxJob | undefined {
    const job = this.#jobs.get(id);
    return job?.provider === provider ? job : undefined;
  }

  list(provider: SandboxProvider): SandboxJob[] {
    return [...this.#jobs.values()].filter((job) => job.provider === provider);
  }

  /** Drops jobs created before `cutoff` (expired Segmind requests). */
  forgetCreatedBefore(provider: SandboxProvider, cutoff: number): void {
    for (const [id, job] of this.#jobs) {
      if (job.provider === provider && job.createdAt < cutoff) this.#jobs.delete(id);
    }
  }

  /** Jobs created since the start or the last {@link resetCounts}, for one provider or all. */
  countCreated(provider?: SandboxProvider): number {
    if (provider !== undefined) return this.#created[provider];
    return sandboxProviders.reduce((total, name) => total + this.#created[name], 0);
  }

  resetCounts(): void {
    for (const name of sandboxProviders) this.#created[name] = 0;
  }
}
