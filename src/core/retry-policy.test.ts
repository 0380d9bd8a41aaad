import { describe, expect, it } from 'vitest';
import { ConnectionError, ProviderError, RateLimitError, ValidationError, BadRequestError, ContentPolicyError } from './errors';
import {
  defaultBackoff,
  idempotentPolicy,
  isRetryable,
  jobMayExistAfter,
  queueSubmitPolicy,
  retryAfterFromHeaders,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy';

const httpError = (status: number) => new ProviderError('x', { provider: 'p', status });
const refused = new ConnectionError('x', { requestSent: false });
const reset = new ConnectionError('x', { requestSent: true });
const timedOut = new ConnectionError('x', { requestSent: true, timedOut: true });

const syncCreatePolicy: RetryPolicy = {
  kind: 'create',
  retryStatuses: [429, 503],
  retryAllServerErrors: false,
  retryCodes: ['1002'],
  retryAfterSending: false,
};

describe('isRetryable', () => {
  it('repeats idempotent calls on network errors, timeouts, 408, 429 and every 5xx', () => {
    for (const error of [refused, reset, timedOut, httpError(408), httpError(429), httpError(500), httpError(502), httpError(503), httpError(504)]) {
      expect(isRetryable(error, idempotentPolicy)).toBe(true);
    }
  });

  it('does not repeat idempotent calls on 4xx answers other than 408 and 429', () => {
    for (const status of [400, 401, 402, 403, 404, 422]) expect(isRetryable(httpError(status), idempotentPolicy)).toBe(false);
  });

  it('repeats a queue submit only on answers that mean "not created"', () => {
    for (const status of [429, 500, 502, 503]) expect(isRetryable(httpError(status), queueSubmitPolicy)).toBe(true);
    expect(isRetryable(refused, queueSubmitPolicy)).toBe(true);
    expect(isRetryable(httpError(504), queueSubmitPolicy)).toBe(false);
    expect(isRetryable(reset, queueSubmitPolicy)).toBe(false);
    expect(isRetryable(timedOut, queueSubmitPolicy)).toBe(false);
  });

  it('repeats provider codes inside a 200 only when the policy lists them', () => {
    const rateLimited = new RateLimitError('x', { status: 200, code: '1002' });
    const quota = new RateLimitError('x', { status: 200, code: '2056' });
    expect(isRetryable(rateLimited, syncCreatePolicy)).toBe(true);
    expect(isRetryable(quota, syncCreatePolicy)).toBe(false);
    expect(isRetryable(httpError(500), syncCreatePolicy)).toBe(false);
  });

  it("ignores a listed code in a gateway's 5xx body: only the HTTP status decides there", () => {
    const gateway504 = new ProviderError('x', { status: 504, code: '500' });
    const codeInside200 = new ProviderError('x', { status: 200, code: '500' });
    const apixoSubmit: RetryPolicy = { ...queueSubmitPolicy, retryCodes: ['500'] };
    expect(isRetryable(gateway504, apixoSubmit)).toBe(false);
    expect(jobMayExistAfter(gateway504, apixoSubmit)).toBe(true);
    expect(isRetryable(codeInside200, apixoSubmit)).toBe(true);
    expect(jobMayExistAfter(codeInside200, apixoSubmit)).toBe(false);
  });

  it('never repeats an abort or a validation error', () => {
    expect(isRetryable(new DOMException('aborted', 'AbortError'), idempotentPolicy)).toBe(false);
    expect(isRetryable(new ValidationError([{ path: 'n', message: 'bad' }]), idempotentPolicy)).toBe(false);
  });
});

describe('jobMayExistAfter', () => {
  it('is true for a job-creating call that failed after it may have reached the provider', () => {
    expect(jobMayExistAfter(httpError(504), queueSubmitPolicy)).toBe(true);
    expect(jobMayExistAfter(reset, queueSubmitPolicy)).toBe(true);
    expect(jobMayExistAfter(timedOut, queueSubmitPolicy)).toBe(true);
    expect(jobMayExistAfter(new ProviderError('unreadable', { status: 200 }), queueSubmitPolicy)).toBe(true);
    expect(jobMayExistAfter(httpError(500), syncCreatePolicy)).toBe(true);
    expect(jobMayExistAfter(httpError(502), syncCreatePolicy)).toBe(true);
  });

  it('is false when the answer says nothing was created, and for idempotent calls', () => {
    expect(jobMayExistAfter(refused, queueSubmitPolicy)).toBe(false);
    expect(jobMayExistAfter(httpError(503), queueSubmitPolicy)).toBe(false);
    expect(jobMayExistAfter(new BadRequestError('x', { status: 400 }), queueSubmitPolicy)).toBe(false);
    expect(jobMayExistAfter(new ContentPolicyError('x', { status: 200, code: '1026' }), syncCreatePolicy)).toBe(false);
    expect(jobMayExistAfter(httpError(504), idempotentPolicy)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially with jitter between half and all of the capped delay', () => {
    const error = httpError(503);
    expect(retryDelayMs(0, error, () => 0)).toBe(defaultBackoff.baseDelayMs / 2);
    expect(retryDelayMs(0, error, () => 1)).toBe(defaultBackoff.baseDelayMs);
    expect(retryDelayMs(2, error, () => 1)).toBe(defaultBackoff.baseDelayMs * 4);
    expect(retryDelayMs(20, error, () => 1)).toBe(defaultBackoff.maxDelayMs);
  });

  it("uses the provider's own wait when it gave one", () => {
    const error = new RateLimitError('x', { status: 429, retryAfterMs: 7_000 });
    expect(retryDelayMs(0, error, () => 0.3)).toBe(7_000);
  });
});

describe('retryAfterFromHeaders', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');

  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterFromHeaders({ 'retry-after': '3' }, now)).toBe(3_000);
    expect(retryAfterFromHeaders({ 'retry-after': 'Sun, 29 Nov 2026 12:00:05 GMT' }, now)).toBe(5_000);
  });

  it('reads x-rate-limit-reset-at-utc as ISO date, epoch seconds or epoch milliseconds', () => {
    expect(retryAfterFromHeaders({ 'x-rate-limit-reset-at-utc': '2026-11-29T12:00:02Z' }, now)).toBe(2_000);
    expect(retryAfterFromHeaders({ 'x-rate-limit-reset-at-utc': String(now / 1000 + 4) }, now)).toBe(4_000);
    expect(retryAfterFromHeaders({ 'x-rate-limit-reset-at-utc': String(now + 1_500) }, now)).toBe(1_500);
  });

  it('reads a reset date-time without a zone as UTC, whatever the machine time zone', () => {
    const savedZone = process.env['TZ'];
    process.env['TZ'] = 'Asia/Tokyo'; // Node applies a changed TZ at once; UTC+9 makes a local reading visible
    try {
      expect(retryAfterFromHeaders({ 'x-rate-limit-reset-at-utc': '2026-11-29T12:00:03' }, now)).toBe(3_000);
      expect(retryAfterFromHeaders({ 'x-rate-limit-reset-at-utc': '2026-11-29T13:00:03+01:00' }, now)).toBe(3_000);
    } finally {
      if (savedZone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = savedZone;
    }
  });

  it('never returns a negative wait and ignores garbage', () => {
    expect(retryAfterFromHeaders({ 'x-rate-limit-reset-at-utc': '2026-11-29T11:00:00Z' }, now)).toBe(0);
    expect(retryAfterFromHeaders({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterFromHeaders({}, now)).toBeUndefined();
  });
});
