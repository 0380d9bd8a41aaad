import { describe, expect, it } from 'vitest';
import type { NormalizedRequest } from '../../core/request';
import { segmindCapabilities, segmindRequestBody } from './segmind-models';

const request = (fields: Partial<NormalizedRequest> & { model: string }): NormalizedRequest => ({ prompt: 'a fox', n: 1, ...fields });

describe('segmindRequestBody', () => {
  it('maps image-01 fields to their wire names', () => {
    expect(segmindRequestBody(request({ model: 'image-01', n: 4, aspectRatio: '9:16', promptOptimizer: true }))).toEqual({
      prompt: 'a fox',
      number_of_images: 4,
      aspect_ratio: '9:16',
      prompt_optimizer: true,
    });
  });

  it('sends prompt_optimizer false, and leaves it out when not given', () => {
    expect(segmindRequestBody(request({ model: 'image-01', promptOptimizer: false }))).toHaveProperty('prompt_optimizer', false);
    expect(segmindRequestBody(request({ model: 'image-01' }))).toEqual({ prompt: 'a fox', number_of_images: 1 });
  });

  it('maps gpt-image-1-mini fields and writes a parsed size back as WxH', () => {
    const body = segmindRequestBody(
      request({
        model: 'gpt-image-1-mini',
        size: { width: 1024, height: 1536 },
        quality: 'low',
        moderation: 'auto',
        background: 'opaque',
        outputCompression: 0,
        outputFormat: 'jpeg',
      }),
    );
    expect(body).toEqual({
      prompt: 'a fox',
      size: '1024x1536',
      quality: 'low',
      moderation: 'auto',
      background: 'opaque',
      output_compression: 0,
      output_format: 'jpeg',
    });
  });

  it('does not send n or number_of_images for gpt-image-1-mini', () => {
    expect(segmindRequestBody(request({ model: 'gpt-image-1-mini', size: 'auto' }))).toEqual({ prompt: 'a fox', size: 'auto' });
  });

  it('sends only prompt and providerOptions for a pass-through slug', () => {
    expect(segmindRequestBody(request({ model: 'sdxl', n: 3, providerOptions: { steps: 20 } }))).toEqual({ prompt: 'a fox', steps: 20 });
  });

  it('merges providerOptions last, so they win over mapped fields', () => {
    const body = segmindRequestBody(request({ model: 'image-01', aspectRatio: '1:1', providerOptions: { aspect_ratio: '4:3', prompt: 'raw' } }));
    expect(body).toEqual({ prompt: 'raw', number_of_images: 1, aspect_ratio: '4:3' });
  });
});

describe('segmindCapabilities', () => {
  it('offers image-01 its documented fields: n 1–9, aspect ratio, prompt optimizer, 1500-character prompts', () => {
    const capabilities = segmindCapabilities('image-01');
    expect(capabilities).toMatchObject({ model: 'image-01', passThrough: false, promptMaxLength: 1500, n: { min: 1, max: 9 } });
    expect([...capabilities.fields].sort()).toEqual(['aspectRatio', 'n', 'promptOptimizer']);
    expect(capabilities.fields).not.toContain('seed');
    expect(capabilities.fields).not.toContain('size');
  });

  it('offers gpt-image-1-mini one image, its three sizes or auto, and its output fields', () => {
    const capabilities = segmindCapabilities('gpt-image-1-mini');
    expect(capabilities).toMatchObject({ passThrough: false, n: { min: 1, max: 1 }, size: { values: ['1024x1024', '1536x1024', '1024x1536', 'auto'] } });
    expect([...capabilities.fields].sort()).toEqual(['background', 'moderation', 'n', 'outputCompression', 'outputFormat', 'quality', 'size']);
  });

  it('treats any other slug as pass-through with no modelled fields', () => {
    expect(segmindCapabilities('flux-1.1-pro')).toEqual({ model: 'flux-1.1-pro', passThrough: true, fields: [] });
  });

  it('points at the model pages for the documented models', () => {
    expect(segmindCapabilities('image-01').documentation).toMatch(/segmind\.com\/models\/image-01/);
    expect(segmindCapabilities('gpt-image-1-mini').documentation).toMatch(/segmind\.com\/models\/gpt-image-1-mini/);
  });
});
