import type { RouteReply } from './sandbox-types';

/** A JSON reply with the given HTTP status. */
export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): RouteReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** A small HTML page, as gateways and some provider errors answer. */
export function htmlReply(status: number, title: string): RouteReply {
  const page = `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head>` +
    `<body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>\n`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
}

/** Parses a JSON object body; `undefined` when the text is not a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the Content-Type header names JSON. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
