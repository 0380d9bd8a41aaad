import { checkBoolean, checkInteger, checkOneOf, checkPrompt, problems } from './field-checks';
import { aspectRatios, defaultSize, isAspectRatio, standardSizes } from './image-sizes';
import type { ImageSize } from './image-sizes';

/** What the sandbox reads from a Segmind submit body. */
export interface SegmindReading {
  problems: string[];
  count: number;
  size: ImageSize;
  /** Price per image in USD, reported as `metrics.cost`. */
  pricePerImage: number;
}

type SegmindModel = (body: Record<string, unknown>) => SegmindReading;

const gptSizes: Readonly<Record<string, ImageSize>> = {
  '1024x1024': { width: 1024, height: 1024 },
  '1536x1024': { width: 1536, height: 1024 },
  '1024x1536': { width: 1024, height: 1536 },
  auto: { width: 1024, height: 1024 },
};

const image01: SegmindModel = (body) => ({
  problems: problems(
    checkPrompt('prompt', body.prompt, 1500),
    checkOneOf('aspect_ratio', body.aspect_ratio, aspectRatios),
    checkInteger('number_of_images', body.number_of_images, 1, 9),
    checkBoolean('prompt_optimizer', body.prompt_optimizer),
  ),
  count: typeof body.number_of_images === 'number' ? body.number_of_images : 1,
  size: isAspectRatio(body.aspect_ratio) ? standardSizes[body.aspect_ratio] : defaultSize,
  pricePerImage: 0.0035,
});

const gptImage1Mini: SegmindModel = (body) => ({
  problems: problems(
    checkPrompt('prompt', body.prompt, 32_000),
    checkOneOf('size', body.size, Object.keys(gptSizes)),
    checkOneOf('quality', body.quality, ['low', 'medium', 'high', 'auto']),
    checkOneOf('moderation', body.moderation, ['low', 'auto']),
    checkOneOf('background', body.background, ['transparent', 'opaque']),
    checkInteger('output_compression', body.output_compression, 0, 100),
    checkOneOf('output_format', body.output_format, ['png', 'jpeg', 'webp']),
  ),
  count: 1,
  size: (typeof body.size === 'string' ? gptSizes[body.size] : undefined) ?? defaultSize,
  pricePerImage: 0.011,
});

/** The Segmind models the sandbox serves, by slug. Any other slug answers 404. */
export const segmindModels: Readonly<Record<string, SegmindModel>> = {
  'image-01': image01,
  'gpt-image-1-mini': gptImage1Mini,
};
