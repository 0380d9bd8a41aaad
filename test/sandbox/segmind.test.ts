import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/testing';
import type { Sandbox } from '../../src/testing';
import { call, downloadPng, field, postJson, sleep, text, waitFor } from './sandbox-test-helpers';

const key = { 'x-api-key': 'SG_test' };

describe('sandbox: Segmind queue API', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 60, queueTimeMs: 40, retentionMs: 60_000 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('answers a submit with the request id and absolute status and response URLs', async () => {
    const submitted = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'a lighthouse' }, key);
    expect(submitted.status).toBe(200);
    const id = text(submitted.json, 'request_id');
    expect(submitted.json).toEqual({
      request_id: id,
      status: 'QUEUED',
      poll_url: `${sandbox.url}/segmind/v2/requests/${id}/status`,
      status_url: `${sandbox.url}/segmind/v2/requests/${id}/status`,
      response_url: `${sandbox.url}/segmind/v2/requests/${id}`,
    });
  });

  it('moves QUEUED to PROCESSING to COMPLETED with metrics in seconds, then serves the result', async () => {
    const submitted = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`,
      { prompt: 'a red fox [queue:300] [duration:300]', aspect_ratio: '16:9', number_of_images: 2 }, key);
    const statusUrl = text(submitted.json, 'status_url');
    const queued = await call(statusUrl, { headers: key });
    expect(queued.json).toEqual({ status: 'QUEUED', request_id: text(submitted.json, 'request_id'), metrics: {} });
    await sleep(350);
    const processing = await call(statusUrl, { headers: key });
    expect(field(processing.json, 'status')).toBe('PROCESSING');
    expect(field(processing.json, 'metrics', 'queue_time')).toBe(0.3);
    await sleep(300);
    const completed = await call(statusUrl, { headers: key });
    expect(field(completed.json, 'status')).toBe('COMPLETED');
    expect(field(completed.json, 'metrics')).toEqual({ inference_time: 0.3, queue_time: 0.3, total_time: 0.6, cost: 0.007 });
    const result = await call(text(submitted.json, 'response_url'), { headers: key });
    expect(result.status).toBe(200);
    const images = field(result.json, 'images') as { url: string; content_type: string; file_name: string; file_size: number }[];
    expect(images).toHaveLength(2);
    expect(field(result.json, 'output')).toEqual(images.map((image) => image.url));
    const first = images[0];
    if (first === undefined) throw new Error('no image');
    expect(first.content_type).toBe('image/png');
    const download = await downloadPng(first.url);
    expect(download.bytes.length).toBe(first.file_size);
    expect(download.headers.get('x-sandbox-image-size')).toBe('1280x720');
    expect([download.image.width, download.image.height]).toEqual([256, 144]);
  });

  it('gives output as a single URL string for one image, sized by gpt-image-1-mini size', async () => {
    const submitted = await postJson(`${sandbox.baseUrls.segmind}/v2/gpt-image-1-mini`,
      { prompt: 'a poster', size: '1024x1536', quality: 'low', output_format: 'png' }, key);
    expect(submitted.status).toBe(200);
    const result = await waitFor(async () => {
      const answer = await call(text(submitted.json, 'response_url'), { headers: key });
      return field(answer.json, 'status') === 'COMPLETED' ? answer : undefined;
    });
    const output = text(result.json, 'output');
    const download = await downloadPng(output);
    expect(download.headers.get('x-sandbox-image-size')).toBe('1024x1536');
    expect([download.image.width, download.image.height]).toEqual([171, 256]);
  });

  it('leaves images[] out of the result on [output-only], keeping the URLs in output', async () => {
    const submitted = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'output only [output-only] [queue:0] [duration:0]', number_of_images: 2 }, key);
    const result = await waitFor(async () => {
      const answer = await call(text(submitted.json, 'response_url'), { headers: key });
      return field(answer.json, 'status') === 'COMPLETED' ? answer : undefined;
    });
    expect(Object.keys(result.json as object).sort()).toEqual(['metrics', 'output', 'request_id', 'status']);
    expect(field(result.json, 'output')).toEqual([expect.stringContaining('/files/'), expect.stringContaining('/files/')]);
  });

  it('serves a failed job as HTTP 422 on status and result with the error text', async () => {
    const submitted = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'doomed [fail:NSFW content]' }, key);
    const status = await waitFor(async () => {
      const answer = await call(text(submitted.json, 'status_url'), { headers: key });
      return answer.status === 422 ? answer : undefined;
    });
    expect(field(status.json, 'status')).toBe('FAILED');
    expect(text(status.json, 'error')).toContain('NSFW content');
    expect(field(status.json, 'metrics', 'cost')).toBe(0);
    const result = await call(text(submitted.json, 'response_url'), { headers: key });
    expect(result.status).toBe(422);
    expect(field(result.json, 'status')).toBe('FAILED');
  });

  it('forgets a request after the retention time, counted from submission', async () => {
    const shortLived = await startSandbox({ jobDurationMs: 10, queueTimeMs: 0, retentionMs: 300 });
    try {
      const submitted = await postJson(`${shortLived.baseUrls.segmind}/v2/image-01`, { prompt: 'short-lived' }, key);
      const id = text(submitted.json, 'request_id');
      await sleep(30);
      expect((await call(text(submitted.json, 'status_url'), { headers: key })).status).toBe(200);
      expect((await call(text(submitted.json, 'response_url'), { headers: key })).status).toBe(200);
      await sleep(300);
      for (const url of [text(submitted.json, 'status_url'), text(submitted.json, 'response_url')]) {
        const expired = await call(url, { headers: key });
        expect(expired.status).toBe(404);
        expect(expired.json).toEqual({ error: `Request ${id} not found` });
      }
    } finally {
      await shortLived.close();
    }
  });

  it('answers 404 for an unknown request id and an unknown model', async () => {
    const unknownId = await call(`${sandbox.baseUrls.segmind}/v2/requests/nope/status`, { headers: key });
    expect([unknownId.status, unknownId.json]).toEqual([404, { error: 'Request nope not found' }]);
    const unknownModel = await postJson(`${sandbox.baseUrls.segmind}/v2/flux-unknown`, { prompt: 'x' }, key);
    expect(unknownModel.status).toBe(404);
    expect(text(unknownModel.json, 'error')).toContain('flux-unknown');
  });

  it('rejects Authorization: Bearer with 401 and a missing content type with 406', async () => {
    const bearer = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: 'x' }, { authorization: 'Bearer SG_test' });
    expect(bearer.status).toBe(401);
    expect(text(bearer.json, 'error')).toContain('x-api-key');
    const noType = await call(`${sandbox.baseUrls.segmind}/v2/image-01`, { method: 'POST', headers: key, body: '{"prompt":"x"}' });
    expect([noType.status, noType.json]).toEqual([406, { error: 'Invalid content type' }]);
  });

  it('answers 400 naming every bad parameter', async () => {
    const bad = await postJson(`${sandbox.baseUrls.segmind}/v2/image-01`, { prompt: '', aspect_ratio: '5:4', number_of_images: 10 }, key);
    expect(bad.status).toBe(400);
    const message = text(bad.json, 'error');
    for (const name of ['prompt', 'aspect_ratio', 'number_of_images']) expect(message).toContain(name);
    const badGpt = await postJson(`${sandbox.baseUrls.segmind}/v2/gpt-image-1-mini`, { prompt: 'x', size: '512x512' }, key);
    expect(badGpt.status).toBe(400);
    expect(sandbox.jobsCreated('segmind')).toBeGreaterThan(0);
  });

  it('draws each job duration from a { min, max } range, the same way in every sandbox', async () => {
    const inferenceTimes = async (target: Sandbox): Promise<number[]> => {
      const ids: string[] = [];
      for (const prompt of ['one', 'two', 'three', 'four', 'five']) {
        const submitted = await postJson(`${target.baseUrls.segmind}/v2/image-01`, { prompt }, key);
        ids.push(text(submitted.json, 'request_id'));
      }
      return Promise.all(ids.map((id) => waitFor(async () => {
        const answer = await call(`${target.baseUrls.segmind}/v2/requests/${id}/status`, { headers: key });
        const seconds = field(answer.json, 'metrics', 'inference_time');
        return typeof seconds === 'number' ? seconds : undefined;
      })));
    };
    const first = await startSandbox({ jobDurationMs: { min: 20, max: 80 }, queueTimeMs: 0 });
    const second = await startSandbox({ jobDurationMs: { min: 20, max: 80 }, queueTimeMs: 0 });
    try {
      const times = await inferenceTimes(first);
      for (const seconds of times) {
        expect(seconds).toBeGreaterThanOrEqual(0.02);
        expect(seconds).toBeLessThanOrEqual(0.08);
      }
      expect(new Set(times).size).toBeGreaterThan(1);
      expect(await inferenceTimes(second)).toEqual(times);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
