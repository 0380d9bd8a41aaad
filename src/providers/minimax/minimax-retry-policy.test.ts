import { describe, expect, it } from 'vitest';
import { ConnectionError, ContentPolicyError, ProviderError, RateLimitError } from '../../core/errors';
import { isRetryable, jobMayExistAfter } from '../../core/retry-policy';
import { minimaxGeneratePolicy as policy } from './minimax-retry-policy';

const httpError = (status: number) => new ProviderError(`HTTP ${status}`, { provider: 'minimax', status });
const businessError = (code: string) => new ProviderError(`code ${code}`, { provider: 'minimax', status: 200, code });
const connection = (requestSent: boolean, timedOut = false) =>
  new ConnectionError('network', { provider: 'minimax', requestSent, timedOut });

describe('minimaxGeneratePolicy', () => {
  it('is a job-creating policy', () => {
    expect(policy.kind).toBe('create');
  });

  it.each([429, 503])('retries HTTP %i, which means nothing was generated', (status) => {
    expect(isRetryable(httpError(status), policy)).toBe(true);
    expect(jobMayExistAfter(httpError(status), policy)).toBe(false);
  });

  it.each([500, 502, 504])('never retries HTTP %i and flags that the images may exist', (status) => {
    expect(isRetryable(httpError(status), policy)).toBe(false);
    expect(jobMayExistAfter(httpError(status), policy)).toBe(true);
  });

  it('retries a refused connection, which proves the request never left', () => {
    expect(isRetryable(connection(false), policy)).toBe(true);
    expect(jobMayExistAfter(connection(false), policy)).toBe(false);
  });

  it('never retries a timeout or a connection lost after sending, and flags them', () => {
    for (const error of [connection(true, true), connection(true)]) {
      expect(isRetryable(error, policy)).toBe(false);
      expect(jobMayExistAfter(error, policy)).toBe(true);
    }
  });

  it.each(['1000', '1001', '1024', '1033'])('retries base_resp %s inside HTTP 200 and never flags it as generated', (code) => {
    expect(isRetryable(businessError(code), policy)).toBe(true);
    expect(jobMayExistAfter(businessError(code), policy)).toBe(false);
  });

  it.each(['1002', '1039', '1041', '2045'])('retries the rate limit %s inside HTTP 200', (code) => {
    const error = new RateLimitError('slow down', { provider: 'minimax', status: 200, code });
    expect(isRetryable(error, policy)).toBe(true);
    expect(jobMayExistAfter(error, policy)).toBe(false);
  });

  it('does not retry the plan quota 2056, content refusals or unknown codes', () => {
    expect(isRetryable(new RateLimitError('quota', { provider: 'minimax', status: 200, code: '2056' }), policy)).toBe(false);
    expect(isRetryable(new ContentPolicyError('no', { provider: 'minimax', status: 200, code: '1026' }), policy)).toBe(false);
    expect(isRetryable(businessError('9999'), policy)).toBe(false);
  });

  it('flags an unreadable success answer as possibly generated', () => {
    expect(jobMayExistAfter(new ProviderError('no images', { provider: 'minimax', status: 200 }), policy)).toBe(true);
  });
});
