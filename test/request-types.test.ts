import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ImageRequest } from 'imagegate';

describe('request types', () => {
  it('accept image-01 fields under every name of the model', () => {
    const requests: ImageRequest[] = [
      { prompt: 'a', n: 2, aspectRatio: '16:9' },
      { model: 'minimax-image-01', prompt: 'a', size: '1024x768', seed: 7 },
      { model: 'image-01-live', prompt: 'a', n: 3 },
      { model: 'gpt-image-1-mini', prompt: 'a', quality: 'high', size: 'auto' },
      { model: 'some-other-slug', prompt: 'a', providerOptions: { steps: 20 } },
    ];
    expect(requests).toHaveLength(5);
  });

  it('reject at compile time what runtime validation would refuse anyway', () => {
    // @ts-expect-error gpt-image-1-mini's fields are not image-01's
    const mixed: ImageRequest = { prompt: 'a', quality: 'high' };
    // @ts-expect-error a pass-through slug takes only prompt and providerOptions
    const passThrough: ImageRequest = { model: 'some-other-slug', prompt: 'a', n: 2 };
    // @ts-expect-error gpt-image-1-mini makes one image per request
    const many: ImageRequest = { model: 'gpt-image-1-mini', prompt: 'a', n: 2 };
    expect([mixed, passThrough, many]).toHaveLength(3);
    expectTypeOf<ImageRequest>().toHaveProperty('prompt');
  });
});
