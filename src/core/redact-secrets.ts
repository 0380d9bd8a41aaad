import { ImagegateError } from './errors';

const redacted = '[redacted]';

/**
 * The secret parts of request headers: every value, and for `Bearer <key>` the key alone, so a
 * provider that echoes a key in its error text never puts it in a message, `detail` or `body`.
 */
export function secretsOf(headers: Readonly<Record<string, string>>): string[] {
  const secrets = new Set<string>();
  for (const value of Object.values(headers)) {
    const key = value.replace(/^bearer\s+/i, '').trim();
    if (key.length >= 8) secrets.add(key);
  }
  return [...secrets];
}

/** Replaces every secret in the error's human-readable fields. Returns the same error. */
export function redactSecrets<E>(error: E, secrets: readonly string[]): E {
  if (!(error instanceof ImagegateError) || secrets.length === 0) return error;
  const scrub = (text: string): string => secrets.reduce((current, secret) => current.split(secret).join(redacted), text);
  for (const field of ['message', 'detail', 'body'] as const) {
    const value: unknown = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' && secrets.some((secret) => value.includes(secret))) {
      Object.defineProperty(error, field, { value: scrub(value), enumerable: field !== 'message', configurable: true, writable: true });
    }
  }
  if (error.stack !== undefined) error.stack = scrub(error.stack);
  return error;
}
