import type { DurationSetting } from './sandbox-options';
import { hashFraction } from './stable-hash';

/** The life of a job as the sandbox sees it. */
export type JobPhase = 'queued' | 'processing' | 'completed' | 'failed';

/** When a job was created and how long it queues and runs. */
export interface JobSchedule {
  createdAt: number;
  queueMs: number;
  durationMs: number;
}

/** A duration for one job: fixed, or drawn from the range by a hash of `seedParts`. */
export function pickDuration(setting: DurationSetting, ...seedParts: readonly (string | number)[]): number {
  if (typeof setting === 'number') return setting;
  const span = setting.max - setting.min;
  return Math.round(setting.min + span * hashFraction(...seedParts));
}

/** Where a job stands at `now`: it ends failed when it carries a failure. */
export function jobPhaseAt(job: JobSchedule & { failure: unknown }, now: number): JobPhase {
  const elapsed = now - job.createdAt;
  if (elapsed < job.queueMs) return 'queued';
  if (elapsed < job.queueMs + job.durationMs) return 'processing';
  return job.failure !== undefined ? 'failed' : 'completed';
}

/** `Date.now()` at which the job finishes. */
export function jobFinishesAt(schedule: JobSchedule): number {
  return schedule.createdAt + schedule.queueMs + schedule.durationMs;
}
