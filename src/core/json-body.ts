import { ProviderError } from './errors';
import type { TransportResponse } from './transport';

const decoder = new TextDecoder();

export function bodyText(response: TransportResponse): string {
  return decoder.decode(response.body);
}

export type JsonRead = { ok: true; value: unknown; text: string } | { ok: false; text: string };

/** Parses a body as JSON without throwing: HTML pages and empty bodies come back as `ok: false`. */
export function readJson(response: TransportResponse): JsonRead {
  const text = bodyText(response);
  if (text.trim() === '') return { ok: false, text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch {
    return { ok: false, text };
  }
}

/** Parses a body that must be JSON; anything else becomes a ProviderError carrying the raw text. */
export function requireJson(response: TransportResponse, provider: string, requestId?: string): unknown {
  const read = readJson(response);
  if (read.ok) return read.value;
  const what = read.text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
  return failMalformed(`${provider} answered HTTP ${response.status} with ${what}.`, response, provider, requestId, read.text);
}

/**
 * A body we could not read. Retryable: a garbled answer is usually a proxy or a cut connection, so a
 * status read is asked again (the poll loop keeps going); a job-creating call is still never repeated
 * after a 2xx, since the job may exist (the retry loop marks it `jobMayExist`).
 */
export function failMalformed(message: string, response: TransportResponse, provider: string, requestId: string | undefined, text = bodyText(response)): never {
  throw new ProviderError(message, {
    provider,
    status: response.status,
    requestId,
    body: text,
    retryable: true,
  });
}
