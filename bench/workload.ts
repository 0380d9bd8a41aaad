import type { VariantName } from './bench-types';

/** Every job waits this long in the sandbox queue (`[queue:MS]` marker). */
export const queueMs = 50;

/** Job `index` runs 200–600 ms, spread deterministically, the same in every variant. */
export function jobDurationMs(index: number): number {
  return 200 + ((index * 7919) % 401);
}

/**
 * The prompt of job `index`. The variant name keeps prompts (and so the sandbox's cached PNGs)
 * distinct between variants, so each variant pays the same sandbox-side cost; the markers fix
 * each job's queue time and duration.
 */
export function jobPrompt(variant: VariantName, index: number): string {
  return `bench ${variant} job ${index} [queue:${queueMs}] [duration:${jobDurationMs(index)}]`;
}

const indexPattern = /^bench \S+ job (\d+) /;

/** The job index a prompt was built for, or `undefined` for another prompt. */
export function jobIndexOf(prompt: unknown): number | undefined {
  if (typeof prompt !== 'string') return undefined;
  const match = indexPattern.exec(prompt);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `Date.now()` at which the sandbox finishes a job it created at `createdAt`. */
export function plannedFinish(index: number, createdAt: number): number {
  return createdAt + queueMs + jobDurationMs(index);
}
