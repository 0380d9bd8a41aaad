import { HttpResponse } from 'msw';
import { ImageClient } from '../../../src/core/client';
import type { ClientOptions } from '../../../src/core/options';
import type { FetchFunction } from '../../../src/core/transport';
import { minimax, type MinimaxOptions } from '../../../src/providers/minimax';
import { fakeClock } from '../../helpers/fake-clock';

export const globalEndpoint = 'https://api.minimax.io/v1/image_generation';
export const cnEndpoint = 'https://api.minimaxi.com/v1/image_generation';

/** The first bytes of a PNG file: enough for media type sniffing. */
export const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const pngBase64 = Buffer.from(pngBytes).toString('base64');

/** A MiniMax success answer with image URLs (counts as strings, as the docs show). */
export function urlAnswer(urls: string[], extra: Record<string, unknown> = {}): HttpResponse<Record<string, unknown>> {
  return HttpResponse.json(
    {
      id: '03ff3cd0820949eb8a410056b5f21d38',
      data: { image_urls: urls },
      metadata: { failed_count: '0', success_count: String(urls.length) },
      base_resp: { status_code: 0, status_msg: 'success' },
      ...extra,
    },
    { headers: { 'Trace-Id': 'trace-abc' } },
  );
}

/** A business error inside HTTP 200: a body holding only `base_resp`. */
export function businessError(code: number, message = 'error'): HttpResponse<Record<string, unknown>> {
  return HttpResponse.json({ base_resp: { status_code: code, status_msg: message } }, { headers: { 'Trace-Id': 'trace-err' } });
}

/** A client over msw's fetch, on a fake clock so retry backoff never really sleeps. */
export function minimaxClient(fetch: FetchFunction, providerOptions: MinimaxOptions = { apiKey: 'mm-key' }, clientOptions: Partial<ClientOptions> = {}) {
  const clock = fakeClock();
  const client = new ImageClient({ provider: minimax(providerOptions), fetch, clock, ...clientOptions });
  return { client, clock };
}
