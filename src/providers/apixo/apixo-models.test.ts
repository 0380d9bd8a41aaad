import { describe, expect, it } from 'vitest';
import type { NormalizedRequest } from '../../core/request';
import { apixoCapabilities, apixoCost, apixoOutputTier, apixoTaskBody, apixoWireModel, minimaxImage01Input, minimaxImage01Rules } from './apixo-models';

const request = (fields: Partial<NormalizedRequest> = {}): NormalizedRequest => ({ prompt: 'a fox', model: 'image-01', n: 1, ...fields });

describe('apixo model names', () => {
  it('sends image-01 as minimax-image-01 and passes other slugs through', () => {
    expect(apixoWireModel('image-01')).toBe('minimax-image-01');
    expect(apixoWireModel('minimax-image-01')).toBe('minimax-image-01');
    expect(apixoWireModel('flux-kontext-pro')).toBe('flux-kontext-pro');
  });

  it('gives both names of minimax-image-01 the same modelled capabilities, named as the caller did', () => {
    const canonical = apixoCapabilities('image-01');
    const own = apixoCapabilities('minimax-image-01');
    expect(canonical.model).toBe('image-01');
    expect(own.model).toBe('minimax-image-01');
    expect({ ...own, model: 'image-01' }).toEqual(canonical);
    expect(canonical).toMatchObject({ passThrough: false, promptMaxLength: 1500, n: { min: 1, max: 9 }, seed: { min: -1, max: 2_147_483_647 } });
    expect(apixoCapabilities('some-video-model')).toEqual({ model: 'some-video-model', passThrough: true, fields: [] });
  });
});

describe('minimaxImage01Input', () => {
  it('maps a text-to-image request with every modelled field', () => {
    expect(minimaxImage01Input(request({ n: 3, resolution: '2K', aspectRatio: '16:9', seed: 42, promptOptimizer: false }))).toEqual({
      mode: 'text-to-image',
      prompt: 'a fox',
      num_images: 3,
      resolution: '2K',
      aspect_ratio: '16:9',
      seed: 42,
      prompt_optimizer: false,
    });
  });

  it('maps a reference image to image-to-image with exactly one image_urls entry', () => {
    const input = minimaxImage01Input(request({ referenceImageUrl: 'https://example.com/cat.png', size: { width: 1280, height: 720 } }));
    expect(input).toEqual({ mode: 'image-to-image', prompt: 'a fox', image_urls: ['https://example.com/cat.png'], num_images: 1, size: '1280x720' });
  });

  it('sends an aspect ratio alone with resolution 1K, and a resolution alone with aspect ratio 1:1', () => {
    expect(minimaxImage01Input(request({ aspectRatio: '9:16' }))).toMatchObject({ resolution: '1K', aspect_ratio: '9:16' });
    expect(minimaxImage01Input(request({ resolution: '2K' }))).toMatchObject({ resolution: '2K', aspect_ratio: '1:1' });
    expect(minimaxImage01Input(request())).not.toHaveProperty('resolution');
  });

  it('merges providerOptions last, over the mapped fields', () => {
    expect(minimaxImage01Input(request({ n: 2, providerOptions: { num_images: 4, extra_flag: true } }))).toMatchObject({ num_images: 4, extra_flag: true });
  });

  it('switches to image-to-image when the image comes through providerOptions', () => {
    expect(minimaxImage01Input(request({ providerOptions: { image_urls: ['https://example.com/a.png'] } }))).toMatchObject({
      mode: 'image-to-image',
      image_urls: ['https://example.com/a.png'],
    });
  });
});

describe('apixoTaskBody', () => {
  it('wraps the input and adds the callback fields only in callback mode', () => {
    expect(apixoTaskBody(request())).toEqual({ input: { mode: 'text-to-image', prompt: 'a fox', num_images: 1 } });
    expect(apixoTaskBody(request(), 'https://hooks.example/apixo')).toMatchObject({ request_type: 'callback', callback_url: 'https://hooks.example/apixo' });
  });

  it('sends only prompt and providerOptions for a pass-through slug', () => {
    expect(apixoTaskBody(request({ model: 'flux-kontext-pro', providerOptions: { aspect_ratio: '4:3' } }))).toEqual({ input: { prompt: 'a fox', aspect_ratio: '4:3' } });
  });
});

describe('minimaxImage01Rules', () => {
  it('refuses size together with resolution or aspect ratio', () => {
    const issues = minimaxImage01Rules(request({ size: { width: 1024, height: 1024 }, aspectRatio: '1:1' }));
    expect(issues).toEqual([{ path: 'size', message: expect.stringContaining('resolution + aspect ratio win over size') }]);
    expect(minimaxImage01Rules(request({ size: { width: 1024, height: 1024 }, resolution: '2K' }))).toHaveLength(1);
    expect(minimaxImage01Rules(request({ size: { width: 1024, height: 1024 } }))).toEqual([]);
  });

  it('refuses data: reference images, which APIXO cannot fetch', () => {
    expect(minimaxImage01Rules(request({ referenceImageUrl: 'data:image/png;base64,AAAA' }))).toEqual([{ path: 'referenceImageUrl', message: expect.stringContaining('public https://') }]);
  });

  it('refuses image_urls in providerOptions unless it is a list of exactly one URL given once', () => {
    const two = request({ providerOptions: { image_urls: ['https://a.example/1.png', 'https://a.example/2.png'] } });
    expect(minimaxImage01Rules(two)).toEqual([{ path: 'providerOptions.image_urls', message: expect.stringContaining('2 entries') }]);
    expect(minimaxImage01Rules(request({ providerOptions: { image_urls: 'https://a.example/1.png' } }))).toHaveLength(1);
    const twice = request({ referenceImageUrl: 'https://a.example/1.png', providerOptions: { image_urls: ['https://a.example/1.png'] } });
    expect(minimaxImage01Rules(twice)).toEqual([{ path: 'providerOptions.image_urls', message: expect.stringContaining('duplicates referenceImageUrl') }]);
    expect(minimaxImage01Rules(request({ providerOptions: { image_urls: ['https://a.example/1.png'] } }))).toEqual([]);
  });
});

describe('apixoOutputTier and apixoCost', () => {
  it('treats 2K presets and sizes past the largest 1K preset as 2K output', () => {
    expect(apixoOutputTier(request({ resolution: '2K' }))).toBe('2K');
    expect(apixoOutputTier(request({ size: { width: 2048, height: 1024 } }))).toBe('2K');
    expect(apixoOutputTier(request({ size: { width: 1344, height: 576 } }))).toBe('1K');
    expect(apixoOutputTier(request({ aspectRatio: '16:9' }))).toBe('1K');
  });

  it('prices delivered images at $0.0035 for minimax-image-01 only', () => {
    expect(apixoCost('image-01', 3)).toEqual({ amount: 0.0105, currency: 'USD' });
    expect(apixoCost('minimax-image-01', 9)).toEqual({ amount: 0.0315, currency: 'USD' });
    expect(apixoCost('flux-kontext-pro', 1)).toBeUndefined();
  });
});
