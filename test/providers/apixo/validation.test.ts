import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors';
import type { ImageRequest } from '../../../src/core/request';
import { useMockProvider } from '../../helpers/mock-provider';
import { apixoClient, rejectionOf } from './apixo-test-kit';

const { recorded, fetch } = useMockProvider();

/** Requests the types may not allow, sent as a JavaScript caller could. */
const loose = (request: Record<string, unknown>): ImageRequest => request as unknown as ImageRequest;

async function refusal(request: ImageRequest, options: { callbackUrl?: string } = {}): Promise<ValidationError> {
  const error = await rejectionOf(apixoClient(fetch).submit(request, options));
  expect(error).toBeInstanceOf(ValidationError);
  expect(recorded).toHaveLength(0);
  return error as ValidationError;
}

describe('apixo: requests refused before any HTTP request', () => {
  it('refuses a list given as referenceImageUrl, which takes exactly one URL', async () => {
    const error = await refusal(loose({ prompt: 'a fox', referenceImageUrl: ['https://a.example/1.png', 'https://a.example/2.png'] }));
    expect(error.issues.map((issue) => issue.path)).toContain('referenceImageUrl');
  });

  it('refuses two reference images given through providerOptions.image_urls', async () => {
    const error = await refusal({ prompt: 'a fox', providerOptions: { image_urls: ['https://a.example/1.png', 'https://a.example/2.png'] } });
    expect(error.issues).toEqual([{ path: 'providerOptions.image_urls', message: expect.stringContaining('exactly one image URL') }]);
  });

  it('refuses size 500x500 as outside 512–2048', async () => {
    const error = await refusal({ prompt: 'a fox', size: '500x500' });
    expect(error.issues[0]).toMatchObject({ path: 'size', message: expect.stringContaining('512–2048') });
  });

  it('refuses size 1000x1001 instead of rounding it to a multiple of 8', async () => {
    const error = await refusal({ prompt: 'a fox', size: { width: 1000, height: 1001 } });
    expect(error.issues).toEqual([{ path: 'size.height', message: expect.stringContaining('use 1000 or 1008') }]);
  });

  it('refuses a prompt of 1501 characters', async () => {
    const error = await refusal({ prompt: 'x'.repeat(1501) });
    expect(error.issues[0]).toMatchObject({ path: 'prompt', message: expect.stringContaining('at most 1500') });
  });

  it('refuses n=0 and n=10', async () => {
    expect((await refusal({ prompt: 'a fox', n: 0 })).issues[0]?.path).toBe('n');
    expect((await refusal({ prompt: 'a fox', n: 10 })).issues[0]?.path).toBe('n');
  });

  it('refuses a seed outside -1…2147483647', async () => {
    expect((await refusal({ prompt: 'a fox', seed: -2 })).issues[0]?.path).toBe('seed');
    expect((await refusal({ prompt: 'a fox', seed: 2_147_483_648 })).issues[0]?.path).toBe('seed');
  });

  it('refuses size together with resolution or aspect ratio, naming the precedence rule', async () => {
    const error = await refusal({ prompt: 'a fox', size: '1024x1024', resolution: '2K' });
    expect(error.issues).toEqual([{ path: 'size', message: expect.stringContaining('resolution + aspect ratio win over size') }]);
  });

  it('refuses a data: reference image, which APIXO cannot fetch', async () => {
    await refusal({ prompt: 'a fox', referenceImageUrl: 'data:image/png;base64,iVBORw0KGgo=' });
  });

  it('refuses fields APIXO does not offer and modelled fields on a pass-through slug', async () => {
    expect((await refusal(loose({ prompt: 'a fox', responseFormat: 'base64' }))).issues[0]?.path).toBe('responseFormat');
    const passThrough = await refusal(loose({ model: 'flux-kontext-pro', prompt: 'a fox', aspectRatio: '1:1' }));
    expect(passThrough.issues[0]?.message).toContain('providerOptions');
  });

  it('refuses a callbackUrl that is not an absolute URL', async () => {
    const error = await refusal({ prompt: 'a fox' }, { callbackUrl: '/hooks/apixo' });
    expect(error.issues[0]?.path).toBe('callbackUrl');
  });
});
