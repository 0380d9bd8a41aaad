import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ProviderError } from './errors';
import { redactSecrets, secretsOf } from './redact-secrets';

describe('redactSecrets', () => {
  it('takes the key out of a Bearer header and keeps short, harmless values out of the list', () => {
    expect(secretsOf({ authorization: 'Bearer sk-live-123456', 'x-api-key': 'SG_abcdefgh', accept: '*/*' })).toEqual(['sk-live-123456', 'SG_abcdefgh']);
  });

  it('scrubs a key that a provider echoed into message, detail and body', () => {
    const error = new ProviderError('minimax answered HTTP 500: bad key sk-live-123456.', {
      detail: 'bad key sk-live-123456',
      body: '{"error":"bad key sk-live-123456"}',
    });
    redactSecrets(error, ['sk-live-123456']);
    expect(error.message).toBe('minimax answered HTTP 500: bad key [redacted].');
    expect(error.detail).toBe('bad key [redacted]');
    expect(JSON.stringify(error)).not.toContain('sk-live-123456');
    expect(inspect(error)).not.toContain('sk-live-123456');
    expect(error.stack).not.toContain('sk-live-123456');
  });

  it('leaves errors without the key untouched', () => {
    const error = new AuthenticationError('Check the API key.', { detail: 'invalid' });
    expect(redactSecrets(error, ['sk-live-123456'])).toBe(error);
    expect(error.detail).toBe('invalid');
  });
});
