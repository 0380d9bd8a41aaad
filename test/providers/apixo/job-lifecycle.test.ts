import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ContentPolicyError, InferenceFailed, InsufficientCreditsError, NotFoundError, ProviderError } from '../../../src/core/errors';
import type { JobStatus } from '../../../src/core/job-status';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { apixoClient, envelope, imageHost, rejectionOf, resultJson, statusPath, taskEnvelope, taskHandlers } from './apixo-test-kit';

const { server, recorded, fetch } = useMockProvider();

const statusRequests = () => recorded.filter((request) => request.method === 'GET');

describe('apixo: waiting for a task', () => {
  it('polls statusTask through pending, processing and success, reporting each state once', async () => {
    const taskId = 'task_cycle';
    const urls = [`${imageHost}/a.png`, `${imageHost}/b.png`];
    server.use(
      ...taskHandlers({
        taskId,
        statuses: [
          taskEnvelope(taskId, 'pending'),
          taskEnvelope(taskId, 'pending'),
          taskEnvelope(taskId, 'processing'),
          taskEnvelope(taskId, 'success', { resultJson: resultJson(urls), costTime: 41_388 }),
        ],
      }),
    );
    const seen: JobStatus['state'][] = [];
    const result = await apixoClient(fetch).generate({ prompt: 'a fox', n: 3 }, { onStatus: (status) => seen.push(status.state) });
    expect(seen).toEqual(['queued', 'processing', 'completed']);
    expect(statusRequests()).toHaveLength(4);
    for (const request of statusRequests()) {
      expect(request.url.pathname).toBe('/api/v1/statusTask/minimax-image-01');
      expect(request.url.searchParams.get('taskId')).toBe(taskId);
      expect(request.headers['authorization']).toMatch(/^Bearer /);
    }
    expect(result).toMatchObject({ id: taskId, provider: 'apixo', model: 'image-01', failedCount: 1, cost: { amount: 0.007, currency: 'USD' } });
    expect(result.images.map((image) => image.url)).toEqual(urls);
    expect(result.timings.providerMs).toBe(41_388);
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ id: taskId, images: [{ url: urls[0] }, { url: urls[1] }] });
  });

  it('waits 15 s before the first poll of 1K output by default, then polls every second', async () => {
    const taskId = 'task_schedule';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'pending'), taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'success')] }));
    const clock = fakeClock();
    await apixoClient(fetch, { clock, polling: {} }).generate({ prompt: 'a fox', aspectRatio: '16:9' });
    expect(clock.sleeps).toEqual([15_000, 1_000, 1_000]);
  });

  it('waits 20 s before the first poll of 2K output', async () => {
    const taskId = 'task_2k';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'success')] }));
    const clock = fakeClock();
    await apixoClient(fetch, { clock, polling: {} }).generate({ prompt: 'a fox', resolution: '2K', aspectRatio: '3:4' });
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('polls a job resumed by id at once, then every second', async () => {
    const taskId = 'task_resumed_schedule';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'success')] }));
    const clock = fakeClock();
    await apixoClient(fetch, { clock, polling: {} }).job(taskId).wait();
    expect(clock.sleeps).toEqual([0, 1_000]);
  });

  it('lets the caller override the schedule per call', async () => {
    const taskId = 'task_override';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'success')] }));
    const clock = fakeClock();
    await apixoClient(fetch, { clock, polling: {} }).generate({ prompt: 'a fox' }, { polling: { initialDelayMs: 5_000, intervalMs: 3_000 } });
    expect(clock.sleeps).toEqual([5_000, 3_000]);
  });

  it('resumes a job by id under either model name, asking statusTask for minimax-image-01', async () => {
    const taskId = 'task_resume';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'success')] }));
    const client = apixoClient(fetch);
    const canonical = await client.job(taskId).wait();
    const own = await client.job(taskId, { model: 'minimax-image-01' }).wait();
    const fromHandle = await client.job({ provider: 'apixo', model: 'image-01', id: taskId }).wait();
    expect([canonical.model, own.model, fromHandle.model]).toEqual(['image-01', 'minimax-image-01', 'image-01']);
    expect(canonical.failedCount).toBe(0);
    expect(statusRequests().map((request) => request.url.pathname + request.url.search)).toEqual(
      Array(3).fill(`/api/v1/statusTask/minimax-image-01?taskId=${taskId}`),
    );
  });

  it('resumes a pass-through job under its own slug', async () => {
    const taskId = 'task_flux';
    server.use(...taskHandlers({ taskId, model: 'flux-kontext-pro', statuses: [taskEnvelope(taskId, 'success')] }));
    const result = await apixoClient(fetch).job(taskId, { model: 'flux-kontext-pro' }).wait();
    expect(result.cost).toBeUndefined();
    expect(statusRequests()[0]?.url.pathname).toBe('/api/v1/statusTask/flux-kontext-pro');
  });

  it('reports a status without throwing, failed included', async () => {
    const taskId = 'task_status';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'failed', { failMsg: 'boom' })] }));
    const job = apixoClient(fetch).job(taskId);
    expect(await job.status()).toMatchObject({ state: 'processing', raw: { code: 200, data: { taskId } } });
    expect(await job.status()).toMatchObject({ state: 'failed', error: 'boom' });
  });
});

describe('apixo: tasks that end failed', () => {
  it.each([
    ['INSUFFICIENT_BALANCE', InsufficientCreditsError],
    ['CONTENT_VIOLATION', ContentPolicyError],
    ['NSFW_DETECTED', ContentPolicyError],
    ['SensitiveContentDetected', ContentPolicyError],
    ['UPSTREAM_ERROR', InferenceFailed],
    ['TIMEOUT', InferenceFailed],
  ])('rejects a task failed with %s as %s, with requestId, code and detail', async (failCode, errorClass) => {
    const taskId = `task_${failCode.toLowerCase()}`;
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing'), taskEnvelope(taskId, 'failed', { failCode, failMsg: `because ${failCode}` })] }));
    const seen: JobStatus['state'][] = [];
    const error = await rejectionOf(apixoClient(fetch).generate({ prompt: 'a fox' }, { onStatus: (status) => seen.push(status.state) }));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ provider: 'apixo', requestId: taskId, code: failCode, detail: `because ${failCode}`, retryable: false });
    expect(seen).toEqual(['processing', 'failed']);
    expect(statusRequests()).toHaveLength(2);
  });
});

describe('apixo: status answers that cannot be trusted', () => {
  it('rejects a success whose resultJson is not JSON with ProviderError carrying the body, without reporting completed', async () => {
    const taskId = 'task_broken';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'success', { resultJson: '{"resultUrls": ["https://f/1.png"' })] }));
    const seen: string[] = [];
    const error = await rejectionOf(apixoClient(fetch).generate({ prompt: 'a fox' }, { onStatus: (status) => seen.push(status.state) }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ requestId: taskId, status: 200 });
    expect((error as ProviderError).body).toContain('resultUrls');
    expect(seen).toEqual([]);
    expect(statusRequests()).toHaveLength(1);
  });

  it('maps a code other than 200 inside an HTTP 200 on statusTask to its class, reporting status 200', async () => {
    const taskId = 'task_gone';
    server.use(
      http.post(`https://api.apixo.ai/api/v1/generateTask/minimax-image-01`, () => HttpResponse.json(envelope({ taskId }))),
      http.get(statusPath(), () => HttpResponse.json(envelope(null, 404, 'Task not found'))),
    );
    const error = await rejectionOf(apixoClient(fetch).generate({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 200, code: '404', requestId: taskId });
  });

  it.each([
    ['a body that is not JSON', () => new HttpResponse('{"code":200,"data":{"taskId"', { status: 200, headers: { 'content-type': 'application/json' } })],
    ['an envelope with data: null', () => HttpResponse.json(envelope(null))],
    ['a task without a state', () => HttpResponse.json(envelope({ taskId: 'task_odd' }))],
  ])('keeps polling through one statusTask answer with %s and finishes', async (_what, oddAnswer) => {
    const taskId = 'task_odd';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing'), oddAnswer, taskEnvelope(taskId, 'success')] }));
    const result = await apixoClient(fetch).generate({ prompt: 'a fox' });
    expect(result.id).toBe(taskId);
    expect(statusRequests()).toHaveLength(3);
  });

  it('reports an unreadable statusTask body from status() as a retryable ProviderError with the task id', async () => {
    const taskId = 'task_unreadable';
    server.use(http.get(statusPath(), () => new HttpResponse('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } })));
    const error = await rejectionOf(apixoClient(fetch).job(taskId).status());
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, requestId: taskId, retryable: true, body: '<html>oops</html>' });
  });

  it('keeps polling through a code 503 inside an HTTP 200 and finishes', async () => {
    const taskId = 'task_blip';
    server.use(...taskHandlers({ taskId, statuses: [envelope(null, 503, 'Service busy'), taskEnvelope(taskId, 'success')] }));
    const result = await apixoClient(fetch).generate({ prompt: 'a fox' });
    expect(result.id).toBe(taskId);
    expect(statusRequests()).toHaveLength(2);
  });
});
