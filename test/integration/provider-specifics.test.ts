import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageClient, NotFoundError, RateLimitError, apixo, minimax, segmind, type ImageResult } from 'imagegate';
import { startSandbox, type Sandbox } from 'imagegate/testing';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 40, queueTimeMs: 10, retentionMs: 300, callbackRetryDelaysMs: [50, 50, 50] });
});
afterAll(() => sandbox.close());

const polling = { initialDelayMs: 20, intervalMs: 20, backoffFactor: 1 };

describe('Segmind over loopback', () => {
  it('answers NotFoundError saying the record expired once the 1 h retention (here 300 ms) has passed', async () => {
    const client = new ImageClient({ provider: segmind({ apiKey: 'key', baseUrl: sandbox.baseUrls.segmind }) });
    const result = await client.generate({ prompt: 'expiring record' }, { polling });
    await new Promise((resolve) => setTimeout(resolve, 350));
    const error = await client
      .job(result.id)
      .status()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/1 hour/);
    await client.close();
  });
});

describe('Segmind results over loopback', () => {
  it('reads the images of a result that has only output (no images[])', async () => {
    const client = new ImageClient({ provider: segmind({ apiKey: 'key', baseUrl: sandbox.baseUrls.segmind }) });
    const resultsBefore = sandbox.recordedRequests({ provider: 'segmind', route: 'result' }).length;
    try {
      const single = await client.generate({ prompt: 'one in output [output-only]' }, { polling });
      const pair = await client.generate({ prompt: 'two in output [output-only]', n: 2 }, { polling });
      const results = sandbox.recordedRequests({ provider: 'segmind', route: 'result' });
      expect(results).toHaveLength(resultsBefore + 2);
      expect(single.raw).not.toHaveProperty('images');
      expect(pair.raw).not.toHaveProperty('images');
      expect(single.images).toHaveLength(1);
      expect(pair.images).toHaveLength(2);
      expect(single.images[0]?.url).toContain('/files/segmind-');
      expect([...(await pair.images[1]!.bytes()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } finally {
      await client.close();
    }
  });
});

describe('Segmind rate limits over loopback', () => {
  it('reads a zoneless x-rate-limit-reset-at-utc as UTC and surfaces a wait that long without retrying', async () => {
    const client = new ImageClient({ provider: segmind({ apiKey: 'key', baseUrl: sandbox.baseUrls.segmind }) });
    const submitsBefore = sandbox.recordedRequests({ provider: 'segmind', route: 'submit' }).length;
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'status', status: 429, rateLimitResetAt: '2030-01-01T00:00:00' } });
    try {
      const error = await client.submit({ prompt: 'limited' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitError);
      const expected = Date.parse('2030-01-01T00:00:00Z') - Date.now();
      expect(Math.abs(((error as RateLimitError).retryAfterMs ?? 0) - expected)).toBeLessThan(10_000);
      const submits = sandbox.recordedRequests({ provider: 'segmind', route: 'submit' });
      expect(submits).toHaveLength(submitsBefore + 1);
    } finally {
      await client.close();
    }
  });
});

describe('MiniMax over loopback', () => {
  it('returns base64 images whose bytes need no further request', async () => {
    const client = new ImageClient({ provider: minimax({ apiKey: 'key', baseUrl: sandbox.baseUrls.minimax }) });
    const result = await client.generate({ prompt: 'base64 please', responseFormat: 'base64', n: 2 });
    sandbox.reset();
    const bytes = await result.images[1]!.bytes();
    expect(result.images[1]!.mediaType).toBe('image/png');
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(sandbox.requests).toHaveLength(0);
    await client.close();
  });
});

describe('APIXO polling over loopback', () => {
  it('keeps polling through one statusTask answer cut mid-JSON and completes', async () => {
    const client = new ImageClient({ provider: apixo({ apiKey: 'key', baseUrl: sandbox.baseUrls.apixo }) });
    sandbox.faults.push({ provider: 'apixo', route: 'status', fault: { type: 'malformed-json' } });
    try {
      const result = await client.generate({ prompt: 'one broken status body' }, { polling });
      expect(result.images).toHaveLength(1);
      expect(sandbox.faults.pending()).toHaveLength(0);
      expect(sandbox.jobsCreated('apixo')).toBeGreaterThanOrEqual(1);
    } finally {
      await client.close();
    }
  });
});

describe('APIXO callbacks over loopback', () => {
  it('delivers the callback to a receiver, retries a failed delivery, and the receiver confirms it once', async () => {
    const client = new ImageClient({ provider: apixo({ apiKey: 'key', baseUrl: sandbox.baseUrls.apixo }) });
    const confirmed: ImageResult[] = [];
    const seenTasks = new Set<string>();
    let deliveries = 0;
    let resolveConfirmed: () => void = () => {};
    const allConfirmed = new Promise<void>((resolve) => {
      resolveConfirmed = resolve;
    });
    const receiver = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        deliveries += 1;
        if (deliveries === 1) {
          response.writeHead(500).end(); // the first delivery fails: APIXO must retry it
          return;
        }
        response.writeHead(200).end();
        const hint = client.parseWebhook(body);
        if (seenTasks.has(hint.id)) return; // a retried delivery of a task already handled
        seenTasks.add(hint.id);
        void client.confirmWebhook(body).then((result) => {
          confirmed.push(result);
          resolveConfirmed();
        });
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/apixo`;
    try {
      const job = await client.submit({ prompt: 'callback delivery', n: 2 }, { callbackUrl });
      const submit = sandbox.recordedRequests({ provider: 'apixo', route: 'submit' }).at(-1);
      expect(submit?.body).toMatchObject({ request_type: 'callback', callback_url: callbackUrl });
      await allConfirmed;
      expect(deliveries).toBeGreaterThanOrEqual(2);
      expect(confirmed).toHaveLength(1);
      expect(confirmed[0]?.id).toBe(job.id);
      expect(confirmed[0]?.images).toHaveLength(2);
      const attempts = sandbox.callbackAttempts();
      expect(attempts.length).toBeGreaterThanOrEqual(2);
    } finally {
      receiver.close();
      await client.close();
    }
  });
});
