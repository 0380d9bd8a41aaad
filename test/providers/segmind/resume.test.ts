import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageClient } from '../../../src/core/client';
import { ValidationError } from '../../../src/core/errors';
import { segmind } from '../../../src/providers/segmind';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { imageHost, jobHandlers, resultBody, segmindBase, segmindClient, statusBody, submitted, testKey, wireLog } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('segmind: resuming jobs', () => {
  it('resumes client.job(id) through /v2/requests/{id}/status on the configured base', async () => {
    const id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    server.use(...jobHandlers({ id, statuses: ['PROCESSING', 'COMPLETED'] }));
    const job = segmindClient(fetch, { clock: fakeClock() }).job(id);
    expect(job.toJSON()).toEqual({ provider: 'segmind', model: 'image-01', id });
    const result = await job.wait();
    expect(result.id).toBe(id);
    expect(wireLog(recorded)).toEqual([`GET /v2/requests/${id}/status`, `GET /v2/requests/${id}/status`, `GET /v2/requests/${id}`]);
    expect(recorded.every((request) => request.headers['x-api-key'] === testKey)).toBe(true);
  });

  it('resumes client.job(job.toJSON()) in another client, keeping the model', async () => {
    const id = 'req-handle';
    server.use(...jobHandlers({ id, model: 'gpt-image-1-mini', statuses: ['COMPLETED'] }));
    const first = await segmindClient(fetch).submit({ model: 'gpt-image-1-mini', prompt: 'a fox' });
    const stored = JSON.parse(JSON.stringify(first)) as unknown;
    expect(stored).toEqual({ provider: 'segmind', model: 'gpt-image-1-mini', id });
    const again = segmindClient(fetch, { clock: fakeClock() }).job(first.toJSON());
    expect(again.model).toBe('gpt-image-1-mini');
    const result = await again.wait();
    expect(result).toMatchObject({ id, model: 'gpt-image-1-mini' });
    expect(wireLog(recorded)).toEqual(['POST /v2/gpt-image-1-mini', `GET /v2/requests/${id}/status`, `GET /v2/requests/${id}`]);
  });

  it('encodes an id into one path segment', async () => {
    server.use(http.get(`${segmindBase}/v2/requests/:id/status`, () => HttpResponse.json(statusBody('x', 'QUEUED'))));
    await segmindClient(fetch).job('a/b?c').status();
    expect(recorded[0]?.url.pathname).toBe('/v2/requests/a%2Fb%3Fc/status');
  });

  it('keeps the path prefix of a proxy baseUrl on every request', async () => {
    const base = 'https://proxy.example/segmind';
    const id = 'req-proxy';
    // A proxy passes Segmind's own answer through, so the returned URLs point at api.segmind.com.
    server.use(
      http.post(`${base}/v2/image-01`, () => HttpResponse.json(submitted(id))),
      ...jobHandlers({ id, base, statuses: ['COMPLETED'] }).slice(1),
    );
    const client = segmindClient(fetch, { clock: fakeClock(), provider: { baseUrl: `${base}/` } });
    await client.generate({ prompt: 'a fox' });
    await client.job(id).status();
    expect(recorded.map((request) => request.url.href)).toEqual([
      `${base}/v2/image-01`,
      `${base}/v2/requests/${id}/status`,
      `${base}/v2/requests/${id}`,
      `${base}/v2/requests/${id}/status`,
    ]);
  });

  it('does not follow a status_url or response_url on a foreign origin, so the key never goes there', async () => {
    const id = 'req-foreign';
    const foreign = 'https://collector.evil.example';
    server.use(
      http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json(submitted(id, foreign))),
      http.get(`${segmindBase}/v2/requests/${id}/status`, () => HttpResponse.json(statusBody(id, 'COMPLETED'))),
      http.get(`${segmindBase}/v2/requests/${id}`, () => HttpResponse.json(resultBody(id, [`${imageHost}/f.png`]))),
      http.get(`${foreign}/*`, () => HttpResponse.json(statusBody(id, 'COMPLETED'))),
    );
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(result.id).toBe(id);
    expect(recorded.map((request) => request.url.origin)).toEqual([segmindBase, segmindBase, segmindBase]);
  });

  it('follows a status_url on the configured origin even when its path differs', async () => {
    const id = 'req-same-origin';
    server.use(
      http.post(`${segmindBase}/v2/image-01`, () =>
        HttpResponse.json({ request_id: id, status_url: `${segmindBase}/v2/other/${id}/poll`, response_url: `${segmindBase}/v2/other/${id}/out` }),
      ),
      http.get(`${segmindBase}/v2/other/${id}/poll`, () => HttpResponse.json(statusBody(id, 'COMPLETED'))),
      http.get(`${segmindBase}/v2/other/${id}/out`, () => HttpResponse.json(resultBody(id, [`${imageHost}/s.png`]))),
    );
    await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    expect(wireLog(recorded)).toEqual(['POST /v2/image-01', `GET /v2/other/${id}/poll`, `GET /v2/other/${id}/out`]);
  });

  it('refuses a handle from another provider with ValidationError and sends nothing', () => {
    const client = segmindClient(fetch);
    expect(() => client.job({ provider: 'apixo', model: 'image-01', id: 'task-1' })).toThrow(ValidationError);
    expect(() => client.job({ provider: 'segmind', model: 'image-01', id: '' })).toThrow(ValidationError);
    expect(recorded).toHaveLength(0);
  });
});

describe('segmind: baseUrl', () => {
  it('refuses a baseUrl that is not http(s) with ValidationError', () => {
    expect(() => segmind({ baseUrl: 'ftp://files.example' })).toThrow(ValidationError);
    expect(() => segmind({ baseUrl: 'not a url' })).toThrow(ValidationError);
  });

  it('talks to a plain http origin when configured', async () => {
    const base = 'http://127.0.0.1:8080';
    server.use(http.post(`${base}/v2/image-01`, () => HttpResponse.json(submitted('req-local', base))));
    await segmindClient(fetch, { provider: { baseUrl: base } }).submit({ prompt: 'a fox' });
    expect(recorded[0]?.url.href).toBe(`${base}/v2/image-01`);
  });

  it('uses SEGMIND_BASE_URL when no baseUrl is given', async () => {
    const base = 'https://segmind-proxy.example/v';
    vi.stubEnv('SEGMIND_BASE_URL', base);
    server.use(http.post(`${base}/v2/image-01`, () => HttpResponse.json(submitted('req-env-base', base))));
    await new ImageClient({ provider: segmind({ apiKey: testKey }), fetch }).submit({ prompt: 'a fox' });
    expect(recorded[0]?.url.href).toBe(`${base}/v2/image-01`);
  });
});
