import { describe, expect, it } from 'vitest';
import type { NormalizedRequest } from '../../core/request';
import { minimaxCapabilities, minimaxCost, minimaxRequestBody } from './minimax-models';

const request = (fields: Partial<NormalizedRequest> = {}): NormalizedRequest => ({ prompt: 'a fox', model: 'image-01', n: 1, ...fields });

describe('minimaxRequestBody', () => {
  it('maps every image-01 field to its wire name', () => {
    const body = minimaxRequestBody(
      request({
        n: 3,
        size: { width: 1024, height: 768 },
        seed: 42,
        promptOptimizer: true,
        responseFormat: 'base64',
        referenceImageUrl: 'https://example.com/face.png',
      }),
    );
    expect(body).toEqual({
      model: 'image-01',
      prompt: 'a fox',
      n: 3,
      width: 1024,
      height: 768,
      seed: 42,
      prompt_optimizer: true,
      response_format: 'base64',
      subject_reference: [{ type: 'character', image_file: 'https://example.com/face.png' }],
    });
  });

  it('sends aspect_ratio and no width or height for an aspect-ratio request', () => {
    expect(minimaxRequestBody(request({ aspectRatio: '16:9' }))).toEqual({ model: 'image-01', prompt: 'a fox', n: 1, aspect_ratio: '16:9' });
  });

  it('merges providerOptions last, over the mapped fields', () => {
    const body = minimaxRequestBody(request({ n: 2, providerOptions: { n: 4, aigc_watermark: true } }));
    expect(body).toMatchObject({ n: 4, aigc_watermark: true });
  });

  it('sends only model, prompt and providerOptions for a pass-through slug', () => {
    expect(minimaxRequestBody(request({ model: 'image-02', n: 1, providerOptions: { style: 'x' } }))).toEqual({
      model: 'image-02',
      prompt: 'a fox',
      style: 'x',
    });
  });
});

describe('minimaxCapabilities', () => {
  it('offers size with 512–2048 px sides in multiples of 8 for image-01 only', () => {
    expect(minimaxCapabilities('image-01').size).toEqual({ side: { min: 512, max: 2048 }, multipleOf: 8 });
    expect(minimaxCapabilities('image-01-live').fields).not.toContain('size');
    expect(minimaxCapabilities('image-01-live').fields).toContain('aspectRatio');
  });

  it('never offers resolution', () => {
    expect(minimaxCapabilities('image-01').fields).not.toContain('resolution');
  });

  it('refuses aspectRatio together with size', () => {
    const rules = minimaxCapabilities('image-01').rules;
    expect(rules?.(request({ aspectRatio: '1:1', size: { width: 512, height: 512 } }))).toEqual([
      { path: 'size', message: expect.stringContaining('aspectRatio') },
    ]);
    expect(rules?.(request({ aspectRatio: '1:1' }))).toEqual([]);
  });

  it('treats unknown slugs as pass-through', () => {
    expect(minimaxCapabilities('image-02')).toEqual({ model: 'image-02', passThrough: true, fields: [] });
  });
});

describe('minimaxCost', () => {
  it('prices image-01 at $0.0035 per returned image', () => {
    expect(minimaxCost('image-01', 3)).toEqual({ amount: 0.0105, currency: 'USD' });
  });

  it('has no price for other models', () => {
    expect(minimaxCost('image-01-live', 1)).toBeUndefined();
  });
});
