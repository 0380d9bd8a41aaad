import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/testing';
import type { Sandbox } from '../../src/testing';
import { call, field, postJson, text } from './sandbox-test-helpers';

const segmindKey = { 'x-api-key': 'k' };
const bearer = { authorization: 'Bearer k' };

describe('sandbox: injected HTTP faults', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 10, queueTimeMs: 0 });
  });
  afterEach(() => {
    sandbox.reset();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const segmindSubmit = () => postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'fault test' }, segmindKey);
  const apixoSubmit = () => postJson(`${sandbox.baseUrls.apixo}/api/v1/generateTask/minimax-image-01`, { input: { mode: 'text-to-image', prompt: 'fault test' } }, bearer);

  it('answers a Segmind 429 with x-rate-limit-reset-at-utc and no Retry-After, once, without creating a job', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'status', status: 429 } });
    const limited = await segmindSubmit();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    const resetAt = Date.parse(limited.headers.get('x-rate-limit-reset-at-utc') ?? '');
    expect(resetAt - Date.now()).toBeGreaterThan(500);
    expect(resetAt - Date.now()).toBeLessThanOrEqual(1_000);
    expect(typeof field(limited.json, 'error')).toBe('string');
    expect(sandbox.jobsCreated('segmind')).toBe(0);
    expect((await segmindSubmit()).status).toBe(200);
    expect(sandbox.jobsCreated('segmind')).toBe(1);
  });

  it('sends the headers a status fault names, or none', async () => {
    sandbox.faults.push(
      { provider: 'segmind', fault: { type: 'status', status: 429, retryAfter: 2 } },
      { provider: 'segmind', fault: { type: 'status', status: 429, rateLimitResetAt: null } },
      { provider: 'segmind', fault: { type: 'status', status: 429, rateLimitResetAt: '1767965652' } },
      { provider: 'segmind', fault: { type: 'status', status: 429, rateLimitResetAt: '2030-01-01T00:00:00' } },
    );
    const withRetryAfter = await segmindSubmit();
    expect([withRetryAfter.headers.get('retry-after'), withRetryAfter.headers.get('x-rate-limit-reset-at-utc')]).toEqual(['2', null]);
    const bare = await segmindSubmit();
    expect([bare.status, bare.headers.get('retry-after'), bare.headers.get('x-rate-limit-reset-at-utc')]).toEqual([429, null, null]);
    const epoch = await segmindSubmit();
    expect(epoch.headers.get('x-rate-limit-reset-at-utc')).toBe('1767965652');
    const zoneless = await segmindSubmit();
    expect(zoneless.headers.get('x-rate-limit-reset-at-utc')).toBe('2030-01-01T00:00:00');
  });

  it('aims faults by provider and route, counts times, and uses the provider error shape', async () => {
    sandbox.faults.push({ provider: 'apixo', route: 'status', times: 2, fault: { type: 'status', status: 503 } });
    const submitted = await apixoSubmit();
    expect(submitted.status).toBe(200);
    const statusUrl = `${sandbox.baseUrls.apixo}/api/v1/statusTask/minimax-image-01?taskId=${text(submitted.json, 'data', 'taskId')}`;
    const first = await call(statusUrl, { headers: bearer });
    expect(first.status).toBe(503);
    expect(first.json).toEqual({ code: 503, message: expect.any(String), data: { error: expect.any(String) } });
    expect((await call(statusUrl, { headers: bearer })).status).toBe(503);
    expect(sandbox.faults.pending()).toEqual([]);
    expect((await call(statusUrl, { headers: bearer })).status).toBe(200);
  });

  it('can answer a fault after really handling the request (a 504 hiding a created job)', async () => {
    sandbox.faults.push({ route: 'submit', fault: { type: 'status', status: 504, processRequest: true, body: 'upstream timeout', contentType: 'text/plain' } });
    const answer = await segmindSubmit();
    expect([answer.status, answer.text, answer.headers.get('content-type')]).toEqual([504, 'upstream timeout', 'text/plain']);
    expect(sandbox.jobsCreated('segmind')).toBe(1);
  });

  it('resets the connection before the body is read, creating no job', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'reset', when: 'before-body' } });
    await expect(segmindSubmit()).rejects.toThrow();
    expect(sandbox.jobsCreated()).toBe(0);
    const [recorded] = sandbox.recordedRequests({ provider: 'segmind' });
    expect(recorded?.body).toBeUndefined();
    expect(recorded?.route).toBe('submit');
  });

  it('resets the connection after the body is read, with the job created', async () => {
    sandbox.faults.push({ provider: 'apixo', route: 'submit', fault: { type: 'reset', when: 'after-body' } });
    await expect(apixoSubmit()).rejects.toThrow();
    expect(sandbox.jobsCreated('apixo')).toBe(1);
    expect(field(sandbox.recordedRequests({ provider: 'apixo' })[0]?.body, 'input', 'prompt')).toBe('fault test');
  });

  it('holds headers past a client timeout, after creating the job', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'delay-headers', ms: 400 } });
    const timedOut = fetch(`${sandbox.baseUrls.segmind}/v2/image-01`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...segmindKey },
      body: JSON.stringify({ prompt: 'slow' }),
      signal: AbortSignal.timeout(80),
    });
    await expect(timedOut).rejects.toThrow(/timeout|aborted/i);
    expect(sandbox.jobsCreated('segmind')).toBe(1);
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'delay-headers', ms: 60 } });
    const started = Date.now();
    const delayed = await segmindSubmit();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(field(delayed.json, 'status')).toBe('QUEUED');
  });

  it('sends malformed JSON with a 200 status', async () => {
    sandbox.faults.push({ provider: 'apixo', route: 'submit', fault: { type: 'malformed-json' } });
    const answer = await apixoSubmit();
    expect(answer.status).toBe(200);
    expect(answer.json).toBeUndefined();
    expect(answer.text.startsWith('{"code":200')).toBe(true);
    expect(sandbox.jobsCreated('apixo')).toBe(1);
  });

  it('sends an HTML error page', async () => {
    sandbox.faults.push({ provider: 'minimax', fault: { type: 'html', status: 502 } });
    const answer = await postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', prompt: 'x' }, bearer);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toContain('502 Bad Gateway');
    expect(sandbox.jobsCreated('minimax')).toBe(0);
  });

  it('faults image downloads on the file route', async () => {
    const generated = await postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', prompt: 'file fault' }, bearer);
    const url = text(generated.json, 'data', 'image_urls', 0);
    sandbox.faults.push({ provider: 'minimax', route: 'file', fault: { type: 'status', status: 500 } });
    expect((await call(url)).status).toBe(500);
    expect((await call(url)).status).toBe(200);
  });

  it('refuses a rule with times below 1', () => {
    expect(() => sandbox.faults.push({ times: 0, fault: { type: 'malformed-json' } })).toThrow(/times/);
  });
});
