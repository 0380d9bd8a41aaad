import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConnectionError, InferenceTimeout, ProviderError, RateLimitError } from '../../../src/core/errors';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { jobHandlers, quickPolling, rejectionOf, segmindBase, segmindClient, submitted, wireLog } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

/** Status answers `first` once, then COMPLETED. */
function statusOnceThenCompleted(id: string, first: () => Response) {
  return jobHandlers({ id, statuses: [first, 'COMPLETED'] });
}

/** The fake clock's sleeps that were not the poll schedule's own. */
function retrySleeps(sleeps: readonly number[]): number[] {
  return sleeps.filter((ms) => ms !== quickPolling.initialDelayMs);
}

const rateLimited = (headers: Record<string, string> = {}) => () => HttpResponse.json({ error: 'Too many requests' }, { status: 429, headers });

describe('segmind: 429 on status', () => {
  it('retries a 429 on status after the Retry-After delay', async () => {
    const id = 'req-429-retry-after';
    server.use(...statusOnceThenCompleted(id, rateLimited({ 'retry-after': '3' })));
    const clock = fakeClock();
    const result = await segmindClient(fetch, { clock }).generate({ prompt: 'a fox' });
    expect(result.id).toBe(id);
    expect(retrySleeps(clock.sleeps)).toEqual([3_000]);
    expect(wireLog(recorded)).toEqual(['POST /v2/image-01', `GET /v2/requests/${id}/status`, `GET /v2/requests/${id}/status`, `GET /v2/requests/${id}`]);
  });

  it('retries a 429 on status without Retry-After after a jittered backoff', async () => {
    const id = 'req-429-backoff';
    server.use(...statusOnceThenCompleted(id, rateLimited()));
    const clock = fakeClock();
    const result = await segmindClient(fetch, { clock }).generate({ prompt: 'a fox' });
    expect(result.id).toBe(id);
    const [backoff, ...rest] = retrySleeps(clock.sleeps);
    expect(rest).toEqual([]);
    expect(backoff).toBeGreaterThanOrEqual(250);
    expect(backoff).toBeLessThanOrEqual(500);
    expect(recorded.filter((request) => request.url.pathname.endsWith('/status'))).toHaveLength(2);
  });

  it('waits until x-rate-limit-reset-at-utc (ISO date) before retrying a 429 on status', async () => {
    const id = 'req-429-reset-iso';
    server.use(...statusOnceThenCompleted(id, () => rateLimited({ 'x-rate-limit-reset-at-utc': new Date(Date.now() + 4_000).toISOString() })()));
    const clock = fakeClock();
    await segmindClient(fetch, { clock }).generate({ prompt: 'a fox' });
    const [wait, ...rest] = retrySleeps(clock.sleeps);
    expect(rest).toEqual([]);
    expect(wait).toBeGreaterThan(3_000);
    expect(wait).toBeLessThanOrEqual(4_000);
  });

  it('waits until x-rate-limit-reset-at-utc (epoch seconds) before retrying a 429 on status', async () => {
    const id = 'req-429-reset-epoch';
    server.use(...statusOnceThenCompleted(id, () => rateLimited({ 'x-rate-limit-reset-at-utc': String(Math.ceil(Date.now() / 1000) + 6) })()));
    const clock = fakeClock();
    await segmindClient(fetch, { clock }).generate({ prompt: 'a fox' });
    const [wait] = retrySleeps(clock.sleeps);
    expect(wait).toBeGreaterThan(4_000);
    expect(wait).toBeLessThanOrEqual(7_000);
  });

  it('gives up on a status 429 that asks for more than 60 s and says how long it asked for', async () => {
    const id = 'req-429-long';
    server.use(...jobHandlers({ id, statuses: [rateLimited({ 'retry-after': '120' })] }));
    const clock = fakeClock();
    const error = await rejectionOf(segmindClient(fetch, { clock }).job(id).status());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, requestId: id });
    expect(clock.sleeps).toEqual([]);
    expect(recorded).toHaveLength(1);
  });
});

describe('segmind: retries of the submit (a billed job)', () => {
  it.each([500, 503])('retries a %i on submit and creates the job once', async (status) => {
    let posts = 0;
    server.use(
      http.post(`${segmindBase}/v2/image-01`, () => {
        posts += 1;
        return posts === 1 ? HttpResponse.json({ error: 'Internal server error' }, { status }) : HttpResponse.json(submitted('req-second'));
      }),
    );
    const clock = fakeClock();
    const job = await segmindClient(fetch, { clock }).submit({ prompt: 'a fox' });
    expect(job.id).toBe('req-second');
    expect(wireLog(recorded)).toEqual(['POST /v2/image-01', 'POST /v2/image-01']);
    expect(recorded[1]?.json).toEqual(recorded[0]?.json);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('retries a 429 on submit after Retry-After', async () => {
    let posts = 0;
    server.use(
      http.post(`${segmindBase}/v2/image-01`, () => {
        posts += 1;
        return posts === 1 ? rateLimited({ 'retry-after': '2' })() : HttpResponse.json(submitted('req-after-429'));
      }),
    );
    const clock = fakeClock();
    const job = await segmindClient(fetch, { clock }).submit({ prompt: 'a fox' });
    expect(job.id).toBe('req-after-429');
    expect(clock.sleeps).toEqual([2_000]);
    expect(recorded).toHaveLength(2);
  });

  it('does not retry a 504 on submit and says the job may exist', async () => {
    server.use(http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json({ error: 'Gateway timeout' }, { status: 504 })));
    const clock = fakeClock();
    const error = await rejectionOf(segmindClient(fetch, { clock }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 504, jobMayExist: true, retryable: false });
    expect(recorded).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a submit whose connection was lost after sending and says the job may exist', async () => {
    server.use(http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.error()));
    const clock = fakeClock();
    const error = await rejectionOf(segmindClient(fetch, { clock }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: true, jobMayExist: true, retryable: false, provider: 'segmind' });
    expect(recorded).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a submit whose 200 answer cannot be read, and says the job may exist', async () => {
    server.use(http.post(`${segmindBase}/v2/image-01`, () => new HttpResponse('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } })));
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, jobMayExist: true, body: '<html>oops</html>' });
    expect(recorded).toHaveLength(1);
  });

  it('retries a connection lost on status (an idempotent call)', async () => {
    const id = 'req-status-reset';
    server.use(...statusOnceThenCompleted(id, () => HttpResponse.error()));
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(result.id).toBe(id);
    expect(recorded.filter((request) => request.url.pathname.endsWith('/status'))).toHaveLength(2);
  });

  it('stops after maxRetries on a submit that keeps answering 503', async () => {
    server.use(http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json({ error: 'busy' }, { status: 503 })));
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock(), maxRetries: 1 }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    // A 503 means "not created": the job does not exist, so submitting again is safe.
    expect(error).toMatchObject({ status: 503, jobMayExist: false, detail: 'busy' });
    expect(recorded).toHaveLength(2);
  });
});

describe('segmind: status answers', () => {
  it('treats a 200 status body without a status field as a retryable provider error', async () => {
    const id = 'req-odd-status';
    server.use(...statusOnceThenCompleted(id, () => HttpResponse.json({ unexpected: true })));
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(result.id).toBe(id);
    expect(recorded.filter((request) => request.url.pathname.endsWith('/status'))).toHaveLength(2);
  });
});

describe('segmind: rate limits while waiting', () => {
  it('does not poll again before a long Retry-After on status has passed', async () => {
    const id = 'req-429-poll';
    server.use(...jobHandlers({ id, statuses: [rateLimited({ 'retry-after': '90' }), 'COMPLETED'] }));
    const clock = fakeClock();
    const result = await segmindClient(fetch, { clock }).generate({ prompt: 'a fox' });
    expect(result.id).toBe(id);
    const statusRequests = recorded.filter((request) => request.url.pathname.endsWith('/status'));
    expect(statusRequests).toHaveLength(2);
    expect(clock.now()).toBeGreaterThanOrEqual(90_000);
  });

  it('times out with the job id when a long Retry-After on status reaches past the deadline', async () => {
    const id = 'req-429-deadline';
    server.use(...jobHandlers({ id, statuses: [rateLimited({ 'retry-after': '90' }), 'COMPLETED'] }));
    const clock = fakeClock();
    const error = await rejectionOf(segmindClient(fetch, { clock }).generate({ prompt: 'a fox' }, { timeoutMs: 30_000 }));
    expect(error).toBeInstanceOf(InferenceTimeout);
    expect(error).toMatchObject({ requestId: id, elapsedMs: 30_000 });
    expect(recorded.filter((request) => request.url.pathname.endsWith('/status'))).toHaveLength(1);
  });
});
