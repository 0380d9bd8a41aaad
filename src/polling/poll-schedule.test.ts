import { describe, expect, it } from 'vitest';
import { delayBeforePoll } from './poll-schedule';

describe('delayBeforePoll', () => {
  const schedule = { initialDelayMs: 15_000, intervalMs: 1_000, backoffFactor: 2, maxIntervalMs: 5_000 };

  it('waits the initial delay before the first poll', () => {
    expect(delayBeforePoll(0, schedule)).toBe(15_000);
  });

  it('grows the interval by the backoff factor up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((index) => delayBeforePoll(index, schedule))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('keeps a fixed interval with factor 1, and never shrinks it with a factor below 1', () => {
    expect(delayBeforePoll(7, { ...schedule, backoffFactor: 1 })).toBe(1_000);
    expect(delayBeforePoll(7, { ...schedule, backoffFactor: 0.5 })).toBe(1_000);
  });
});
