import type { ModelCapabilities } from '../../core/capabilities';
import type { ValidationIssue } from '../../core/errors';
import type { NormalizedRequest, RequestField } from '../../core/request';

const documentation = 'https://platform.minimax.io/docs/api-reference/image-generation-t2i';

/** `aspect_ratio` wins silently when both are sent, so the pair is refused instead. */
function refuseAspectRatioWithSize(request: NormalizedRequest): ValidationIssue[] {
  if (request.aspectRatio === undefined || request.size === undefined) return [];
  return [
    {
      path: 'size',
      message: 'cannot be combined with aspectRatio on MiniMax (it would silently ignore size). Give either aspectRatio or size.',
    },
  ];
}

const commonFields: readonly RequestField[] = ['n', 'aspectRatio', 'seed', 'promptOptimizer', 'referenceImageUrl', 'responseFormat'];

const common = {
  promptMaxLength: 1500,
  n: { min: 1, max: 9 },
  rules: refuseAspectRatioWithSize,
  documentation,
} satisfies Partial<ModelCapabilities>;

/**
 * MiniMax's documented models. `image-01-live` takes the same fields except `width`/`height`
 * (MiniMax documents them for image-01 only); its `style` goes in `providerOptions`. Any other slug
 * passes through with `prompt` and `providerOptions`.
 */
const models: Record<string, Omit<ModelCapabilities, 'model' | 'passThrough'>> = {
  'image-01': {
    ...common,
    fields: [...commonFields, 'size'],
    size: { side: { min: 512, max: 2048 }, multipleOf: 8 },
  },
  'image-01-live': { ...common, fields: commonFields },
};

/** USD per generated image, where MiniMax publishes it. */
const pricePerImageUsd: Record<string, number> = { 'image-01': 0.0035 };

export function minimaxCapabilities(model: string): ModelCapabilities {
  const known = models[model];
  return known ? { ...known, model, passThrough: false } : { model, passThrough: true, fields: [] };
}

/** The cost of `imageCount` images, for models with a published price. */
export function minimaxCost(model: string, imageCount: number): { amount: number; currency: string } | undefined {
  const price = pricePerImageUsd[model];
  if (price === undefined) return undefined;
  return { amount: Math.round(price * imageCount * 1e6) / 1e6, currency: 'USD' };
}

/** The JSON body of `POST /v1/image_generation`. `providerOptions` are merged last. */
export function minimaxRequestBody(request: NormalizedRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { model: request.model, prompt: request.prompt };
  if (models[request.model] !== undefined) {
    body['n'] = request.n;
    if (request.aspectRatio !== undefined) body['aspect_ratio'] = request.aspectRatio;
    if (request.size !== undefined && request.size !== 'auto') {
      body['width'] = request.size.width;
      body['height'] = request.size.height;
    }
    if (request.seed !== undefined) body['seed'] = request.seed;
    if (request.promptOptimizer !== undefined) body['prompt_optimizer'] = request.promptOptimizer;
    if (request.responseFormat !== undefined) body['response_format'] = request.responseFormat;
    if (request.referenceImageUrl !== undefined) {
      body['subject_reference'] = [{ type: 'character', image_file: request.referenceImageUrl }];
    }
  }
  return { ...body, ...request.providerOptions };
}
