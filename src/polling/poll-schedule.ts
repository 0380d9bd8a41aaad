import type { PollingOptions } from '../core/options';

/**
 * Milliseconds to wait before status request number `pollIndex` (0 = the first): the initial delay,
 * then an interval that grows by `backoffFactor` up to `maxIntervalMs`. Pure, so it is unit-tested.
 */
export function delayBeforePoll(pollIndex: number, schedule: Required<PollingOptions>): number {
  if (pollIndex <= 0) return Math.max(0, schedule.initialDelayMs);
  const grown = schedule.intervalMs * Math.max(1, schedule.backoffFactor) ** (pollIndex - 1);
  return Math.max(0, Math.min(schedule.maxIntervalMs, grown));
}
