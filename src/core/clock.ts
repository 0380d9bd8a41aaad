/**
 * Time, injectable: the poll loop and the retry loop read time and sleep only through a Clock, so
 * unit tests can run them without really sleeping.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin (monotonic for the system clock). */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Sleeps on a real timer that is cleared on abort, so nothing lingers once the promise settles. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: abortableSleep,
};
