import { AuthenticationError } from './errors';

/**
 * The key to send: the one passed in, else the environment variable, read when first needed (so a
 * client can be built before the environment is ready). Missing: AuthenticationError naming it.
 */
export function resolveApiKey(explicit: string | undefined, variable: string, provider: string): string {
  const key = explicit ?? process.env[variable];
  if (key === undefined || key.trim() === '') {
    throw new AuthenticationError(`No ${provider} API key: set ${variable} or pass { apiKey } to ${provider}().`, { provider, code: 'missing_api_key' });
  }
  return key.trim();
}
