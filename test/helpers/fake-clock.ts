import type { Clock } from '../../src/core/clock';

/**
 * Virtual time: `sleep` resolves at once (after a macrotask, so other work can run) and moves
 * `now()` forward. `sleeps` records every requested duration, for schedule assertions.
 */
export function fakeClock(start = 0): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        sleeps.push(ms);
        now += ms;
        setImmediate(() => (signal?.aborted ? reject(signal.reason) : resolve()));
      }),
  };
}
