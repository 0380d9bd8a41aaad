import { htmlReply, jsonReply } from './http-replies';
import type { HtmlFault, StatusFault } from './faults';
import type { RouteReply, SandboxProvider } from './sandbox-types';

const reasonPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  408: 'Request Timeout', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function reasonPhrase(status: number): string {
  return reasonPhrases[status] ?? 'Error';
}

/** The reply for a `status` fault, in the provider's own error shape unless the fault gives a body. */
export function statusFaultReply(
  fault: StatusFault,
  provider: SandboxProvider | null,
  rateLimitResetMs: number,
): RouteReply {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.rateLimitResetAt !== undefined && fault.rateLimitResetAt !== null) {
    headers['x-rate-limit-reset-at-utc'] = fault.rateLimitResetAt;
  } else if (fault.rateLimitResetAt === undefined && fault.retryAfter === undefined &&
    fault.status === 429 && provider === 'segmind') {
    headers['x-rate-limit-reset-at-utc'] = new Date(Date.now() + rateLimitResetMs).toISOString();
  }
  if (fault.body !== undefined) {
    headers['content-type'] = fault.contentType ?? 'application/json; charset=utf-8';
    return { status: fault.status, headers, body: fault.body };
  }
  return jsonReply(fault.status, defaultErrorBody(provider, fault.status), headers);
}

/** The reply for an `html` fault. */
export function htmlFaultReply(fault: HtmlFault): RouteReply {
  return htmlReply(fault.status, reasonPhrase(fault.status));
}

/** A reply with its body cut in half, so it is not valid JSON. */
export function malformedReply(reply: RouteReply): RouteReply {
  const text = typeof reply.body === 'string' ? reply.body : Buffer.from(reply.body).toString('utf8');
  const cut = text.length > 2 ? text.slice(0, Math.ceil(text.length / 2)) : '{"';
  return { status: reply.status, headers: { ...reply.headers, 'content-type': 'application/json; charset=utf-8' }, body: cut };
}

function defaultErrorBody(provider: SandboxProvider | null, status: number): unknown {
  const message = `${reasonPhrase(status)} (sandbox fault)`;
  if (provider === 'apixo') return { code: status, message, data: { error: message } };
  if (provider === 'minimax') return { error: message };
  return { error: message };
}
