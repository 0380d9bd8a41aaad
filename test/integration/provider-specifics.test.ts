import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageClient, NotFoundError, apixo, minimax, segmind, type ImageResult } from 'imagegate';
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
