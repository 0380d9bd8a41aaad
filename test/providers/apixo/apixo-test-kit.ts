import { http, HttpResponse } from 'msw';
import { ImageClient } from '../../../src/core/client';
import type { ClientOptions } from '../../../src/core/options';
import type { FetchFunction } from '../../../src/core/transport';
import { apixo, type ApixoOptions } from '../../../src/providers/apixo';
import { fakeClock } from '../../helpers/fake-clock';

/** Shared pieces of the APIXO adapter tests: the wire as APIXO speaks it, and a client on msw. */

export const apixoBase = 'https://api.apixo.ai';
export const testKey = 'apixo_test_key_0123456789';
export const imageHost = 'https://file.apixo.example';
export const generatePath = (model = 'minimax-image-01') => `${apixoBase}/api/v1/generateTask/${model}`;
export const statusPath = (model = 'minimax-image-01') => `${apixoBase}/api/v1/statusTask/${model}`;

/** Polling that runs through at once (the fake clock also never really sleeps). */
export const quickPolling = { initialDelayMs: 0, intervalMs: 0 };

export function apixoClient(fetch: FetchFunction, options: { provider?: ApixoOptions } & Omit<ClientOptions, 'provider' | 'fetch'> = {}): ImageClient {
  const { provider, ...clientOptions } = options;
  return new ImageClient({ provider: apixo({ apiKey: testKey, baseUrl: apixoBase, ...provider }), fetch, clock: fakeClock(), polling: quickPolling, ...clientOptions });
}

/** `{ code: 200, message: 'success', data }`. */
export function envelope(data: unknown, code = 200, message = 'success'): Record<string, unknown> {
  return { code, message, data };
}

/** A statusTask envelope in one of APIXO's states (a success carries `resultJson` as a string). */
export function taskEnvelope(taskId: string, state: 'pending' | 'processing' | 'success' | 'failed', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = { taskId, state, createTime: 1_767_965_610_929 };
  if (state === 'success') {
    data['resultJson'] = JSON.stringify({ resultUrls: [`${imageHost}/${taskId}/0.png`] });
    data['completeTime'] = 1_767_965_652_317;
    data['costTime'] = 41_388;
  }
  if (state === 'failed') {
    data['failCode'] = 'UPSTREAM_ERROR';
    data['failMsg'] = 'Generation failed';
    data['completeTime'] = 1_767_965_620_132;
  }
  return envelope({ ...data, ...extra });
}

/** The `resultJson` string of a success with these image URLs. */
export function resultJson(urls: string[]): string {
  return JSON.stringify({ resultUrls: urls });
}

type Answer = Record<string, unknown> | (() => Response);

/**
 * Handlers for one task: generateTask answers `taskId`; each statusTask request for that id takes the
 * next entry of `statuses` (the last one repeats).
 */
export function taskHandlers(options: { taskId: string; model?: string; statuses: Answer[] }) {
  let index = 0;
  return [
    http.post(generatePath(options.model), () => HttpResponse.json(envelope({ taskId: options.taskId }))),
    http.get(statusPath(options.model), ({ request }) => {
      if (new URL(request.url).searchParams.get('taskId') !== options.taskId) return HttpResponse.json(envelope(null, 404, 'Task not found'), { status: 404 });
      const entry = options.statuses[Math.min(index, options.statuses.length - 1)] ?? taskEnvelope(options.taskId, 'pending');
      index += 1;
      return typeof entry === 'function' ? entry() : HttpResponse.json(entry);
    }),
  ];
}

export { rejectionOf } from '../../helpers/rejection-of';
