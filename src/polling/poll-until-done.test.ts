import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock';
import { systemClock, type Clock } from '../core/clock';
import { Deadline } from '../core/deadline';
import { InferenceFailed, InferenceTimeout, NotFoundError, ProviderError } from '../core/errors';
import { GeneratedImage } from '../core/generated-image';
import type { JobStatus } from '../core/job-status';
import type { WaitContext } from '../core/provider';
import { pollUntilDone, type PollStep } from './poll-until-done';

const schedule = { initialDelayMs: 100, intervalMs: 50, backoffFactor: 2, maxIntervalMs: 150 };

function waitContext(clock: Clock, timeoutMs: number, extra: Partial<WaitContext> = {}): WaitContext {
  const deadline = new Deadline(timeoutMs, clock);
  return {
    call: () => Promise.reject(new Error('no HTTP in this test')),
    clock,
    deadline,
    polling: schedule,
    image: (source) => new GeneratedImage(source, () => Promise.reject(new Error('no download'))),
    startedAt: deadline.startedAt,
    ...extra,
  };
}

const status = (state: JobStatus['state']): JobStatus => ({ state, raw: { state } });

/** A job that walks through `steps`, one per status request. */
function scripted(steps: (PollStep<string> | Error)[]) {
  let index = 0;
  const check = async (): Promise<PollStep<string>> => {
    const step = steps[Math.min(index, steps.length - 1)];
    index += 1;
    if (step instanceof Error) throw step;
    if (!step) throw new Error('no step');
    return step;
  };
  return { job: { provider: 'test', model: 'image-01', jobId: 'job-1', check }, checks: () => index };
}

describe('pollUntilDone', () => {
  it('follows the schedule and reports the first state and every change, completed last', async () => {
    const clock = fakeClock();
    const seen: string[] = [];
    const { job, checks } = scripted([
      { status: status('queued') },
      { status: status('queued') },
      { status: status('processing') },
      { status: status('completed'), result: async () => 'images' },
    ]);
    const context = waitContext(clock, 60_000, { onStatus: (update) => seen.push(update.state) });
    await expect(pollUntilDone(job, context)).resolves.toBe('images');
    expect(seen).toEqual(['queued', 'processing', 'completed']);
    expect(checks()).toBe(4);
    expect(clock.sleeps).toEqual([100, 50, 100, 150]);
    context.deadline.dispose();
  });

  it('keeps polling through transient failures until the job completes', async () => {
    const clock = fakeClock();
    const { job, checks } = scripted([
      new ProviderError('502', { status: 502, retryable: true }),
      { status: status('processing') },
      new ProviderError('503', { status: 503, retryable: true }),
      { status: status('completed'), result: async () => 'images' },
    ]);
    await expect(pollUntilDone(job, waitContext(clock, 60_000))).resolves.toBe('images');
    expect(checks()).toBe(4);
  });

  it('retries a transient failure of the result fetch on the next poll', async () => {
    const clock = fakeClock();
    let fetches = 0;
    const result = async (): Promise<string> => {
      fetches += 1;
      if (fetches === 1) throw new ProviderError('500', { status: 500, retryable: true });
      return 'images';
    };
    const seen: string[] = [];
    const { job } = scripted([{ status: status('completed'), result }]);
    await expect(pollUntilDone(job, waitContext(clock, 60_000, { onStatus: (update) => seen.push(update.state) }))).resolves.toBe('images');
    expect(fetches).toBe(2);
    expect(seen).toEqual(['completed']);
  });

  it('rejects with the failure of a failed job, after reporting it', async () => {
    const clock = fakeClock();
    const failure = new InferenceFailed('nope', { requestId: 'job-1', retryable: true });
    const seen: string[] = [];
    const { job, checks } = scripted([{ status: status('processing') }, { status: { ...status('failed'), error: 'nope' }, failure }]);
    await expect(pollUntilDone(job, waitContext(clock, 60_000, { onStatus: (update) => seen.push(update.state) }))).rejects.toBe(failure);
    expect(seen).toEqual(['processing', 'failed']);
    expect(checks()).toBe(2);
  });

  it('stops at once on an error that polling again cannot fix', async () => {
    const clock = fakeClock();
    const gone = new NotFoundError('expired', { status: 404 });
    const { job, checks } = scripted([gone]);
    await expect(pollUntilDone(job, waitContext(clock, 60_000))).rejects.toBe(gone);
    expect(checks()).toBe(1);
  });

  it('throws InferenceTimeout with the job id and elapsed time when the deadline passes', async () => {
    const clock = fakeClock();
    const { job } = scripted([{ status: status('processing') }]);
    const context = waitContext(clock, 1_000);
    const error = await pollUntilDone(job, context).catch((caught: unknown) => caught);
    context.deadline.dispose();
    expect(error).toBeInstanceOf(InferenceTimeout);
    expect(error).toMatchObject({ requestId: 'job-1', elapsedMs: 1_000, provider: 'test' });
    expect((error as Error).message).toContain('client.job(');
  });

  it('rejects promptly with the signal reason when aborted mid-sleep', async () => {
    const controller = new AbortController();
    const { job } = scripted([{ status: status('processing') }]);
    const context = waitContext(systemClock, 60_000, { signal: controller.signal, polling: { ...schedule, initialDelayMs: 10_000 } });
    const waiting = pollUntilDone(job, context);
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(new Error('stop'));
    }, 20);
    await expect(waiting).rejects.toThrow('stop');
    expect(performance.now() - abortedAt).toBeLessThan(100);
    context.deadline.dispose();
  });
});
