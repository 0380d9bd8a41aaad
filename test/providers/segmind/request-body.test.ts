import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ImageRequest } from '../../../src/core/request';
import { useMockProvider } from '../../helpers/mock-provider';
import { segmindBase, segmindClient, submitted, testKey } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

/** Submits `request` and returns the one POST the wire saw. */
async function submitAndRecord(request: ImageRequest, headers?: Record<string, string>) {
  const model = request.model ?? 'image-01';
  server.use(http.post(`${segmindBase}/v2/${model}`, () => HttpResponse.json(submitted('req-body'))));
  const client = segmindClient(fetch, headers ? { headers } : {});
  const job = await client.submit(request);
  expect(job.id).toBe('req-body');
  expect(recorded).toHaveLength(1);
  const [post] = recorded;
  if (!post) throw new Error('no request recorded');
  return post;
}

describe('segmind submit: body mapping', () => {
  it('sends image-01 as a flat body with aspect_ratio, number_of_images and prompt_optimizer', async () => {
    const post = await submitAndRecord({ prompt: 'a red fox in snow', aspectRatio: '16:9', n: 3, promptOptimizer: false });
    expect(post.method).toBe('POST');
    expect(post.url.href).toBe(`${segmindBase}/v2/image-01`);
    expect(post.json).toEqual({ prompt: 'a red fox in snow', aspect_ratio: '16:9', number_of_images: 3, prompt_optimizer: false });
  });

  it('sends number_of_images 1 by default and leaves out aspect_ratio and prompt_optimizer when not given', async () => {
    const post = await submitAndRecord({ prompt: 'a lighthouse' });
    expect(post.json).toEqual({ prompt: 'a lighthouse', number_of_images: 1 });
  });

  it.each([{ width: 1536, height: 1024 }, '1536X1024', '1536*1024'])(
    'accepts %o as an allowed gpt-image-1-mini size and sends it as 1536x1024',
    async (size) => {
      const post = await submitAndRecord({ model: 'gpt-image-1-mini', prompt: 'a poster', size } as unknown as ImageRequest);
      expect(post.json).toMatchObject({ size: '1536x1024' });
    },
  );

  it('sends every gpt-image-1-mini field under its wire name', async () => {
    const post = await submitAndRecord({
      model: 'gpt-image-1-mini',
      prompt: 'a pop-art poster',
      size: '1536x1024',
      quality: 'medium',
      moderation: 'low',
      background: 'transparent',
      outputCompression: 80,
      outputFormat: 'webp',
    });
    expect(post.url.pathname).toBe('/v2/gpt-image-1-mini');
    expect(post.json).toEqual({
      prompt: 'a pop-art poster',
      size: '1536x1024',
      quality: 'medium',
      moderation: 'low',
      background: 'transparent',
      output_compression: 80,
      output_format: 'webp',
    });
  });

  it("sends gpt-image-1-mini size 'auto' as is and nothing it was not given", async () => {
    const post = await submitAndRecord({ model: 'gpt-image-1-mini', prompt: 'a cat', size: 'auto' });
    expect(post.json).toEqual({ prompt: 'a cat', size: 'auto' });
  });

  it('sends a pass-through slug its prompt and providerOptions unchanged', async () => {
    const providerOptions = { steps: 30, guidance_scale: 7.5, styles: ['ink', 'wash'], nested: { strength: 0.4 } };
    const post = await submitAndRecord({ model: 'flux-schnell', prompt: 'a harbour at dawn', providerOptions });
    expect(post.url.pathname).toBe('/v2/flux-schnell');
    expect(post.json).toEqual({ prompt: 'a harbour at dawn', ...providerOptions });
  });

  it('merges providerOptions last, over the mapped fields', async () => {
    const post = await submitAndRecord({ prompt: 'a fox', aspectRatio: '1:1', providerOptions: { aspect_ratio: '21:9', number_of_images: 2, seed: 7 } });
    expect(post.json).toEqual({ prompt: 'a fox', aspect_ratio: '21:9', number_of_images: 2, seed: 7 });
  });

  it('puts the model slug in the path as one encoded segment', async () => {
    server.use(http.post(`${segmindBase}/v2/:model`, () => HttpResponse.json(submitted('req-slug'))));
    await segmindClient(fetch).submit({ model: 'org/model v2', prompt: 'x' });
    expect(recorded[0]?.url.pathname).toBe('/v2/org%2Fmodel%20v2');
  });
});

describe('segmind submit: headers', () => {
  it('sends the key as x-api-key with a JSON content type, and never an Authorization header', async () => {
    const post = await submitAndRecord({ prompt: 'a fox' });
    expect(post.headers['x-api-key']).toBe(testKey);
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.headers['authorization']).toBeUndefined();
  });

  it("adds the client's extra headers but never lets them replace the key", async () => {
    const post = await submitAndRecord({ prompt: 'a fox' }, { 'x-trace': 'abc', 'x-api-key': 'from-headers' });
    expect(post.headers['x-trace']).toBe('abc');
    expect(post.headers['x-api-key']).toBe(testKey);
  });
});
