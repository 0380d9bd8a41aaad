import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { InferenceFailed, NotFoundError, ProviderError } from '../../../src/core/errors';
import type { JobStatus } from '../../../src/core/job-status';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { imageHost, jobHandlers, rejectionOf, resultBody, segmindBase, segmindClient, statusBody, testKey, wireLog } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

describe('segmind generate: a job from queue to images', () => {
  it('reports QUEUED, PROCESSING and COMPLETED once each, in order, then fetches the result once from response_url', async () => {
    const id = 'req-flow';
    const queueUrl = `${segmindBase}/v2/queue/${id}`;
    let statusCalls = 0;
    const statuses = ['QUEUED', 'QUEUED', 'PROCESSING', 'PROCESSING', 'COMPLETED'];
    server.use(
      http.post(`${segmindBase}/v2/image-01`, () =>
        HttpResponse.json({ request_id: id, status: 'QUEUED', status_url: `${queueUrl}/status`, response_url: `${queueUrl}/result` }),
      ),
      http.get(`${queueUrl}/status`, () => HttpResponse.json(statusBody(id, statuses[Math.min(statusCalls++, statuses.length - 1)] ?? 'COMPLETED'))),
      http.get(`${queueUrl}/result`, () => HttpResponse.json(resultBody(id, [`${imageHost}/a.png`, `${imageHost}/b.png`]))),
    );
    const seen: JobStatus['state'][] = [];
    const client = segmindClient(fetch, { clock: fakeClock() });
    const result = await client.generate({ prompt: 'a fox', n: 2 }, { onStatus: (status) => seen.push(status.state) });

    expect(seen).toEqual(['queued', 'processing', 'completed']);
    expect(wireLog(recorded)).toEqual([
      'POST /v2/image-01',
      ...statuses.map(() => `GET /v2/queue/${id}/status`),
      `GET /v2/queue/${id}/result`,
    ]);
    for (const request of recorded) {
      expect(request.headers['x-api-key']).toBe(testKey);
      expect(request.headers['authorization']).toBeUndefined();
    }
    expect(recorded[0]?.headers['content-type']).toBe('application/json');
    expect(result).toMatchObject({ id, provider: 'segmind', model: 'image-01', failedCount: 0 });
    expect(result.images.map((image) => [image.url, image.mediaType])).toEqual([
      [`${imageHost}/a.png`, 'image/png'],
      [`${imageHost}/b.png`, 'image/png'],
    ]);
  });

  it('maps inference_time to inferenceMs, total_time to providerMs and cost to cost', async () => {
    const id = 'req-metrics';
    server.use(
      ...jobHandlers({
        id,
        statuses: ['COMPLETED'],
        result: resultBody(id, [`${imageHost}/m.png`], { inference_time: 4.25, queue_time: 1.5, total_time: '5.75', cost: 0.0035 }),
      }),
    );
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(result.timings.inferenceMs).toBe(4250);
    expect(result.timings.providerMs).toBe(5750);
    expect(result.cost).toEqual({ amount: 0.0035, currency: 'USD' });
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('takes metrics from the COMPLETED status when the result body has none', async () => {
    const id = 'req-status-metrics';
    const completed = () => HttpResponse.json(statusBody(id, 'COMPLETED', { inference_time: 2, total_time: 3, cost: 0.01 }));
    server.use(...jobHandlers({ id, statuses: [completed], result: { status: 'COMPLETED', output: `${imageHost}/s.png` } }));
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(result.timings).toMatchObject({ inferenceMs: 2000, providerMs: 3000 });
    expect(result.cost).toEqual({ amount: 0.01, currency: 'USD' });
  });

  it.each([
    ['images[].url over output', { images: [{ url: `${imageHost}/i.png` }], output: `${imageHost}/ignored.png` }, [`${imageHost}/i.png`]],
    ['output as a string', { output: `${imageHost}/one.png` }, [`${imageHost}/one.png`]],
    ['output as an array', { output: [`${imageHost}/x.png`, `${imageHost}/y.png`] }, [`${imageHost}/x.png`, `${imageHost}/y.png`]],
    ['output as an object with url', { output: { url: `${imageHost}/o.png` } }, [`${imageHost}/o.png`]],
  ])('reads image URLs from %s', async (_name, body, urls) => {
    const id = 'req-output';
    server.use(...jobHandlers({ id, statuses: ['COMPLETED'], result: { status: 'COMPLETED', ...body } }));
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(result.images.map((image) => image.url)).toEqual(urls);
    expect(JSON.parse(JSON.stringify(result.images))).toEqual(result.images.map((image) => image.toJSON()));
  });

  it('hands the job to onSubmitted before the first status request', async () => {
    const id = 'req-submitted';
    server.use(...jobHandlers({ id, statuses: ['QUEUED', 'COMPLETED'] }));
    let requestsAtSubmit = -1;
    let handle: unknown;
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate(
      { prompt: 'a fox' },
      {
        onSubmitted: (job) => {
          requestsAtSubmit = recorded.length;
          handle = job.toJSON();
        },
      },
    );
    expect(requestsAtSubmit).toBe(1);
    expect(handle).toEqual({ provider: 'segmind', model: 'image-01', id });
    expect(result.id).toBe(id);
  });

  it('keeps polling through 502s on status until the job completes', async () => {
    const id = 'req-502';
    const badGateway = () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const statuses = [badGateway, badGateway, badGateway, badGateway, badGateway, 'PROCESSING', badGateway, 'COMPLETED'];
    server.use(...jobHandlers({ id, statuses }));
    const seen: string[] = [];
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' }, { onStatus: (status) => seen.push(status.state) });
    expect(result.id).toBe(id);
    expect(seen).toEqual(['processing', 'completed']);
    const statusRequests = recorded.filter((request) => request.url.pathname.endsWith('/status'));
    expect(statusRequests).toHaveLength(statuses.length);
    expect(recorded.filter((request) => request.url.pathname === `/v2/requests/${id}`)).toHaveLength(1);
  });
});

describe('segmind: failed and missing jobs', () => {
  it('rejects with InferenceFailed carrying the provider text and the job id when status answers 422 FAILED', async () => {
    const id = 'req-failed';
    server.use(...jobHandlers({ id, statuses: ['PROCESSING', 'FAILED'] }));
    const seen: string[] = [];
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' }, { onStatus: (status) => seen.push(status.state) }));
    expect(error).toBeInstanceOf(InferenceFailed);
    expect(error).toMatchObject({ provider: 'segmind', status: 422, requestId: id, detail: 'The prompt was blocked by the safety checker', code: 'FAILED' });
    expect((error as Error).message).toContain('The prompt was blocked by the safety checker');
    expect(seen).toEqual(['processing', 'failed']);
    expect(recorded.some((request) => request.url.pathname === `/v2/requests/${id}`)).toBe(false);
  });

  it('keeps the text of a FAILED error given as an object', async () => {
    const id = 'req-failed-object';
    const failed = () => HttpResponse.json({ ...statusBody(id, 'FAILED'), error: { message: 'NSFW content detected', code: 'nsfw' } }, { status: 422 });
    server.use(...jobHandlers({ id, statuses: [failed] }));
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(InferenceFailed);
    expect(error).toMatchObject({ requestId: id, detail: 'NSFW content detected' });
  });

  it("resolves job.status() of a failed job as { state: 'failed', error } without throwing", async () => {
    const id = 'req-failed-status';
    server.use(...jobHandlers({ id, statuses: ['FAILED'] }));
    const status = await segmindClient(fetch).job(id).status();
    expect(status).toMatchObject({ state: 'failed', error: 'The prompt was blocked by the safety checker' });
    expect(status.raw).toMatchObject({ status: 'FAILED' });
    expect(wireLog(recorded)).toEqual([`GET /v2/requests/${id}/status`]);
  });

  it.each([
    ['QUEUED', 'queued'],
    ['PROCESSING', 'processing'],
    ['COMPLETED', 'completed'],
  ])('maps status %s to %s', async (wire, state) => {
    server.use(...jobHandlers({ id: 'req-state', statuses: [wire] }));
    expect((await segmindClient(fetch).job('req-state').status()).state).toBe(state);
  });

  it('rejects a 404 on status with NotFoundError saying the record may have expired after 1 hour', async () => {
    const id = 'req-gone';
    server.use(http.get(`${segmindBase}/v2/requests/${id}/status`, () => HttpResponse.json({ error: `Request ${id} not found` }, { status: 404 })));
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).job(id).wait());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: 'segmind', status: 404, requestId: id });
    expect((error as Error).message).toMatch(/1 hour/);
    expect((error as Error).message).toMatch(/may have expired/);
    expect(recorded).toHaveLength(1);
  });
});

describe('segmind: result bodies', () => {
  it('reads a result body that carries no status field', async () => {
    const id = 'req-no-status';
    server.use(...jobHandlers({ id, statuses: ['COMPLETED'], result: { output: [`${imageHost}/n.png`], metrics: { inference_time: 1 } } }));
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' }, { timeoutMs: 5_000 });
    expect(result.images.map((image) => image.url)).toEqual([`${imageHost}/n.png`]);
    expect(recorded.filter((request) => request.url.pathname === `/v2/requests/${id}`)).toHaveLength(1);
  });

  it('rejects a COMPLETED result without any image URL with ProviderError, fetching it once', async () => {
    const id = 'req-empty';
    server.use(...jobHandlers({ id, statuses: ['COMPLETED'], result: { status: 'COMPLETED', output: [] } }));
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ requestId: id });
    expect(recorded.filter((request) => request.url.pathname === `/v2/requests/${id}`)).toHaveLength(1);
  });

  it('rejects with InferenceFailed when the result itself answers 422 FAILED', async () => {
    const id = 'req-result-failed';
    server.use(...jobHandlers({ id, statuses: ['COMPLETED'] }));
    server.use(http.get(`${segmindBase}/v2/requests/${id}`, () => HttpResponse.json({ status: 'FAILED', error: 'worker crashed' }, { status: 422 })));
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(InferenceFailed);
    expect(error).toMatchObject({ requestId: id, detail: 'worker crashed' });
  });
});
