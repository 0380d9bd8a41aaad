import type { PollingOptions } from '../../core/options';
import type { ProviderJob } from '../../core/provider';

/**
 * APIXO's defaults, in one place. Polling starts late, as APIXO advises (first poll 15 s after
 * submission for 1K output, 20 s for 2K), then asks every second so completion is noticed within
 * about a second. Every value is overridable per client (`polling`) and per call.
 */
export const apixoDefaults = {
  /** An origin, optionally with a path prefix; `/api/v1/...` is appended. */
  baseUrl: 'https://api.apixo.ai',
  /** One HTTP attempt. */
  requestTimeoutMs: 60_000,
  /** For 1K output, and for jobs whose output size is unknown (resumed from an id, pass-through models). */
  polling: { initialDelayMs: 15_000, intervalMs: 1_000, backoffFactor: 1, maxIntervalMs: 3_000 } satisfies Required<PollingOptions>,
  /** First poll for 2K-class output (`resolution: '2K'`, or an explicit size with a side over 1344 px). */
  initialDelay2KMs: 20_000,
} as const;

/** What the provider keeps with a job it submitted (lost when a job is resumed from its id). */
export interface ApixoJobData {
  /** `num_images` sent, for `failedCount`. */
  requestedImages?: number;
  /** Output tier, for the first poll's delay. */
  outputTier?: '1K' | '2K';
}

/** The job's own data, when this client submitted it. */
export function apixoJobData(job: ProviderJob): ApixoJobData {
  return typeof job.data === 'object' && job.data !== null ? (job.data as ApixoJobData) : {};
}

/** The default poll schedule for a job: 20 s before the first poll for 2K output, else 15 s. */
export function apixoPolling(job: ProviderJob): Required<PollingOptions> {
  const initialDelayMs = apixoJobData(job).outputTier === '2K' ? apixoDefaults.initialDelay2KMs : apixoDefaults.polling.initialDelayMs;
  return { ...apixoDefaults.polling, initialDelayMs };
}
