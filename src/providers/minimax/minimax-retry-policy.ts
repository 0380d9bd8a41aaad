import type { RetryPolicy } from '../../core/retry-policy';

/**
 * MiniMax's one call does the whole (billed) generation, so it is repeated only on answers that mean
 * nothing was generated: HTTP 429 and 503, a refused connection (core: a request never sent is
 * always retryable), and the `base_resp` codes for a temporary failure or a rate limit. Never on
 * 500, 502, 504 or a timeout: those end the call with `jobMayExist: true`. 2056 (plan quota) is a
 * rate limit that waiting a few seconds cannot fix, so it is not listed.
 */
export const minimaxGeneratePolicy: RetryPolicy = {
  kind: 'create',
  retryStatuses: [429, 503],
  retryAllServerErrors: false,
  retryCodes: ['1000', '1001', '1002', '1024', '1033', '1039', '1041', '2045'],
  retryAfterSending: false,
};
