import { ConnectionError, ImagegateError, ProviderError } from './errors';

/**
 * Which failures one HTTP call may repeat, as data. The one retry loop (retry.ts) reads it; the
 * functions below are pure so they are unit-tested without time or network.
 */
export interface RetryPolicy {
  /** `create`: the call creates a billed job, so anything that may have reached the provider is final. */
  readonly kind: 'idempotent' | 'create';
  /** HTTP statuses that mean "try again". */
  readonly retryStatuses: readonly number[];
  /** Also retry every other 5xx status. */
  readonly retryAllServerErrors: boolean;
  /** Provider error codes (carried inside an HTTP 200) that mean nothing happened: try again. */
  readonly retryCodes: readonly string[];
  /** Network failures after the request may have been sent (reset, lost connection, timeout). */
  readonly retryAfterSending: boolean;
}

/** Status, result and download calls: safe to repeat. */
export const idempotentPolicy: RetryPolicy = {
  kind: 'idempotent',
  retryStatuses: [408, 429],
  retryAllServerErrors: true,
  retryCodes: [],
  retryAfterSending: true,
};

/** Queue submits (Segmind, APIXO): repeated only on answers that mean "not created". */
export const queueSubmitPolicy: RetryPolicy = {
  kind: 'create',
  retryStatuses: [429, 500, 502, 503],
  retryAllServerErrors: false,
  retryCodes: [],
  retryAfterSending: false,
};

export interface BackoffOptions {
  /** First delay before jitter. Default 500 ms. */
  baseDelayMs: number;
  /** Growth per retry. Default 2. */
  factor: number;
  /** Cap before jitter. Default 8 s. */
  maxDelayMs: number;
  /** Longest provider-requested wait honoured; longer surfaces the error. Default 60 s. */
  maxRetryAfterMs: number;
}

export const defaultBackoff: BackoffOptions = {
  baseDelayMs: 500,
  factor: 2,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** True when `policy` allows repeating the call that failed with `error`. Abort is never retried. */
export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
  if (!(error instanceof ImagegateError)) return false;
  if (error instanceof ConnectionError) {
    return !error.requestSent || policy.retryAfterSending;
  }
  if (isListedCode(error, policy)) return true;
  const status = error.status;
  if (status === undefined || status < 300) return false;
  if (policy.retryStatuses.includes(status)) return true;
  return policy.retryAllServerErrors && status >= 500;
}

/**
 * For a job-creating call: true when the failure may have happened after the provider created the
 * job (a timeout, a connection lost after sending, a 5xx that does not mean "not created", or a
 * success answer we could not read).
 */
export function jobMayExistAfter(error: unknown, policy: RetryPolicy): boolean {
  if (policy.kind !== 'create') return false;
  if (!(error instanceof ImagegateError)) return true;
  if (error instanceof ConnectionError) return error.requestSent;
  // A provider code listed as "nothing happened" (carried inside a 200) proves the job was not created.
  if (isListedCode(error, policy)) return false;
  const status = error.status;
  if (status === undefined) return false;
  if (status >= 200 && status < 300) return error instanceof ProviderError;
  if (status >= 500) return !policy.retryStatuses.includes(status);
  return false;
}

/** A provider code from `retryCodes`, carried inside a 2xx answer (a gateway's 5xx body never counts). */
function isListedCode(error: ImagegateError, policy: RetryPolicy): boolean {
  const inSuccessBody = error.status === undefined || (error.status >= 200 && error.status < 300);
  return inSuccessBody && error.code !== undefined && policy.retryCodes.includes(error.code);
}

/**
 * Delay before retry number `retryIndex` (0 for the first retry): the provider's own wait when it
 * gave one, else exponential backoff with jitter (between half and all of the capped delay).
 */
export function retryDelayMs(retryIndex: number, error: unknown, random: () => number, backoff: BackoffOptions = defaultBackoff): number {
  if (error instanceof ImagegateError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const capped = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * backoff.factor ** retryIndex);
  return Math.round(capped * (0.5 + random() * 0.5));
}

/**
 * Milliseconds the provider asked us to wait, from `Retry-After` (seconds or an HTTP date) or
 * Segmind's `x-rate-limit-reset-at-utc` (ISO date, epoch seconds or epoch milliseconds).
 */
export function retryAfterFromHeaders(headers: Readonly<Record<string, string>>, nowEpochMs: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowEpochMs);
  }
  const resetAt = headers['x-rate-limit-reset-at-utc']?.trim();
  if (resetAt) {
    let epochMs: number;
    if (/^\d+(\.\d+)?$/.test(resetAt)) {
      const value = Number(resetAt);
      epochMs = value >= 1e12 ? value : value * 1000;
    } else {
      // The header names UTC: a date-time without a zone must not be read as this machine's local time.
      const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(resetAt) || !resetAt.includes('T');
      epochMs = Date.parse(hasZone ? resetAt : `${resetAt}Z`);
    }
    if (!Number.isNaN(epochMs)) return Math.max(0, Math.round(epochMs - nowEpochMs));
  }
  return undefined;
}
