import type { ImageFiles } from './image-files';
import type { ImageSize } from './image-sizes';
import type { JobFailure, JobStore, SandboxJob } from './job-store';
import { pickDuration } from './job-timing';
import { readPromptMarkers } from './prompt-markers';
import type { ResolvedSandboxOptions } from './sandbox-options';
import type { SandboxProvider } from './sandbox-types';

/** What a provider route knows about a new job. */
export interface JobPlan {
  id: string;
  provider: SandboxProvider;
  model: string;
  prompt: string;
  requestedCount: number;
  seed: number | null;
  size: ImageSize;
  callbackUrl?: string;
  /**
   * Turns a failure into the provider's terms: `requestedCode` is what followed `[fail:`; reason
   * `withheld` means every image was withheld.
   */
  describeFailure: (requestedCode: string | undefined, reason: 'marker' | 'withheld') => JobFailure;
}

/** Shared pieces a planner needs. */
export interface PlannerContext {
  options: ResolvedSandboxOptions;
  jobs: JobStore;
  images: ImageFiles;
}

/** Builds a job from a plan and the prompt's markers, registers its images and stores it. */
export function createJob(context: PlannerContext, plan: JobPlan, now: number): SandboxJob {
  const markers = readPromptMarkers(plan.prompt);
  const sequence = context.jobs.nextSequence();
  const withheld = Math.min(plan.requestedCount, markers.withheld ?? 0);
  const deliveredCount = plan.requestedCount - withheld;
  let failure: JobFailure | undefined;
  if (markers.fail !== undefined) failure = plan.describeFailure(markers.fail.code, 'marker');
  else if (deliveredCount === 0) failure = plan.describeFailure(undefined, 'withheld');
  const images = failure !== undefined ? [] : Array.from({ length: deliveredCount }, (_, index) =>
    context.images.register(plan.provider, { prompt: plan.prompt, seed: plan.seed, index, size: plan.size }));
  const job: SandboxJob = {
    id: plan.id,
    provider: plan.provider,
    model: plan.model,
    prompt: plan.prompt,
    requestedCount: plan.requestedCount,
    images,
    failure,
    callbackUrl: plan.callbackUrl,
    createdAt: now,
    queueMs: markers.queueMs ?? pickDuration(context.options.queueTimeMs, plan.prompt, sequence, 'queue'),
    durationMs: markers.durationMs ?? pickDuration(context.options.jobDurationMs, plan.prompt, sequence, 'run'),
  };
  context.jobs.add(job);
  return job;
}
