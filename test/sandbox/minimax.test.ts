import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/testing';
import type { Sandbox } from '../../src/testing';
import { call, downloadPng, field, pngSignature, postJson, text } from './sandbox-test-helpers';

const key = { authorization: 'Bearer mm-test' };

describe('sandbox: MiniMax image_generation', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 30, queueTimeMs: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const generate = (body: Record<string, unknown>, headers: Record<string, string> = key) =>
    postJson(`${sandbox.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', ...body }, headers);

  it('answers after the job duration with image URLs, string counts, base_resp 0 and a Trace-Id', async () => {
    const started = Date.now();
    const answer = await generate({ prompt: 'a beach [duration:120]', aspect_ratio: '21:9', n: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(answer.status).toBe(200);
    const traceId = answer.headers.get('trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.json).toEqual({
      id: traceId,
      data: { image_urls: [expect.stringContaining('/files/minimax-'), expect.stringContaining('/files/minimax-')] },
      metadata: { failed_count: '0', success_count: '2' },
      base_resp: { status_code: 0, status_msg: 'success' },
    });
    const download = await downloadPng(text(answer.json, 'data', 'image_urls', 0));
    expect(download.headers.get('x-sandbox-image-size')).toBe('1344x576');
    expect([download.image.width, download.image.height]).toEqual([256, 110]);
  });

  it('returns base64 PNG data when response_format is base64', async () => {
    const answer = await generate({ prompt: 'base64 please', response_format: 'base64', width: 512, height: 768 });
    const encoded = field(answer.json, 'data', 'image_base64') as string[];
    expect(encoded).toHaveLength(1);
    const bytes = Buffer.from(encoded[0] ?? '', 'base64');
    expect(bytes.subarray(0, 8)).toEqual(pngSignature);
    const image = PNG.sync.read(bytes);
    expect([image.width, image.height]).toEqual([171, 256]);
    expect(field(answer.json, 'data', 'image_urls')).toBeUndefined();
  });

  it('withholds images on [withheld:N] and reports them in failed_count', async () => {
    const answer = await generate({ prompt: 'crowd [withheld:1]', n: 3 });
    expect(field(answer.json, 'metadata')).toEqual({ failed_count: '1', success_count: '2' });
    expect(field(answer.json, 'data', 'image_urls')).toHaveLength(2);
  });

  it('answers business errors inside HTTP 200 with only base_resp', async () => {
    const wrongKey = await generate({ prompt: 'x' }, { 'x-api-key': 'mm-test' });
    expect([wrongKey.status, field(wrongKey.json, 'base_resp', 'status_code')]).toEqual([200, 1004]);
    expect(Object.keys(wrongKey.json as object)).toEqual(['base_resp']);
    const sensitive = await generate({ prompt: 'bad [fail:1026]' });
    expect(sensitive.json).toEqual({ base_resp: { status_code: 1026, status_msg: 'input new_sensitive' } });
    const balance = await generate({ prompt: 'broke [fail:INSUFFICIENT_BALANCE]' });
    expect(field(balance.json, 'base_resp', 'status_code')).toBe(1008);
    const rateLimited = await generate({ prompt: 'busy [fail:1002]' });
    expect(field(rateLimited.json, 'base_resp', 'status_code')).toBe(1002);
    const invalid = await generate({ prompt: 'x', n: 10, width: 500 });
    expect([invalid.status, field(invalid.json, 'base_resp', 'status_code')]).toEqual([200, 2013]);
    expect(text(invalid.json, 'base_resp', 'status_msg')).toContain('n must be');
  });

  it('refuses a body not sent as application/json with base_resp 2013 in HTTP 200, creating no job', async () => {
    const before = sandbox.jobsCreated('minimax');
    const body = JSON.stringify({ model: 'image-01', prompt: 'plain text body' });
    const url = `${sandbox.baseUrls.minimax}/v1/image_generation`;
    const plain = await call(url, { method: 'POST', headers: { ...key, 'content-type': 'text/plain' }, body });
    expect([plain.status, field(plain.json, 'base_resp', 'status_code')]).toEqual([200, 2013]);
    expect(text(plain.json, 'base_resp', 'status_msg')).toContain('Content-Type');
    const form = await call(url, { method: 'POST', headers: { ...key, 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(field(form.json, 'base_resp', 'status_code')).toBe(2013);
    const json = await call(url, { method: 'POST', headers: { ...key, 'content-type': 'application/json; charset=utf-8' }, body });
    expect(field(json.json, 'base_resp', 'status_code')).toBe(0);
    expect(sandbox.jobsCreated('minimax')).toBe(before + 1);
  });

  it('creates a job only for requests that reach generation', async () => {
    const before = sandbox.jobsCreated('minimax');
    await generate({ prompt: 'limited [fail:1002]' });
    await generate({ prompt: 'x' }, { authorization: 'Bearer ' });
    expect(sandbox.jobsCreated('minimax')).toBe(before);
    const failed = await generate({ prompt: 'unknown failure [fail]' });
    expect(field(failed.json, 'base_resp', 'status_code')).toBe(1000);
    expect(sandbox.jobsCreated('minimax')).toBe(before + 1);
  });
});
