import pRetry from 'p-retry';
import type { Clock } from './clock';
import { amendError, ImagegateError } from './errors';
import { defaultBackoff, isRetryable, jobMayExistAfter, retryDelayMs, type BackoffOptions, type RetryPolicy } from './retry-policy';

export interface RetryLoopOptions {
  policy: RetryPolicy;
  /** Retries after the first attempt. */
  maxRetries: number;
  clock: Clock;
  signal?: AbortSignal | undefined;
  /** Milliseconds left before the operation's deadline, if it has one. */
  remainingMs?: (() => number) | undefined;
  random?: () => number;
  backoff?: BackoffOptions;
}

/**
 * The one retry loop of the package. Delays come from the policy's pure functions and are slept on
 * the injected clock inside `shouldRetry` (p-retry itself is told to wait 0 ms), so a provider's
 * Retry-After is honoured exactly and tests never really sleep.
 */
export async function withRetry<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryLoopOptions): Promise<T> {
  const { policy, clock } = options;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? defaultBackoff;
  // p-retry checks the signal once more after a successful attempt; a job id that already arrived
  // must not be dropped by an abort in that gap (it would orphan a billed job).
  let settled: { value: T } | undefined;
  const keepResult = async (attemptNumber: number): Promise<T> => {
    const value = await attempt(attemptNumber);
    settled = { value };
    return value;
  };
  try {
    return await pRetry(keepResult, {
      retries: options.maxRetries,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      ...(options.signal ? { signal: options.signal } : {}),
      shouldRetry: async ({ error, retriesConsumed }) => {
        if (!isRetryable(error, policy)) return false;
        const delay = retryDelayMs(retriesConsumed, error, random, backoff);
        const providerAskedToWait = error instanceof ImagegateError && error.retryAfterMs !== undefined;
        if (providerAskedToWait && delay > backoff.maxRetryAfterMs) return false;
        const remaining = options.remainingMs?.();
        if (remaining !== undefined && delay >= remaining) return false;
        await clock.sleep(delay, options.signal);
        return true;
      },
    });
  } catch (error) {
    if (settled) return settled.value;
    if (error instanceof ImagegateError && policy.kind === 'create') {
      const mayExist = jobMayExistAfter(error, policy);
      if (mayExist) amendError(error, { jobMayExist: true, retryable: false });
    }
    throw error;
  }
}
