import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/testing';
import type { Sandbox } from '../../src/testing';
import { call, downloadPng, field, postJson, text, waitFor } from './sandbox-test-helpers';

const key = { authorization: 'Bearer apixo-test' };
const model = 'minimax-image-01';

describe('sandbox: APIXO task API', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 40, queueTimeMs: 20, callbackRetryDelaysMs: [30, 60, 90], balance: 1 });
  });
  afterEach(() => {
    sandbox.reset();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const submit = (input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    postJson(`${sandbox.baseUrls.apixo}/api/v1/generateTask/${model}`, { ...extra, input: { mode: 'text-to-image', ...input } }, key);
  const status = (taskId: string) => call(`${sandbox.baseUrls.apixo}/api/v1/statusTask/${model}?taskId=${taskId}`, { headers: key });

  it('accepts a task with the success envelope and reports pending, then success with resultJson as a string', async () => {
    const submitted = await submit({ prompt: 'a panda [queue:100]', resolution: '2K', aspect_ratio: '16:9', num_images: 3 });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toEqual({ code: 200, message: 'success', data: { taskId: expect.stringMatching(/^task_/) } });
    const taskId = text(submitted.json, 'data', 'taskId');
    const pending = await status(taskId);
    expect(pending.json).toEqual({ code: 200, message: 'success', data: { taskId, state: 'pending', createTime: expect.any(Number) } });
    const done = await waitFor(async () => {
      const answer = await status(taskId);
      return field(answer.json, 'data', 'state') === 'success' ? answer : undefined;
    });
    const data = field(done.json, 'data') as Record<string, unknown>;
    expect(typeof data.resultJson).toBe('string');
    const resultUrls = (JSON.parse(String(data.resultJson)) as { resultUrls: string[] }).resultUrls;
    expect(resultUrls).toHaveLength(3);
    expect(data.costTime).toBe(Number(data.completeTime) - Number(data.createTime));
    const download = await downloadPng(resultUrls[2] ?? '');
    expect(download.headers.get('x-sandbox-image-size')).toBe('2048x1152');
    expect([download.image.width, download.image.height]).toEqual([256, 144]);
  });

  it('sizes an explicit size with any separator, and defaults to 1024x1024', async () => {
    for (const [input, expected] of [
      [{ size: '800*600' }, '800x600'],
      [{ size: '1280X720' }, '1280x720'],
      [{}, '1024x1024'],
      [{ aspect_ratio: '9:16' }, '720x1280'],
    ] as const) {
      const submitted = await submit({ prompt: 'size check [duration:0] [queue:0]', ...input });
      const done = await status(text(submitted.json, 'data', 'taskId'));
      const urls = (JSON.parse(text(done.json, 'data', 'resultJson')) as { resultUrls: string[] }).resultUrls;
      const download = await downloadPng(urls[0] ?? '');
      expect(download.headers.get('x-sandbox-image-size')).toBe(expected);
    }
  });

  it('reports a failed task with code 200 and the failCode the prompt chose', async () => {
    for (const [marker, failCode] of [['[fail]', 'UPSTREAM_ERROR'], ['[fail:CONTENT_VIOLATION]', 'CONTENT_VIOLATION']]) {
      const submitted = await submit({ prompt: `bad ${marker} [duration:0] [queue:0]` });
      const failed = await status(text(submitted.json, 'data', 'taskId'));
      expect(failed.status).toBe(200);
      expect(field(failed.json, 'code')).toBe(200);
      expect(field(failed.json, 'data', 'state')).toBe('failed');
      expect(field(failed.json, 'data', 'failCode')).toBe(failCode);
      expect(typeof field(failed.json, 'data', 'failMsg')).toBe('string');
      expect(field(failed.json, 'data', 'resultJson')).toBeUndefined();
    }
  });

  it('answers errors in its envelope: 401 key, 404 model and task, 400 parameters', async () => {
    const noKey = await postJson(`${sandbox.baseUrls.apixo}/api/v1/generateTask/${model}`, { input: { prompt: 'x' } }, { 'x-api-key': 'k' });
    expect(noKey.status).toBe(401);
    expect(noKey.json).toEqual({ code: 401, message: expect.any(String), data: { error: expect.any(String) } });
    const unknownModel = await postJson(`${sandbox.baseUrls.apixo}/api/v1/generateTask/flux`, { input: { prompt: 'x' } }, key);
    expect([unknownModel.status, field(unknownModel.json, 'code')]).toEqual([404, 404]);
    const unknownTask = await status('task_missing');
    expect([unknownTask.status, field(unknownTask.json, 'code')]).toEqual([404, 404]);
    const bad = await submit({ prompt: 'x', num_images: 12, size: '100x100', seed: -2 });
    expect([bad.status, field(bad.json, 'code')]).toEqual([400, 400]);
    for (const name of ['num_images', 'size', 'seed']) expect(text(bad.json, 'data', 'error')).toContain(name);
    expect(sandbox.jobsCreated('apixo')).toBe(0);
  });

  it('charges the balance per image, refunds failures, and answers 402 when it runs out', async () => {
    sandbox.setApixoBalance(0.01);
    const balance = () => call(`${sandbox.baseUrls.apixo}/api/v1/apikeys/current-balance`, { headers: key });
    expect((await balance()).json).toEqual({ code: 200, message: 'success', data: 0.01 });
    await submit({ prompt: 'one [duration:0] [queue:0]', num_images: 2 });
    expect(field((await balance()).json, 'data')).toBe(0.003);
    const refused = await submit({ prompt: 'two', num_images: 1 });
    expect([refused.status, field(refused.json, 'code')]).toEqual([402, 402]);
    sandbox.setApixoBalance(0.0035);
    await submit({ prompt: 'fails [fail] [duration:0] [queue:0]' });
    expect(field((await balance()).json, 'data')).toBe(0.0035);
    sandbox.setApixoBalance(1);
  });

  describe('callbacks', () => {
    let receiver: Server;
    let receiverUrl = '';
    const received: { body: unknown; at: number }[] = [];
    let failuresLeft = 0;
    /** Statuses to answer first, in order, before the failuresLeft rule applies. */
    const nextStatuses: number[] = [];
    beforeAll(async () => {
      receiver = createServer((request: IncomingMessage, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown, at: Date.now() });
          const planned = nextStatuses.shift();
          if (planned === undefined) {
            response.statusCode = failuresLeft > 0 ? 500 : 200;
            failuresLeft -= 1;
          } else {
            response.statusCode = planned;
          }
          response.end('ok');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const address = receiver.address();
      receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/hook`;
    });
    afterAll(async () => {
      await new Promise((resolve) => receiver.close(resolve));
    });
    afterEach(() => {
      received.length = 0;
    });

    it('POSTs the statusTask envelope to callback_url when the task completes', async () => {
      failuresLeft = 0;
      const submitted = await submit({ prompt: 'webhook me' }, { request_type: 'callback', callback_url: receiverUrl });
      const taskId = text(submitted.json, 'data', 'taskId');
      await waitFor(() => (sandbox.callbackAttempts()[0]?.delivered === true ? true : undefined));
      const polled = await status(taskId);
      expect(received[0]?.body).toEqual(polled.json);
      expect(field(received[0]?.body, 'data', 'state')).toBe('success');
      expect(sandbox.callbackAttempts()).toMatchObject([{ taskId, attempt: 1, status: 200, delivered: true }]);
    });

    it('retries a callback the receiver refused, with growing delays, up to three times', async () => {
      failuresLeft = 5;
      const submitted = await submit({ prompt: 'webhook retry [fail:TIMEOUT]' }, { request_type: 'callback', callback_url: receiverUrl });
      const attempts = await waitFor(() => {
        const sofar = sandbox.callbackAttempts();
        return sofar.length === 4 && sofar[3]?.status !== undefined ? sofar : undefined;
      });
      expect(attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.delivered]))
        .toEqual([[1, 500, false], [2, 500, false], [3, 500, false], [4, 500, false]]);
      const gaps = received.slice(1).map((entry, index) => entry.at - (received[index]?.at ?? 0));
      expect(gaps[0]).toBeGreaterThanOrEqual(25);
      expect(gaps[2]).toBeGreaterThanOrEqual(85);
      expect(field(received[3]?.body, 'data', 'failCode')).toBe('TIMEOUT');
      expect(field(received[3]?.body, 'data', 'taskId')).toBe(text(submitted.json, 'data', 'taskId'));
    });

    it('stops retrying once the receiver answers 2xx', async () => {
      failuresLeft = 1;
      await submit({ prompt: 'webhook second time lucky' }, { request_type: 'callback', callback_url: receiverUrl });
      await waitFor(() => (sandbox.callbackAttempts()[1]?.delivered === true ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(received).toHaveLength(2);
      expect(sandbox.callbackAttempts().map((attempt) => attempt.delivered)).toEqual([false, true]);
    });

    it('counts only HTTP 200 as delivered, retrying after a 204 or 201', async () => {
      failuresLeft = 0;
      nextStatuses.push(204, 201);
      await submit({ prompt: 'webhook needs a 200' }, { request_type: 'callback', callback_url: receiverUrl });
      await waitFor(() => (sandbox.callbackAttempts()[2]?.delivered === true ? true : undefined));
      expect(sandbox.callbackAttempts().map((attempt) => [attempt.status, attempt.delivered])).toEqual([[204, false], [201, false], [200, true]]);
      expect(received).toHaveLength(3);
    });

    it('refuses callback mode without a callback_url', async () => {
      const refused = await submit({ prompt: 'x' }, { request_type: 'callback' });
      expect(refused.status).toBe(400);
      expect(text(refused.json, 'data', 'error')).toContain('callback_url');
    });
  });
});
