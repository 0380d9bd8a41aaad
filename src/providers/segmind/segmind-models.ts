import type { ModelCapabilities } from '../../core/capabilities';
import type { NormalizedRequest } from '../../core/request';

/** Segmind's documented models; any other slug passes through with `prompt` and `providerOptions`. */
const models: Record<string, Omit<ModelCapabilities, 'model' | 'passThrough'>> = {
  'image-01': {
    fields: ['n', 'aspectRatio', 'promptOptimizer'],
    promptMaxLength: 1500,
    n: { min: 1, max: 9 },
    documentation: 'https://www.segmind.com/models/image-01/api',
  },
  'gpt-image-1-mini': {
    fields: ['n', 'size', 'quality', 'moderation', 'background', 'outputCompression', 'outputFormat'],
    n: { min: 1, max: 1 },
    size: { values: ['1024x1024', '1536x1024', '1024x1536', 'auto'] },
    documentation: 'https://www.segmind.com/models/gpt-image-1-mini/api',
  },
};

export function segmindCapabilities(model: string): ModelCapabilities {
  const known = models[model];
  return known ? { ...known, model, passThrough: false } : { model, passThrough: true, fields: [] };
}

/** The flat JSON body of `POST /v2/{model}`. `providerOptions` are merged last. */
export function segmindRequestBody(request: NormalizedRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { prompt: request.prompt };
  if (request.model === 'image-01') {
    body['number_of_images'] = request.n;
    if (request.aspectRatio !== undefined) body['aspect_ratio'] = request.aspectRatio;
    if (request.promptOptimizer !== undefined) body['prompt_optimizer'] = request.promptOptimizer;
  } else if (request.model === 'gpt-image-1-mini') {
    if (request.size !== undefined) body['size'] = request.size === 'auto' ? 'auto' : `${request.size.width}x${request.size.height}`;
    if (request.quality !== undefined) body['quality'] = request.quality;
    if (request.moderation !== undefined) body['moderation'] = request.moderation;
    if (request.background !== undefined) body['background'] = request.background;
    if (request.outputCompression !== undefined) body['output_compression'] = request.outputCompression;
    if (request.outputFormat !== undefined) body['output_format'] = request.outputFormat;
  }
  return { ...body, ...request.providerOptions };
}
