import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/testing';
import type { Sandbox } from '../../src/testing';
import { call, field, postJson } from './sandbox-test-helpers';

describe('sandbox: recorded requests and job counts', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 10, queueTimeMs: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('records provider, route, method, path, headers (keys included) and the parsed body', async () => {
    sandbox.reset();
    const before = Date.now();
    await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'recorded' }, { 'x-api-key': 'SG_secret' });
    await call(`${sandbox.baseUrls.apixo}/api/v1/apikeys/current-balance`, { headers: { authorization: 'Bearer apx' } });
    await call(`${sandbox.url}/nowhere`);
    const [submit, balance, nowhere] = sandbox.requests;
    expect(submit).toMatchObject({ provider: 'segmind', route: 'submit', method: 'POST', path: '/segmind/v2/image-01', body: { prompt: 'recorded' } });
    expect(submit?.headers['x-api-key']).toBe('SG_secret');
    expect(submit?.receivedAt).toBeGreaterThanOrEqual(before);
    expect(balance).toMatchObject({ provider: 'apixo', route: 'balance', method: 'GET', body: undefined });
    expect(balance?.headers.authorization).toBe('Bearer apx');
    expect(nowhere).toMatchObject({ provider: null, route: null, path: '/nowhere' });
    expect(sandbox.recordedRequests({ provider: 'apixo' })).toHaveLength(1);
    expect(sandbox.recordedRequests({ route: 'submit', method: 'post' })).toHaveLength(1);
  });

  it('counts created jobs per provider and clears counts, records and faults on reset', async () => {
    sandbox.reset();
    await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'one' }, { 'x-api-key': 'k' });
    await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'two' }, { 'x-api-key': 'k' });
    await postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', prompt: 'three' }, { authorization: 'Bearer k' });
    expect([sandbox.jobsCreated('segmind'), sandbox.jobsCreated('apixo'), sandbox.jobsCreated('minimax'), sandbox.jobsCreated()]).toEqual([2, 0, 1, 3]);
    sandbox.faults.push({ fault: { type: 'status', status: 500 } });
    sandbox.reset();
    expect([sandbox.jobsCreated(), sandbox.requests.length, sandbox.faults.pending().length]).toEqual([0, 0, 0]);
  });

  it('offers the same controls over HTTP under /_sandbox, unrecorded', async () => {
    sandbox.reset();
    const queued = await postJson(`${sandbox.url}/_sandbox/faults`, { provider: 'segmind', route: 'submit', fault: { type: 'status', status: 503 } }, {});
    expect(queued.json).toEqual({ queued: 1 });
    const faulted = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'x' }, { 'x-api-key': 'k' });
    expect(faulted.status).toBe(503);
    const recorded = await call(`${sandbox.url}/_sandbox/requests`);
    expect((recorded.json as unknown[]).length).toBe(1);
    expect((await call(`${sandbox.url}/_sandbox/jobs`)).json).toEqual({ segmind: 0, apixo: 0, minimax: 0 });
    expect((await postJson(`${sandbox.url}/_sandbox/faults`, { fault: { type: 'explode' } }, {})).status).toBe(400);
    await postJson(`${sandbox.url}/_sandbox/reset`, {}, {});
    expect(sandbox.requests).toHaveLength(0);
    const root = await call(sandbox.url);
    expect(field(root.json, 'baseUrls')).toEqual(sandbox.baseUrls);
  });
});

describe('sandbox: API keys', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: 'right-key', jobDurationMs: 0, queueTimeMs: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('accepts only the configured key, answering each provider’s own auth error', async () => {
    const segmindOk = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'x' }, { 'x-api-key': 'right-key' });
    expect(segmindOk.status).toBe(200);
    const segmindWrong = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'x' }, { 'x-api-key': 'wrong' });
    expect([segmindWrong.status, field(segmindWrong.json, 'error')]).toEqual([401, 'Invalid API key']);
    const segmindMissing = await call(`${sandbox.baseUrls.segmind}/v2/requests/abc/status`);
    expect(segmindMissing.status).toBe(401);

    const apixoOk = await call(`${sandbox.baseUrls.apixo}/api/v1/apikeys/current-balance`, { headers: { authorization: 'Bearer right-key' } });
    expect(apixoOk.json).toEqual({ code: 200, message: 'success', data: 100 });
    const apixoWrong = await call(`${sandbox.baseUrls.apixo}/api/v1/apikeys/current-balance`, { headers: { authorization: 'Bearer wrong' } });
    expect([apixoWrong.status, field(apixoWrong.json, 'code')]).toEqual([401, 401]);

    const minimaxWrong = await postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', prompt: 'x' }, { authorization: 'Bearer wrong' });
    expect([minimaxWrong.status, field(minimaxWrong.json, 'base_resp', 'status_code')]).toEqual([200, 1004]);
    const minimaxOk = await postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', prompt: 'x' }, { authorization: 'Bearer right-key' });
    expect(field(minimaxOk.json, 'base_resp', 'status_code')).toBe(0);
  });

  it('refuses an empty apiKey option', async () => {
    await expect(startSandbox({ apiKey: '' })).rejects.toThrow(/apiKey/);
    await expect(startSandbox({ jobDurationMs: { min: 50, max: 10 } })).rejects.toThrow(/jobDurationMs/);
  });
});

describe('sandbox: connections and shutdown', () => {
  it('keeps connections alive and closes idle keep-alive sockets on close()', async () => {
    const sandbox = await startSandbox({ jobDurationMs: 0, queueTimeMs: 0 });
    const agent = new Agent({ keepAliveTimeout: 60_000 });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const answer = await request(`${sandbox.baseUrls.apixo}/api/v1/apikeys/current-balance`, {
          dispatcher: agent,
          headers: { authorization: 'Bearer k' },
        });
        expect(answer.headers.connection).toBe('keep-alive');
        await answer.body.text();
      }
      const started = Date.now();
      await sandbox.close();
      expect(Date.now() - started).toBeLessThan(1_000);
      await sandbox.close();
      await expect(fetch(sandbox.url)).rejects.toThrow();
    } finally {
      await agent.close();
    }
  });

  it('closes while a MiniMax call and an APIXO callback are still pending', async () => {
    const sandbox = await startSandbox({ jobDurationMs: 5_000, queueTimeMs: 0 });
    const pending = postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', prompt: 'slow' }, { authorization: 'Bearer k' });
    await postJson(`${sandbox.baseUrls.apixo}/api/v1/generateTask/minimax-image-01`, {
      request_type: 'callback', callback_url: 'http://127.0.0.1:9/hook', input: { mode: 'text-to-image', prompt: 'later' },
    }, { authorization: 'Bearer k' });
    const started = Date.now();
    await sandbox.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('listens on the port option and rejects when that port is taken', async () => {
    const first = await startSandbox();
    try {
      await expect(startSandbox({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
    const again = await startSandbox({ port: first.port });
    expect(again.url).toBe(`http://127.0.0.1:${first.port}`);
    await again.close();
  });
});
