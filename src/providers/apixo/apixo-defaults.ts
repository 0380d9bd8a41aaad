import type { PollingOptions } from '../../core/options';
import type { ProviderJob } from '../../core/provider';

/**
 * APIXO's defaults, in one place. For a task this client submitted, polling starts late, as APIXO
 * advises (first poll 15 s after submission for 1K output, 20 s for 2K); a job resumed from its id
 * has likely been running for a while, so its first poll comes at once. Then it asks every second,
 * so completion is noticed within about a second. Every value is overridable per client
 * (`polling`) and per call.
 */
export const apixoDefaults = {
  /** An origin, optionally with a path prefix; `/api/v1/...` is appended. */
  baseUrl: 'https://api.apixo.ai',
  /** One HTTP attempt. */
  requestTimeoutMs: 60_000,
  /** For 1K output of a task this client submitted (pass-through models included). */
  polling: { initialDelayMs: 15_000, intervalMs: 1_000, backoffFactor: 1, maxIntervalMs: 3_000 } satisfies Required<PollingOptions>,
  /** First poll for 2K-class output (`resolution: '2K'`, or an explicit size with a side over 1344 px). */
  initialDelay2KMs: 20_000,
  /** First poll of a job resumed from its id (`client.job(id)`): at once, then every `intervalMs`. */
  initialDelayResumedMs: 0,
} as const;

/** What the provider keeps with a job it submitted (lost when a job is resumed from its id). */
export interface ApixoJobData {
  /** `num_images` sent, for `failedCount`. */
  requestedImages?: number;
  /** Output tier, for the first poll's delay. Absent on a resumed job. */
  outputTier?: '1K' | '2K';
}

/** The job's own data, when this client submitted it. */
export function apixoJobData(job: ProviderJob): ApixoJobData {
  return typeof job.data === 'object' && job.data !== null ? (job.data as ApixoJobData) : {};
}

/** First-poll delay for each output tier of a submitted task. */
const initialDelays = { '1K': apixoDefaults.polling.initialDelayMs, '2K': apixoDefaults.initialDelay2KMs } as const;

/**
 * The default poll schedule for a job: for a task this client submitted, 20 s before the first poll
 * of 2K output, else 15 s; for a resumed job (no submit-time data), no wait before the first poll.
 */
export function apixoPolling(job: ProviderJob): Required<PollingOptions> {
  const tier = apixoJobData(job).outputTier;
  const initialDelayMs = tier === undefined ? apixoDefaults.initialDelayResumedMs : initialDelays[tier];
  return { ...apixoDefaults.polling, initialDelayMs };
}
