import { checkBoolean, checkInteger, checkOneOf, checkPrompt, problems } from './field-checks';
import { apixo2KSizes, aspectRatios, defaultSize, isAspectRatio, standardSizes } from './image-sizes';
import type { ImageSize } from './image-sizes';
import { isRecord } from './http-replies';

/** The APIXO models the sandbox serves. Any other slug answers 404. */
export const apixoModels: readonly string[] = ['minimax-image-01'];

/** Price per image in USD (precharged for `num_images`, refunded for images not delivered). */
export const apixoPricePerImage = 0.0035;

/** What the sandbox reads from a generateTask body. */
export interface ApixoReading {
  problems: string[];
  prompt: string;
  count: number;
  seed: number | null;
  size: ImageSize;
  callbackUrl: string | undefined;
}

const sizePattern = /^(\d+)[*xX](\d+)$/;

/** Checks a generateTask body for minimax-image-01 and works out the output size. */
export function readApixoTask(body: Record<string, unknown>): ApixoReading {
  const input = isRecord(body.input) ? body.input : undefined;
  const found: string[] = [];
  if (input === undefined) found.push('input is required and must be an object');
  const fields = input ?? {};
  const requestType = body.request_type ?? 'async';
  found.push(...problems(
    checkOneOf('request_type', requestType, ['async', 'callback']),
    checkOneOf('input.mode', fields.mode, ['text-to-image', 'image-to-image']),
    input === undefined ? undefined : checkPrompt('input.prompt', fields.prompt, 1500),
    checkOneOf('input.resolution', fields.resolution, ['1K', '2K']),
    checkOneOf('input.aspect_ratio', fields.aspect_ratio, aspectRatios),
    checkInteger('input.num_images', fields.num_images, 1, 9),
    checkInteger('input.seed', fields.seed, -1, 2_147_483_647),
    checkBoolean('input.prompt_optimizer', fields.prompt_optimizer),
    checkSize(fields.size),
    checkImageUrls(fields.mode, fields.image_urls),
  ));
  const callbackUrl = typeof body.callback_url === 'string' ? body.callback_url : undefined;
  if (requestType === 'callback' && !isHttpUrl(callbackUrl)) {
    found.push('callback_url must be an http(s) URL when request_type is callback');
  }
  return {
    problems: found,
    prompt: typeof fields.prompt === 'string' ? fields.prompt : '',
    count: typeof fields.num_images === 'number' ? fields.num_images : 1,
    seed: typeof fields.seed === 'number' && fields.seed !== -1 ? fields.seed : null,
    size: outputSize(fields),
    callbackUrl: requestType === 'callback' ? callbackUrl : undefined,
  };
}

/**
 * resolution + aspect_ratio wins (an aspect ratio alone uses 1K, a resolution alone 1:1), then
 * `size` (rounded to multiples of 8, as APIXO does), then 1024x1024.
 */
function outputSize(fields: Record<string, unknown>): ImageSize {
  const resolution = fields.resolution;
  const ratio = isAspectRatio(fields.aspect_ratio) ? fields.aspect_ratio : undefined;
  if (resolution !== undefined || ratio !== undefined) {
    const table = resolution === '2K' ? apixo2KSizes : standardSizes;
    return table[ratio ?? '1:1'];
  }
  const match = typeof fields.size === 'string' ? sizePattern.exec(fields.size) : null;
  if (match !== null) {
    return { width: roundToEight(Number(match[1])), height: roundToEight(Number(match[2])) };
  }
  return defaultSize;
}

function checkSize(size: unknown): string | undefined {
  if (size === undefined) return undefined;
  const match = typeof size === 'string' ? sizePattern.exec(size) : null;
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (match === null || width < 512 || width > 2048 || height < 512 || height > 2048) {
    return 'input.size must be WIDTHxHEIGHT (separator *, x or X) with each side from 512 to 2048';
  }
  return undefined;
}

function checkImageUrls(mode: unknown, imageUrls: unknown): string | undefined {
  if (mode !== 'image-to-image') return undefined;
  const valid = Array.isArray(imageUrls) && imageUrls.length === 1 && typeof imageUrls[0] === 'string';
  return valid ? undefined : 'input.image_urls must hold exactly one URL for image-to-image';
}

function isHttpUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function roundToEight(value: number): number {
  return Math.round(value / 8) * 8;
}
