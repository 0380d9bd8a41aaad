import { ValidationError } from './errors';

/**
 * The base URL to use: the option, else the environment variable (e.g. `SEGMIND_BASE_URL`, handy
 * for pointing code at a proxy or the sandbox), else the provider's default.
 */
export function resolveBaseUrl(explicit: string | undefined, variable: string, fallback: string, provider: string): string {
  const fromEnvironment = process.env[variable]?.trim();
  return normalizeBaseUrl(explicit ?? (fromEnvironment ? fromEnvironment : fallback), provider);
}

/**
 * A provider base URL: an origin, optionally with a path prefix for a proxy. Trailing slashes are
 * dropped so API paths can be appended as on the real API.
 */
export function normalizeBaseUrl(baseUrl: string, provider: string): string {
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new ValidationError([{ path: 'baseUrl', message: `must be an http(s) URL such as https://proxy.example/${provider}; got '${baseUrl}'.` }], { provider });
  }
  return baseUrl.replace(/\/+$/, '');
}

/** True when `url` is on the same origin as `baseUrl`: only then is a provider-returned URL followed. */
export function isSameOrigin(url: string, baseUrl: string): boolean {
  return URL.canParse(url) && new URL(url).origin === new URL(baseUrl).origin;
}
