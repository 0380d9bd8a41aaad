import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { InferenceTimeout } from '../../../src/core/errors';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { jobHandlers, rejectionOf, segmindBase, segmindClient, statusBody } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

describe('segmind: deadlines and aborts', () => {
  it('rejects with InferenceTimeout carrying the job id and elapsed time once timeoutMs has passed', async () => {
    const id = 'req-slow';
    server.use(...jobHandlers({ id, statuses: ['PROCESSING'] }));
    const clock = fakeClock();
    const client = segmindClient(fetch, { clock, polling: { initialDelayMs: 1_000, intervalMs: 1_000, backoffFactor: 1, maxIntervalMs: 1_000 } });
    const error = await rejectionOf(client.generate({ prompt: 'a fox' }, { timeoutMs: 5_000 }));
    expect(error).toBeInstanceOf(InferenceTimeout);
    expect(error).toMatchObject({ provider: 'segmind', requestId: id, jobMayExist: false });
    expect((error as InferenceTimeout).elapsedMs).toBeGreaterThanOrEqual(5_000);
    expect((error as Error).message).toContain(id);
    expect(clock.now()).toBe(5_000);
    // Polls at 1, 2, 3 and 4 s; the wait that reaches 5 s ends in the timeout, with no fifth poll.
    expect(recorded.filter((request) => request.method === 'GET')).toHaveLength(4);
  });

  it('measures job.wait() timeouts from when wait() is called', async () => {
    const id = 'req-wait-timeout';
    server.use(...jobHandlers({ id, statuses: ['QUEUED'] }));
    const clock = fakeClock(50_000);
    const error = await rejectionOf(segmindClient(fetch, { clock }).job(id).wait({ timeoutMs: 200 }));
    expect(error).toBeInstanceOf(InferenceTimeout);
    expect(error).toMatchObject({ requestId: id, elapsedMs: 200 });
  });

  it("rejects promptly with the signal's reason when aborted between polls", async () => {
    const id = 'req-abort-sleep';
    server.use(...jobHandlers({ id, statuses: ['PROCESSING'] }));
    const client = segmindClient(fetch, { polling: { initialDelayMs: 5, intervalMs: 2_000, backoffFactor: 1, maxIntervalMs: 2_000 } });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const pending = client.generate({ prompt: 'a fox' }, { signal: controller.signal });
    await waitUntil(() => recorded.some((request) => request.url.pathname.endsWith('/status')));
    const abortedAt = performance.now();
    controller.abort(reason);
    const error = await rejectionOf(pending);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toBe(reason);
  });

  it("rejects promptly with the signal's reason when aborted during a status request", async () => {
    const id = 'req-abort-inflight';
    let answered = 0;
    server.use(
      http.get(`${segmindBase}/v2/requests/${id}/status`, async () => {
        await delay(5_000);
        answered += 1;
        return HttpResponse.json(statusBody(id, 'PROCESSING'));
      }),
    );
    const client = segmindClient(fetch, { polling: { initialDelayMs: 1, intervalMs: 1, backoffFactor: 1, maxIntervalMs: 1 } });
    const controller = new AbortController();
    const pending = client.job(id).wait({ signal: controller.signal });
    await waitUntil(() => recorded.length === 1);
    const abortedAt = performance.now();
    controller.abort(new Error('stop now'));
    const error = await rejectionOf(pending);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ message: 'stop now' });
    expect(recorded).toHaveLength(1);
    expect(answered).toBe(0);
  });
});

/** Polls `condition` on real time (tests with a real clock only). */
async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
