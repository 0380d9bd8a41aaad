import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/testing';
import type { Sandbox } from '../../src/testing';
import { call, downloadPng, field, pngSignature, postJson } from './sandbox-test-helpers';

const key = { authorization: 'Bearer k' };

describe('sandbox: generated PNG files', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ jobDurationMs: 0, queueTimeMs: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  async function imageUrls(body: Record<string, unknown>, target: Sandbox = sandbox): Promise<string[]> {
    const answer = await postJson(`${target.baseUrls.minimax}/v1/image_generation`, { model: 'image-01', ...body }, key);
    return field(answer.json, 'data', 'image_urls') as string[];
  }

  it('serves valid PNG files that decode to the scaled size', async () => {
    const [url] = await imageUrls({ prompt: 'png check', aspect_ratio: '4:3' });
    const download = await downloadPng(url ?? '');
    expect(download.bytes.subarray(0, 8)).toEqual(pngSignature);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect([download.image.width, download.image.height]).toEqual([256, 192]);
    expect(download.image.data.length).toBe(256 * 192 * 4);
  });

  it('gives the same bytes for the same prompt and seed, different bytes otherwise', async () => {
    const [first] = await imageUrls({ prompt: 'a cat', seed: 7 });
    const [again] = await imageUrls({ prompt: 'a cat', seed: 7 });
    const [otherSeed] = await imageUrls({ prompt: 'a cat', seed: 8 });
    const [otherPrompt] = await imageUrls({ prompt: 'a dog', seed: 7 });
    const bytes = await Promise.all([first, again, otherSeed, otherPrompt].map(async (url) => (await downloadPng(url ?? '')).bytes));
    expect(first).toBe(again);
    expect(bytes[0]).toEqual(bytes[1]);
    expect(bytes[0]).not.toEqual(bytes[2]);
    expect(bytes[0]).not.toEqual(bytes[3]);
  });

  it('gives each image of a job its own pixels', async () => {
    const urls = await imageUrls({ prompt: 'a set', n: 2, seed: 1 });
    const [one, two] = await Promise.all(urls.map(async (url) => (await downloadPng(url)).bytes));
    expect(one).not.toEqual(two);
  });

  it('generates the same image in another sandbox (determinism survives restarts)', async () => {
    const other = await startSandbox({ jobDurationMs: 0, queueTimeMs: 0 });
    try {
      const [here] = await imageUrls({ prompt: 'stable', seed: 3 });
      const [there] = await imageUrls({ prompt: 'stable', seed: 3 }, other);
      expect((await downloadPng(here ?? '')).bytes).toEqual((await downloadPng(there ?? '')).bytes);
    } finally {
      await other.close();
    }
  });

  it('serves full-size images with imageScale 1 and divides by a numeric scale', async () => {
    const full = await startSandbox({ jobDurationMs: 0, queueTimeMs: 0, imageScale: 1 });
    const halved = await startSandbox({ jobDurationMs: 0, queueTimeMs: 0, imageScale: 8 });
    try {
      const [fullUrl] = await imageUrls({ prompt: 'big', aspect_ratio: '16:9' }, full);
      expect([(await downloadPng(fullUrl ?? '')).image.width, (await downloadPng(fullUrl ?? '')).image.height]).toEqual([1280, 720]);
      const [smallUrl] = await imageUrls({ prompt: 'big', aspect_ratio: '16:9' }, halved);
      const small = await downloadPng(smallUrl ?? '');
      expect([small.image.width, small.image.height]).toEqual([160, 90]);
    } finally {
      await Promise.all([full.close(), halved.close()]);
    }
  });

  it('answers 404 for an unknown file and needs no key', async () => {
    const [url] = await imageUrls({ prompt: 'no key needed' });
    const plain = await fetch(url ?? '');
    expect(plain.status).toBe(200);
    await plain.arrayBuffer();
    const missing = await call(`${sandbox.url}/files/minimax-0000.png`);
    expect(missing.status).toBe(404);
  });
});
