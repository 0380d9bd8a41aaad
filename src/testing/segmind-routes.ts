import { headerKey, isAcceptedKey } from './api-keys';
import { isJsonContentType, jsonReply, parseJsonObject } from './http-replies';
import { ImageFiles } from './image-files';
import { createJob } from './job-planner';
import type { SandboxJob } from './job-store';
import { jobPhaseAt } from './job-timing';
import { readPromptMarkers } from './prompt-markers';
import type { ProviderHandler, SandboxContext } from './sandbox-context';
import type { RouteReply, SandboxExchange } from './sandbox-types';
import { segmindModels } from './segmind-models';
import { randomUUID } from 'node:crypto';

/** Segmind's queue API v2: submit, status and result. */
export function segmindHandler(context: SandboxContext): ProviderHandler {
  const prices = new Map<string, number>();

  function checkAuth(exchange: SandboxExchange): RouteReply | undefined {
    const key = headerKey(exchange.headers);
    if (isAcceptedKey(key, context.options.apiKey)) return undefined;
    const bearer = exchange.headers.authorization !== undefined && key === undefined;
    const message = bearer
      ? 'Missing API key: send it in the x-api-key header (Authorization: Bearer is not accepted)'
      : key === undefined || key === '' ? 'Missing API key' : 'Invalid API key';
    return jsonReply(401, { error: message });
  }

  function findLiveJob(id: string): SandboxJob | undefined {
    const now = Date.now();
    context.jobs.forgetCreatedBefore('segmind', now - context.options.retentionMs);
    return context.jobs.find('segmind', id);
  }

  function metrics(job: SandboxJob, now: number): Record<string, number> {
    const phase = jobPhaseAt(job, now);
    if (phase === 'queued') return {};
    const queueTime = seconds(job.queueMs);
    if (phase === 'processing') return { queue_time: queueTime };
    const cost = phase === 'completed' ? round(job.images.length * (prices.get(job.id) ?? 0)) : 0;
    return {
      inference_time: seconds(job.durationMs),
      queue_time: queueTime,
      total_time: seconds(job.queueMs + job.durationMs),
      cost,
    };
  }

  function submit(exchange: SandboxExchange): RouteReply {
    if (!isJsonContentType(exchange.headers['content-type'])) return jsonReply(406, { error: 'Invalid content type' });
    const model = exchange.params.model ?? '';
    const readModel = segmindModels[model];
    if (readModel === undefined) return jsonReply(404, { error: `Model ${model} not found` });
    const body = parseJsonObject(exchange.bodyText);
    if (body === undefined) return jsonReply(400, { error: 'Invalid request body: expected a JSON object' });
    const reading = readModel(body);
    if (reading.problems.length > 0) return jsonReply(400, { error: reading.problems.join('; ') });
    const job = createJob(context, {
      id: randomUUID(),
      provider: 'segmind',
      model,
      prompt: String(body.prompt),
      requestedCount: reading.count,
      seed: typeof body.seed === 'number' ? body.seed : null,
      size: reading.size,
      describeFailure: (code, reason) => ({
        code: code ?? 'FAILED',
        message: reason === 'withheld'
          ? 'Image generation failed: the output was blocked by content moderation'
          : `Image generation failed: ${code ?? 'the prompt asked the sandbox to fail'}`,
      }),
    }, Date.now());
    prices.set(job.id, reading.pricePerImage);
    const statusUrl = `${exchange.origin}/segmind/v2/requests/${job.id}/status`;
    return jsonReply(200, {
      request_id: job.id,
      status: 'QUEUED',
      poll_url: statusUrl,
      status_url: statusUrl,
      response_url: `${exchange.origin}/segmind/v2/requests/${job.id}`,
    });
  }

  function statusOrResult(exchange: SandboxExchange, withOutput: boolean): RouteReply {
    const id = exchange.params.id ?? '';
    const job = findLiveJob(id);
    if (job === undefined) return jsonReply(404, { error: `Request ${id} not found` });
    const now = Date.now();
    const phase = jobPhaseAt(job, now);
    const shared = { request_id: job.id, metrics: metrics(job, now) };
    if (phase === 'failed') {
      return jsonReply(422, { status: 'FAILED', request_id: job.id, error: job.failure?.message ?? 'Failed', metrics: shared.metrics });
    }
    if (phase !== 'completed' || !withOutput) return jsonReply(200, { status: phase.toUpperCase(), ...shared });
    const images = job.images.map((file) => {
      const bytes = context.images.bytes(file);
      return { url: ImageFiles.url(exchange.origin, file), content_type: 'image/png', file_name: `${file.name}.png`, file_size: bytes.length };
    });
    const urls = images.map((image) => image.url);
    const output = urls.length === 1 ? urls[0] : urls;
    // `[output-only]`: the shape the seed shows, images only in `output`.
    const imagesField = readPromptMarkers(job.prompt).outputOnly === true ? {} : { images };
    return jsonReply(200, { status: 'COMPLETED', request_id: job.id, output, ...imagesField, metrics: shared.metrics });
  }

  return (route, exchange) => {
    if (route === null) return jsonReply(404, { error: 'Not found' });
    const authFailure = checkAuth(exchange);
    if (authFailure !== undefined) return authFailure;
    if (route === 'submit') return submit(exchange);
    if (route === 'status') return statusOrResult(exchange, false);
    return statusOrResult(exchange, true);
  };
}

function seconds(milliseconds: number): number {
  return round(milliseconds / 1000);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
