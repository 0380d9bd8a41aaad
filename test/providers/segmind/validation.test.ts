import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors';
import type { ImageRequest } from '../../../src/core/request';
import { useMockProvider } from '../../helpers/mock-provider';
import { rejectionOf, segmindBase, segmindClient, submitted } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

/** Submits a request that must be refused; returns the ValidationError after checking nothing was sent. */
async function refused(request: unknown): Promise<ValidationError> {
  server.use(http.post(`${segmindBase}/v2/:model`, () => HttpResponse.json(submitted('must-not-happen'))));
  const client = segmindClient(fetch);
  const error = await rejectionOf(client.submit(request as ImageRequest));
  expect(error).toBeInstanceOf(ValidationError);
  const generateError = await rejectionOf(client.generate(request as ImageRequest));
  expect(generateError).toBeInstanceOf(ValidationError);
  expect(recorded).toHaveLength(0);
  return error as ValidationError;
}

const paths = (error: ValidationError): string[] => error.issues.map((issue) => issue.path);

describe('segmind: requests refused before any HTTP request', () => {
  it.each([
    ['n=10 on image-01', { prompt: 'a fox', n: 10 }, 'n', /1 to 9/],
    ['n=0 on image-01', { prompt: 'a fox', n: 0 }, 'n', /1 to 9/],
    ['an empty prompt', { prompt: '' }, 'prompt', /must not be empty/],
    ['a blank prompt', { prompt: '   ' }, 'prompt', /must not be empty/],
    ['a 1501-character prompt', { prompt: 'a'.repeat(1501) }, 'prompt', /1501 characters; at most 1500/],
    ['1501 emoji', { prompt: '🦊'.repeat(1501) }, 'prompt', /1501 characters/],
    ['a bad aspect ratio', { prompt: 'a fox', aspectRatio: '5:4' }, 'aspectRatio', /16:9/],
    ['size on image-01', { prompt: 'a fox', size: '1024x1024' }, 'size', /not offered by segmind for image-01.*Remove it/],
    ['seed on image-01', { prompt: 'a fox', seed: 42 }, 'seed', /not offered by segmind for image-01/],
    ['n=2 on gpt-image-1-mini', { model: 'gpt-image-1-mini', prompt: 'a fox', n: 2 }, 'n', /1 to 1/],
    ['a size gpt-image-1-mini does not offer', { model: 'gpt-image-1-mini', prompt: 'a fox', size: '512x512' }, 'size', /'1024x1024', '1536x1024', '1024x1536', 'auto'/],
    ['aspectRatio on gpt-image-1-mini', { model: 'gpt-image-1-mini', prompt: 'a fox', aspectRatio: '1:1' }, 'aspectRatio', /not offered/],
    ['quality on image-01', { prompt: 'a fox', quality: 'high' }, 'quality', /not offered/],
    ['a modelled field on a pass-through slug', { model: 'flux-schnell', prompt: 'a fox', aspectRatio: '1:1' }, 'aspectRatio', /providerOptions/],
    ['an unknown field', { prompt: 'a fox', steps: 30 }, 'steps', /providerOptions/],
    ['no prompt at all', { aspectRatio: '1:1' }, 'prompt', /required/],
  ])('refuses %s', async (_name, request, path, message) => {
    const error = await refused(request);
    const issue = error.issues.find((item) => item.path === path);
    expect(issue?.message).toMatch(message);
    expect(error.provider).toBe('segmind');
  });

  it('accepts a prompt of 1500 emoji (limits count code points, not UTF-16 units)', async () => {
    server.use(http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json(submitted('req-emoji'))));
    const prompt = '🦊'.repeat(1500);
    expect(prompt.length).toBe(3000);
    const job = await segmindClient(fetch).submit({ prompt });
    expect(job.id).toBe('req-emoji');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.json).toEqual({ prompt, number_of_images: 1 });
  });

  it('lists every problem at once, each with its path, and says what to do', async () => {
    const error = await refused({ prompt: '', n: 10, aspectRatio: '5:4', size: '1024x1024', seed: 1 });
    expect(paths(error).sort()).toEqual(['aspectRatio', 'n', 'prompt', 'seed', 'size']);
    expect(error.message).toContain('Invalid request for segmind image-01');
    for (const path of ['prompt', 'n', 'aspectRatio', 'size', 'seed']) expect(error.message).toContain(`${path}:`);
    expect(error.message).toContain('this model takes: prompt, n, aspectRatio, promptOptimizer, providerOptions');
    expect(error.toJSON()).toMatchObject({ name: 'ValidationError', issues: error.issues });
  });

  it('lists the problems of a gpt-image-1-mini request at once', async () => {
    const error = await refused({ model: 'gpt-image-1-mini', prompt: 'a fox', n: 2, seed: 3, quality: 'ultra', outputCompression: 101 });
    expect(paths(error).sort()).toEqual(['n', 'outputCompression', 'quality', 'seed']);
  });
});
