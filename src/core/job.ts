import type { JobHandle, JobStatus } from './job-status';
import type { WaitOptions } from './options';
import type { ImageResult } from './result';

/** How a Job reaches its client; the client implements it. */
export interface JobRuntime {
  status(job: Job, options: { signal?: AbortSignal | undefined }): Promise<JobStatus>;
  wait(job: Job, options: WaitOptions): Promise<ImageResult>;
}

/**
 * A submitted job. Keep `job.toJSON()` to resume it later with `client.job(handle)`, from another
 * process if need be.
 */
export class Job {
  readonly id: string;
  readonly provider: string;
  /** As the caller named it. */
  readonly model: string;
  readonly #runtime: JobRuntime;
  readonly #data: unknown;

  constructor(handle: JobHandle, runtime: JobRuntime, data?: unknown) {
    this.id = handle.id;
    this.provider = handle.provider;
    this.model = handle.model;
    this.#runtime = runtime;
    this.#data = data;
  }

  /** Provider-private data kept with the job (status URLs, a finished synchronous result). */
  get providerData(): unknown {
    return this.#data;
  }

  /** `{ provider, model, id }`: store it to resume the job. */
  toJSON(): JobHandle {
    return { provider: this.provider, model: this.model, id: this.id };
  }

  /** The job's current state. A failed job resolves `{ state: 'failed', error }`; it does not throw. */
  status(options: { signal?: AbortSignal } = {}): Promise<JobStatus> {
    return this.#runtime.status(this, options);
  }

  /** Waits for the images. The deadline (`timeoutMs`, default 600 s) starts now. */
  wait(options: WaitOptions = {}): Promise<ImageResult> {
    return this.#runtime.wait(this, options);
  }
}
