import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock';
import { ConnectionError, ProviderError, RateLimitError } from './errors';
import { withRetry } from './retry';
import { idempotentPolicy, queueSubmitPolicy } from './retry-policy';

function failing(errors: Error[], value = 'done') {
  let calls = 0;
  const attempt = async (): Promise<string> => {
    const error = errors[calls];
    calls += 1;
    if (error) throw error;
    return value;
  };
  return { attempt, calls: () => calls };
}

describe('withRetry', () => {
  it('retries transient failures with backoff slept on the injected clock', async () => {
    const clock = fakeClock();
    const { attempt, calls } = failing([new ProviderError('x', { status: 502 }), new ProviderError('x', { status: 503 })]);
    await expect(withRetry(attempt, { policy: idempotentPolicy, maxRetries: 2, clock, random: () => 1 })).resolves.toBe('done');
    expect(calls()).toBe(3);
    expect(clock.sleeps).toEqual([500, 1_000]);
  });

  it('stops after maxRetries and throws the last error', async () => {
    const clock = fakeClock();
    const errors = [1, 2, 3, 4].map(() => new ProviderError('x', { status: 500 }));
    const { attempt, calls } = failing(errors);
    await expect(withRetry(attempt, { policy: idempotentPolicy, maxRetries: 2, clock })).rejects.toBe(errors[2]);
    expect(calls()).toBe(3);
  });

  it('waits exactly the Retry-After the provider asked for', async () => {
    const clock = fakeClock();
    const { attempt } = failing([new RateLimitError('x', { status: 429, retryAfterMs: 12_000 })]);
    await withRetry(attempt, { policy: idempotentPolicy, maxRetries: 2, clock });
    expect(clock.sleeps).toEqual([12_000]);
  });

  it('surfaces a RateLimitError at once when the provider asks for more than 60 s', async () => {
    const clock = fakeClock();
    const limited = new RateLimitError('x', { status: 429, retryAfterMs: 61_000 });
    const { attempt, calls } = failing([limited]);
    await expect(withRetry(attempt, { policy: idempotentPolicy, maxRetries: 2, clock })).rejects.toBe(limited);
    expect(calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not sleep past the deadline', async () => {
    const clock = fakeClock();
    const limited = new RateLimitError('x', { status: 429, retryAfterMs: 5_000 });
    const { attempt, calls } = failing([limited]);
    await expect(withRetry(attempt, { policy: idempotentPolicy, maxRetries: 2, clock, remainingMs: () => 4_000 })).rejects.toBe(limited);
    expect(calls()).toBe(1);
  });

  it('marks jobMayExist and not retryable when a submit fails after sending', async () => {
    const clock = fakeClock();
    const lost = new ConnectionError('reset', { requestSent: true, retryable: true });
    const { attempt, calls } = failing([lost]);
    const error = await withRetry(attempt, { policy: queueSubmitPolicy, maxRetries: 2, clock }).catch((caught: unknown) => caught);
    expect(calls()).toBe(1);
    expect(error).toMatchObject({ jobMayExist: true, retryable: false });
  });

  it('retries a submit whose connection was refused, and the job is created once', async () => {
    const clock = fakeClock();
    const { attempt, calls } = failing([new ConnectionError('refused', { requestSent: false, retryable: true })]);
    await expect(withRetry(attempt, { policy: queueSubmitPolicy, maxRetries: 2, clock })).resolves.toBe('done');
    expect(calls()).toBe(2);
  });

  it('keeps a result that arrived just before an abort, so a created job id is never dropped', async () => {
    const controller = new AbortController();
    const attempt = async (): Promise<string> => {
      controller.abort(new Error('too late'));
      return 'job-42';
    };
    await expect(withRetry(attempt, { policy: queueSubmitPolicy, maxRetries: 2, clock: fakeClock(), signal: controller.signal })).resolves.toBe('job-42');
  });

  it('never retries an abort: it rejects with the signal reason', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const reason = new Error('user stopped');
    let calls = 0;
    const attempt = async (): Promise<string> => {
      calls += 1;
      controller.abort(reason);
      throw reason;
    };
    await expect(withRetry(attempt, { policy: idempotentPolicy, maxRetries: 5, clock, signal: controller.signal })).rejects.toBe(reason);
    expect(calls).toBe(1);
  });
});
