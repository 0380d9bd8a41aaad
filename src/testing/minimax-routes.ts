import { randomBytes } from 'node:crypto';
import { bearerKey, isAcceptedKey } from './api-keys';
import { isJsonContentType, jsonReply, parseJsonObject } from './http-replies';
import { ImageFiles } from './image-files';
import { createJob } from './job-planner';
import { minimaxBaseResponse, minimaxCodeFor, minimaxImmediateCodes } from './minimax-codes';
import { readMinimaxRequest } from './minimax-models';
import { readPromptMarkers } from './prompt-markers';
import type { ProviderHandler, SandboxContext } from './sandbox-context';
import type { RouteReply, SandboxExchange } from './sandbox-types';

/**
 * MiniMax's synchronous image_generation: answers once the job has run; business errors in HTTP 200.
 * A body not sent as `Content-Type: application/json` is refused like any unreadable body, with
 * `base_resp` 2013 (invalid params) in an HTTP 200: MiniMax reports request problems that way, and
 * its docs name no separate content-type error.
 */
export function minimaxHandler(context: SandboxContext): ProviderHandler {
  async function generate(exchange: SandboxExchange, traceId: string): Promise<RouteReply> {
    const headers = { 'Trace-Id': traceId };
    const businessError = (code: number, detail?: string): RouteReply =>
      jsonReply(200, { base_resp: minimaxBaseResponse(code, detail) }, headers);
    if (!isAcceptedKey(bearerKey(exchange.headers), context.options.apiKey)) return businessError(1004);
    if (!isJsonContentType(exchange.headers['content-type'])) return businessError(2013, 'Content-Type must be application/json');
    const body = parseJsonObject(exchange.bodyText);
    if (body === undefined) return businessError(2013, 'the body must be a JSON object');
    const reading = readMinimaxRequest(body);
    if (reading.problems.length > 0) return businessError(2013, reading.problems.join('; '));
    const failMarker = readPromptMarkers(reading.prompt).fail;
    if (failMarker !== undefined) {
      const code = minimaxCodeFor(failMarker.code);
      if (minimaxImmediateCodes.has(code)) return businessError(code);
    }
    const job = createJob(context, {
      id: traceId,
      provider: 'minimax',
      model: typeof body.model === 'string' ? body.model : 'image-01',
      prompt: reading.prompt,
      requestedCount: reading.count,
      seed: reading.seed,
      size: reading.size,
      describeFailure: (code, reason) => {
        const numeric = reason === 'withheld' ? 1027 : minimaxCodeFor(code);
        return { code: String(numeric), message: minimaxBaseResponse(numeric).status_msg };
      },
    }, Date.now());
    await context.scheduler.sleep(job.queueMs + job.durationMs);
    if (job.failure !== undefined) return businessError(Number(job.failure.code));
    const data = reading.responseFormat === 'base64'
      ? { image_base64: job.images.map((file) => context.images.bytes(file).toString('base64')) }
      : { image_urls: job.images.map((file) => ImageFiles.url(exchange.origin, file)) };
    return jsonReply(200, {
      id: traceId,
      data,
      metadata: {
        failed_count: String(job.requestedCount - job.images.length),
        success_count: String(job.images.length),
      },
      base_resp: minimaxBaseResponse(0, undefined),
    }, headers);
  }

  return (route, exchange) => {
    const traceId = randomBytes(16).toString('hex');
    if (route !== 'submit') return jsonReply(404, { error: 'Not found' }, { 'Trace-Id': traceId });
    return generate(exchange, traceId);
  };
}
