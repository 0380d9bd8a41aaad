import { createServer } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageClient } from '../../../src/core/client';
import { ConnectionError, ContentPolicyError } from '../../../src/core/errors';
import { minimax } from '../../../src/providers/minimax';
import { startSandbox, type Sandbox } from '../../../src/testing';
import { fakeClock } from '../../helpers/fake-clock';

/** A loopback port with nothing listening: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('minimax over real loopback HTTP (default undici transport)', () => {
  let sandbox: Sandbox;
  let folder: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 20, queueTimeMs: 0 });
    folder = await mkdtemp(join(tmpdir(), 'imagegate-minimax-'));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('generates URL images and saves one to disk', async () => {
    const client = new ImageClient({ provider: minimax({ apiKey: 'mm-test', baseUrl: sandbox.baseUrls.minimax }) });
    try {
      const result = await client.generate({ prompt: 'a lighthouse', n: 2, aspectRatio: '16:9' });
      expect(result.images).toHaveLength(2);
      expect(result.id).toMatch(/^[0-9a-f]{32}$/);
      const path = await result.images[0]?.save(join(folder, 'one.png'));
      expect(path).toBe(join(folder, 'one.png'));
      expect((await readFile(join(folder, 'one.png'))).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await client.close();
    }
  });

  it('generates base64 images with a sniffed media type', async () => {
    const client = new ImageClient({ provider: minimax({ apiKey: 'mm-test', baseUrl: sandbox.baseUrls.minimax }) });
    try {
      const result = await client.generate({ prompt: 'a lighthouse', responseFormat: 'base64', size: '512x768' });
      expect(result.images[0]?.mediaType).toBe('image/png');
      expect(result.images[0]?.url).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('maps a sensitive-input answer to ContentPolicyError', async () => {
    const client = new ImageClient({ provider: minimax({ apiKey: 'mm-test', baseUrl: sandbox.baseUrls.minimax }) });
    try {
      await expect(client.generate({ prompt: 'bad [fail:1026]' })).rejects.toBeInstanceOf(ContentPolicyError);
    } finally {
      await client.close();
    }
  });

  it('retries a refused connection, since the request was never sent', async () => {
    const clock = fakeClock();
    const port = await closedPort();
    const client = new ImageClient({ provider: minimax({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}` }), clock, maxRetries: 2 });
    try {
      const error = await client.generate({ prompt: 'x' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: false, jobMayExist: false });
      expect(clock.sleeps).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
