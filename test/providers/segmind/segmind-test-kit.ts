import { http, HttpResponse } from 'msw';
import { ImageClient } from '../../../src/core/client';
import type { ClientOptions } from '../../../src/core/options';
import { segmind, type SegmindOptions } from '../../../src/providers/segmind';
import type { FetchFunction } from '../../../src/core/transport';
import type { RecordedRequest } from '../../helpers/mock-provider';

/** Shared pieces of the Segmind adapter tests: the wire as Segmind speaks it, and a client on msw. */

export const segmindBase = 'https://api.segmind.com';
export const testKey = 'SG_test_key_0123456789abcdef';
export const imageHost = 'https://cdn.segmind.example';

/** Polling that a fake clock runs through at once, with sleeps easy to tell apart. */
export const quickPolling = { initialDelayMs: 10, intervalMs: 10, backoffFactor: 1, maxIntervalMs: 10 };

export function segmindClient(
  fetch: FetchFunction,
  options: { provider?: SegmindOptions } & Omit<ClientOptions, 'provider' | 'fetch'> = {},
): ImageClient {
  const { provider, ...clientOptions } = options;
  return new ImageClient({ provider: segmind({ apiKey: testKey, baseUrl: segmindBase, ...provider }), fetch, polling: quickPolling, ...clientOptions });
}

/** Segmind's submit answer, with absolute URLs on `base`. */
export function submitted(id: string, base = segmindBase): Record<string, string> {
  return {
    request_id: id,
    status: 'QUEUED',
    poll_url: `${base}/v2/requests/${id}/status`,
    status_url: `${base}/v2/requests/${id}/status`,
    response_url: `${base}/v2/requests/${id}`,
  };
}

/** A status body. */
export function statusBody(id: string, status: string, metrics: Record<string, unknown> = {}): Record<string, unknown> {
  return { status, request_id: id, metrics };
}

/** A COMPLETED result with `images[]` (and `output` mirroring it, as Segmind sends both). */
export function resultBody(id: string, urls: string[], metrics: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    status: 'COMPLETED',
    request_id: id,
    output: urls,
    images: urls.map((url) => ({ url, content_type: 'image/png', file_name: url.split('/').pop(), file_size: 4 })),
    metrics,
  };
}

/**
 * Handlers for one job: submit answers `id`; each status request takes the next entry of
 * `statuses` (the last one repeats); the result answers `result`.
 */
export function jobHandlers(options: {
  id: string;
  model?: string;
  base?: string;
  statuses: (string | (() => Response))[];
  result?: Record<string, unknown>;
}) {
  const base = options.base ?? segmindBase;
  const model = options.model ?? 'image-01';
  let statusIndex = 0;
  return [
    http.post(`${base}/v2/${model}`, () => HttpResponse.json(submitted(options.id, base))),
    http.get(`${base}/v2/requests/${options.id}/status`, () => {
      const entry = options.statuses[Math.min(statusIndex, options.statuses.length - 1)] ?? 'QUEUED';
      statusIndex += 1;
      if (typeof entry === 'function') return entry();
      if (entry === 'FAILED') return HttpResponse.json({ ...statusBody(options.id, 'FAILED'), error: 'The prompt was blocked by the safety checker' }, { status: 422 });
      return HttpResponse.json(statusBody(options.id, entry));
    }),
    http.get(`${base}/v2/requests/${options.id}`, () => HttpResponse.json(options.result ?? resultBody(options.id, [`${imageHost}/${options.id}/0.png`]))),
  ];
}

/** The recorded requests as `METHOD path` lines, easy to compare whole. */
export function wireLog(recorded: readonly RecordedRequest[]): string[] {
  return recorded.map((request) => `${request.method} ${request.url.origin === segmindBase ? '' : request.url.origin}${request.url.pathname}`);
}

export { rejectionOf } from '../../helpers/rejection-of';
