import type { ModelCapabilities } from '../../core/capabilities';
import type { ValidationIssue } from '../../core/errors';
import type { NormalizedRequest } from '../../core/request';
import type { ApixoTaskBody } from './apixo-api';

/** APIXO's own id for MiniMax image-01. The canonical `'image-01'` is sent as this. */
export const minimaxImage01 = 'minimax-image-01';

/** APIXO's flat price for minimax-image-01, per image delivered (failed images are refunded). */
export const minimaxImage01PriceUsd = 0.0035;

/** The largest side of any 1K preset: an explicit size past it is 2K-class output. */
const largest1KSide = 1344;

/** The model id in APIXO's paths: `'image-01'` becomes `'minimax-image-01'`; other slugs pass through. */
export function apixoWireModel(model: string): string {
  return model === 'image-01' ? minimaxImage01 : model;
}

/** True for the names of minimax-image-01 (`'image-01'` or `'minimax-image-01'`). */
export function isMinimaxImage01(model: string): boolean {
  return apixoWireModel(model) === minimaxImage01;
}

const minimaxImage01Capabilities: Omit<ModelCapabilities, 'model' | 'passThrough'> = {
  fields: ['n', 'aspectRatio', 'size', 'resolution', 'seed', 'promptOptimizer', 'referenceImageUrl'],
  promptMaxLength: 1500,
  n: { min: 1, max: 9 },
  seed: { min: -1, max: 2_147_483_647 },
  size: { side: { min: 512, max: 2048 }, multipleOf: 8 },
  rules: minimaxImage01Rules,
  documentation: "APIXO's minimax-image-01 page",
};

/** What a model accepts on APIXO; slugs other than minimax-image-01 pass through. */
export function apixoCapabilities(model: string): ModelCapabilities {
  if (isMinimaxImage01(model)) return { ...minimaxImage01Capabilities, model, passThrough: false };
  return { model, passThrough: true, fields: [] };
}

/**
 * Cross-field rules for minimax-image-01: `size` is never combined with the presets (APIXO would let
 * resolution + aspect_ratio win silently), and image-to-image takes exactly one public URL.
 */
export function minimaxImage01Rules(request: NormalizedRequest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (request.size !== undefined && (request.resolution !== undefined || request.aspectRatio !== undefined)) {
    const presets = [request.resolution === undefined ? '' : 'resolution', request.aspectRatio === undefined ? '' : 'aspectRatio'].filter(Boolean).join(' and ');
    issues.push({
      path: 'size',
      message: `cannot be combined with ${presets}: APIXO lets resolution + aspect ratio win over size, so one of them would be ignored. Give either size, or resolution and/or aspectRatio.`,
    });
  }
  if (request.referenceImageUrl?.startsWith('data:')) {
    issues.push({
      path: 'referenceImageUrl',
      message: 'must be a public https:// URL on APIXO (it fetches the image itself); data: URLs are not accepted. Upload the image and pass its URL.',
    });
  }
  const raw = request.providerOptions?.['image_urls'];
  if (raw !== undefined) {
    const single = Array.isArray(raw) && raw.length === 1 && typeof raw[0] === 'string';
    if (request.referenceImageUrl !== undefined) {
      issues.push({ path: 'providerOptions.image_urls', message: 'duplicates referenceImageUrl: give the reference image once, as referenceImageUrl.' });
    } else if (!single) {
      const count = Array.isArray(raw) ? `${raw.length} entries` : 'not a list';
      issues.push({ path: 'providerOptions.image_urls', message: `must hold exactly one image URL for minimax-image-01 (got ${count}). Pass one reference image, preferably as referenceImageUrl.` });
    }
  }
  return issues;
}

/** `WxH`, as APIXO's `size` field takes it. */
export function apixoSize(size: { width: number; height: number }): string {
  return `${size.width}x${size.height}`;
}

/**
 * The `input` for minimax-image-01. An aspect ratio alone is sent with `resolution: "1K"` and a
 * resolution alone with `aspect_ratio: "1:1"` (APIXO defines only the pair). `providerOptions`
 * are merged last.
 */
export function minimaxImage01Input(request: NormalizedRequest): Record<string, unknown> {
  const hasImage = request.referenceImageUrl !== undefined || request.providerOptions?.['image_urls'] !== undefined;
  const input: Record<string, unknown> = { mode: hasImage ? 'image-to-image' : 'text-to-image', prompt: request.prompt };
  if (request.referenceImageUrl !== undefined) input['image_urls'] = [request.referenceImageUrl];
  input['num_images'] = request.n;
  if (request.resolution !== undefined || request.aspectRatio !== undefined) {
    input['resolution'] = request.resolution ?? '1K';
    input['aspect_ratio'] = request.aspectRatio ?? '1:1';
  }
  if (request.size !== undefined && request.size !== 'auto') input['size'] = apixoSize(request.size);
  if (request.seed !== undefined) input['seed'] = request.seed;
  if (request.promptOptimizer !== undefined) input['prompt_optimizer'] = request.promptOptimizer;
  return { ...input, ...request.providerOptions };
}

/** The generateTask body: `input` (mapped, or prompt + providerOptions for a pass-through slug). */
export function apixoTaskBody(request: NormalizedRequest, callbackUrl?: string): ApixoTaskBody {
  const input = isMinimaxImage01(request.model) ? minimaxImage01Input(request) : { prompt: request.prompt, ...request.providerOptions };
  const body: ApixoTaskBody = { input };
  if (callbackUrl !== undefined) {
    body.request_type = 'callback';
    body.callback_url = callbackUrl;
  }
  return body;
}

/** The output tier of a request, for the polling schedule: `'2K'` for 2K presets or large sizes. */
export function apixoOutputTier(request: NormalizedRequest): '1K' | '2K' {
  if (request.resolution === '2K') return '2K';
  if (request.size !== undefined && request.size !== 'auto' && Math.max(request.size.width, request.size.height) > largest1KSide) return '2K';
  return '1K';
}

/** Images delivered × APIXO's price, for minimax-image-01 only (other models' prices are unknown). */
export function apixoCost(model: string, images: number): { amount: number; currency: string } | undefined {
  if (!isMinimaxImage01(model)) return undefined;
  return { amount: Math.round(images * minimaxImage01PriceUsd * 1e6) / 1e6, currency: 'USD' };
}
