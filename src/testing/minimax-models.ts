import { checkBoolean, checkInteger, checkOneOf, checkPrompt, problems } from './field-checks';
import { aspectRatios, defaultSize, isAspectRatio, standardSizes } from './image-sizes';
import type { ImageSize } from './image-sizes';

/** What the sandbox reads from an image_generation body. */
export interface MinimaxReading {
  problems: string[];
  prompt: string;
  count: number;
  seed: number | null;
  size: ImageSize;
  responseFormat: 'url' | 'base64';
}

/** Checks an image_generation body; `aspect_ratio` wins over `width` + `height`. */
export function readMinimaxRequest(body: Record<string, unknown>): MinimaxReading {
  const found = problems(
    checkOneOf('model', body.model ?? '', ['image-01', 'image-01-live']),
    checkPrompt('prompt', body.prompt, 1500),
    checkOneOf('aspect_ratio', body.aspect_ratio, aspectRatios),
    checkOneOf('response_format', body.response_format, ['url', 'base64']),
    checkInteger('seed', body.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    checkInteger('n', body.n, 1, 9),
    checkBoolean('prompt_optimizer', body.prompt_optimizer),
    checkDimensions(body.width, body.height),
    checkSubjectReference(body.subject_reference),
  );
  let size = defaultSize;
  if (isAspectRatio(body.aspect_ratio)) size = standardSizes[body.aspect_ratio];
  else if (typeof body.width === 'number' && typeof body.height === 'number') size = { width: body.width, height: body.height };
  return {
    problems: found,
    prompt: typeof body.prompt === 'string' ? body.prompt : '',
    count: typeof body.n === 'number' ? body.n : 1,
    seed: typeof body.seed === 'number' ? body.seed : null,
    size,
    responseFormat: body.response_format === 'base64' ? 'base64' : 'url',
  };
}

function checkDimensions(width: unknown, height: unknown): string | undefined {
  if (width === undefined && height === undefined) return undefined;
  const valid = [width, height].every((side) =>
    typeof side === 'number' && Number.isInteger(side) && side >= 512 && side <= 2048 && side % 8 === 0);
  return valid ? undefined : 'width and height must be set together, from 512 to 2048 and divisible by 8';
}

function checkSubjectReference(reference: unknown): string | undefined {
  if (reference === undefined) return undefined;
  const valid = Array.isArray(reference) && reference.length === 1 && reference.every((entry: unknown) =>
    typeof entry === 'object' && entry !== null &&
    (entry as Record<string, unknown>).type === 'character' &&
    typeof (entry as Record<string, unknown>).image_file === 'string');
  return valid ? undefined : 'subject_reference must be [{ type: "character", image_file: "<URL>" }]';
}
