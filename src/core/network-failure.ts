import { ConnectionError } from './errors';

/** Error codes that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_DESTROYED', 'UND_ERR_CLOSED']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** The first `code` found along an error's `cause` chain (fetch wraps the socket error). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns a transport failure into a ConnectionError that says whether the request was sent. */
export function connectionErrorFrom(error: unknown, context: { provider: string; url: string; timedOut: boolean; timeoutMs: number }): ConnectionError {
  const code = networkErrorCode(error);
  const origin = safeOrigin(context.url);
  const timedOut = context.timedOut || (code !== undefined && TIMEOUT_CODES.has(code));
  const requestSent = !(code !== undefined && NOT_SENT_CODES.has(code));
  const message = timedOut
    ? `No answer from ${origin} within ${context.timeoutMs} ms (the per-attempt timeout).`
    : `Network failure talking to ${origin}${code ? ` (${code})` : ''}${requestSent ? '' : ': the request was not sent'}.`;
  return new ConnectionError(message, { provider: context.provider, cause: error, requestSent, timedOut, retryable: true, code });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the provider';
  }
}
