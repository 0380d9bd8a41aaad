import { ContentPolicyError, ProviderError } from '../../core/errors';
import { readJson } from '../../core/json-body';
import type { OperationContext } from '../../core/provider';
import type { ImageResult } from '../../core/result';
import { retryAfterFromHeaders } from '../../core/retry-policy';
import type { TransportResponse } from '../../core/transport';
import { minimaxFailedCount, minimaxImageSources, minimaxResponseSchema } from './minimax-api';
import { minimaxBusinessError, minimaxHttpError, minimaxName, type MinimaxTarget } from './minimax-errors';
import { minimaxCost } from './minimax-models';

/**
 * Reads one answer of `POST /v1/image_generation`: the HTTP status, then `base_resp` (an error
 * can arrive inside HTTP 200, possibly alone), then the images. Throws the mapped error.
 */
export function readMinimaxResponse(response: TransportResponse, model: string, target: MinimaxTarget, context: OperationContext): ImageResult {
  const traceId = response.headers['trace-id']?.trim() || undefined;
  if (response.status < 200 || response.status >= 300) throw minimaxHttpError(response, traceId, target);

  const read = readJson(response);
  const parsed = read.ok ? minimaxResponseSchema.safeParse(read.value) : undefined;
  if (!read.ok || !parsed?.success) {
    const what = !read.ok ? (read.text.trim() === '' ? 'an empty body' : 'a body that is not JSON') : 'a body of an unexpected shape';
    throw new ProviderError(`MiniMax answered HTTP ${response.status} with ${what}. The generation may have run; it was not repeated.`, {
      provider: minimaxName,
      status: response.status,
      requestId: traceId,
      body: read.text,
    });
  }
  const body = parsed.data;
  const requestId = body.id ?? traceId;
  const baseResponse = body.base_resp;
  if (baseResponse !== undefined && baseResponse !== null && baseResponse.status_code !== 0) {
    throw minimaxBusinessError(baseResponse, {
      status: response.status,
      requestId,
      retryAfterMs: retryAfterFromHeaders(response.headers, Date.now()),
      target,
    });
  }

  const sources = minimaxImageSources(body);
  const failedCount = minimaxFailedCount(body);
  if (sources.length === 0) {
    const options = { provider: minimaxName, status: response.status, requestId, body: read.text };
    if (failedCount > 0) {
      throw new ContentPolicyError(
        `MiniMax withheld all ${failedCount} image${failedCount === 1 ? '' : 's'} (content safety). Change the prompt or reference image.`,
        { ...options, detail: `failed_count ${failedCount}` },
      );
    }
    throw new ProviderError('MiniMax reported success but returned no image. The generation may have been billed; it was not repeated.', options);
  }

  const result: ImageResult = {
    id: requestId ?? '',
    provider: minimaxName,
    model,
    images: sources.map((source) => context.image(source)),
    failedCount,
    timings: { totalMs: Math.round(context.clock.now() - context.startedAt) },
    raw: read.value,
  };
  const cost = minimaxCost(model, sources.length);
  if (cost !== undefined) result.cost = cost;
  return result;
}
