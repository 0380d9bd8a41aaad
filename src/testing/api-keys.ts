import type { IncomingHttpHeaders } from 'node:http';

/** The key from `Authorization: Bearer <key>`, or `undefined`. */
export function bearerKey(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization?.trim() ?? '');
  return match?.[1]?.trim();
}

/** The key from `x-api-key`, or `undefined`. */
export function headerKey(headers: IncomingHttpHeaders): string | undefined {
  const value = headers['x-api-key'];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** True when the key is acceptable: the configured one, or any non-empty key when none is configured. */
export function isAcceptedKey(key: string | undefined, requiredKey: string | undefined): boolean {
  if (key === undefined || key === '') return false;
  return requiredKey === undefined || key === requiredKey;
}
