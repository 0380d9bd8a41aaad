import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  ContentPolicyError,
  ImagegateError,
  InferenceTimeout,
  InsufficientCreditsError,
  ProviderError,
  RateLimitError,
} from '../../../src/core/errors';
import { useMockProvider } from '../../helpers/mock-provider';
import { businessError, globalEndpoint, minimaxClient, urlAnswer } from './minimax-fixtures';

const { server, recorded, fetch } = useMockProvider();

/** Generates and returns what the call rejected with. */
async function failure(options: Parameters<typeof minimaxClient>[2] = {}, region?: 'cn'): Promise<ImagegateError> {
  const { client } = minimaxClient(fetch, region ? { apiKey: 'k', region } : { apiKey: 'k' }, options);
  const error = await client.generate({ prompt: 'a fox' }).catch((caught: unknown) => caught);
  if (!(error instanceof ImagegateError)) throw new Error(`expected an ImagegateError, got ${String(error)}`);
  return error;
}

describe('minimax: base_resp errors inside HTTP 200', () => {
  it('retries 1002 and then surfaces RateLimitError after maxRetries + 1 requests', async () => {
    server.use(http.post(globalEndpoint, () => businessError(1002, 'rate limit exceeded')));
    const { client, clock } = minimaxClient(fetch, { apiKey: 'k' }, { maxRetries: 3 });
    const error = await client.generate({ prompt: 'a fox' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ provider: 'minimax', status: 200, code: '1002', requestId: 'trace-err', jobMayExist: false });
    expect(recorded).toHaveLength(4);
    expect(clock.sleeps).toHaveLength(3);
  });

  it.each([1000, 1001, 1024, 1033, 1039, 1041, 2045])('retries %i and succeeds on the next attempt', async (code) => {
    let calls = 0;
    server.use(http.post(globalEndpoint, () => (++calls === 1 ? businessError(code) : urlAnswer(['https://cdn.example/1.jpeg']))));
    const { client } = minimaxClient(fetch);
    const result = await client.generate({ prompt: 'a fox' });
    expect(result.images).toHaveLength(1);
    expect(recorded).toHaveLength(2);
  });

  it('surfaces a temporary code as a retryable ProviderError without jobMayExist once retries run out', async () => {
    server.use(http.post(globalEndpoint, () => businessError(1033, 'system error')));
    const error = await failure({ maxRetries: 1 });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '1033', status: 200, jobMayExist: false, retryable: true });
    expect(recorded).toHaveLength(2);
  });

  it.each([
    [1004, AuthenticationError],
    [2049, AuthenticationError],
    [1008, InsufficientCreditsError],
    [1026, ContentPolicyError],
    [1027, ContentPolicyError],
    [1042, BadRequestError],
    [2013, BadRequestError],
    [2056, RateLimitError],
  ])('maps %i to %o with one request only', async (code, errorClass) => {
    server.use(http.post(globalEndpoint, () => businessError(code)));
    const error = await failure();
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status: 200, code: String(code), jobMayExist: false });
    expect(recorded).toHaveLength(1);
  });

  it('explains the region mismatch for 2049', async () => {
    server.use(http.post('https://api.minimaxi.com/v1/image_generation', () => businessError(2049, 'invalid api key')));
    const error = await failure({}, 'cn');
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("region: 'global' (https://api.minimax.io)");
  });

  it('reads base_resp before the images: an error code wins over data in the same body', async () => {
    server.use(
      http.post(globalEndpoint, () =>
        HttpResponse.json({ data: { image_urls: ['https://cdn.example/1.jpeg'] }, base_resp: { status_code: 1026, status_msg: 'input new_sensitive' } }),
      ),
    );
    const error = await failure();
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect(error.detail).toBe('input new_sensitive');
  });

  it('maps an unknown code to a ProviderError that is not retried', async () => {
    server.use(http.post(globalEndpoint, () => businessError(3999, 'something new')));
    const error = await failure();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe('3999');
    expect(recorded).toHaveLength(1);
  });
});

describe('minimax: HTTP errors from gateways', () => {
  it('turns a non-JSON 502 page into ProviderError after exactly one request, with jobMayExist', async () => {
    server.use(http.post(globalEndpoint, () => new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })));
    const error = await failure();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, jobMayExist: true, retryable: false });
    expect((error as ProviderError).body).toContain('502 Bad Gateway');
    expect(recorded).toHaveLength(1);
  });

  it.each([500, 504])('does not retry HTTP %i and sets jobMayExist', async (status) => {
    server.use(http.post(globalEndpoint, () => HttpResponse.json({ message: 'upstream' }, { status })));
    const error = await failure();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status, jobMayExist: true });
    expect(recorded).toHaveLength(1);
  });

  it('retries HTTP 503 and returns the images', async () => {
    let calls = 0;
    server.use(http.post(globalEndpoint, () => (++calls === 1 ? new HttpResponse('busy', { status: 503 }) : urlAnswer(['https://cdn.example/1.jpeg']))));
    const result = await minimaxClient(fetch).client.generate({ prompt: 'a fox' });
    expect(result.images).toHaveLength(1);
    expect(recorded).toHaveLength(2);
  });

  it('retries HTTP 429 after the Retry-After delay', async () => {
    let calls = 0;
    server.use(
      http.post(globalEndpoint, () =>
        ++calls === 1 ? HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '2' } }) : urlAnswer(['https://cdn.example/1.jpeg']),
      ),
    );
    const { client, clock } = minimaxClient(fetch);
    await client.generate({ prompt: 'a fox' });
    expect(recorded).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('surfaces 503 as a retryable ProviderError without jobMayExist when retries run out', async () => {
    server.use(http.post(globalEndpoint, () => new HttpResponse('busy', { status: 503 })));
    const error = await failure({ maxRetries: 2 });
    expect(error).toMatchObject({ status: 503, jobMayExist: false });
    expect(recorded).toHaveLength(3);
  });

  it('maps a gateway 401 to AuthenticationError without retrying', async () => {
    server.use(http.post(globalEndpoint, () => HttpResponse.json({ base_resp: { status_code: 1004, status_msg: 'login fail' } }, { status: 401 })));
    const error = await failure();
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(recorded).toHaveLength(1);
  });

  it.each([
    [400, 2013, BadRequestError],
    [400, 1026, ContentPolicyError],
    [401, 2049, AuthenticationError],
  ])('maps HTTP %i carrying base_resp %i to %o by the code, keeping the HTTP status, in one request', async (status, code, errorClass) => {
    server.use(http.post(globalEndpoint, () => HttpResponse.json({ base_resp: { status_code: code, status_msg: 'from base_resp' } }, { status, headers: { 'Trace-Id': 'trace-http' } })));
    const error = await failure();
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status, code: String(code), detail: 'from base_resp', requestId: 'trace-http', jobMayExist: false });
    expect(recorded).toHaveLength(1);
  });

  it('gives the region advice for HTTP 401 carrying base_resp 2049', async () => {
    server.use(http.post(globalEndpoint, () => HttpResponse.json({ base_resp: { status_code: 2049, status_msg: 'invalid api key' } }, { status: 401 })));
    const error = await failure();
    expect(error.message).toContain("region: 'cn' (https://api.minimaxi.com)");
  });

  it('does not retry HTTP 500 carrying the temporary code 1000, and sets jobMayExist', async () => {
    server.use(http.post(globalEndpoint, () => HttpResponse.json({ base_resp: { status_code: 1000, status_msg: 'unknown error' } }, { status: 500 })));
    const error = await failure({ maxRetries: 3 });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 500, code: '1000', jobMayExist: true, retryable: false });
    expect(error.message).toContain('may have run');
    expect(recorded).toHaveLength(1);
  });

  it('turns a malformed 200 body into ProviderError with jobMayExist, not repeated', async () => {
    server.use(http.post(globalEndpoint, () => new HttpResponse('not json', { status: 200 })));
    const error = await failure();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, jobMayExist: true });
    expect(recorded).toHaveLength(1);
  });
});

describe('minimax: time limits and abort', () => {
  it('does not retry a per-attempt timeout and sets jobMayExist', async () => {
    server.use(
      http.post(globalEndpoint, async () => {
        await delay('infinite');
        return urlAnswer([]);
      }),
    );
    const error = await failure({ requestTimeoutMs: 30 });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ timedOut: true, jobMayExist: true });
    expect(recorded).toHaveLength(1);
  });

  it("is bounded by the caller's timeoutMs: InferenceTimeout flagged as possibly generated", async () => {
    server.use(
      http.post(globalEndpoint, async () => {
        await delay('infinite');
        return urlAnswer([]);
      }),
    );
    const { client } = minimaxClient(fetch);
    const started = Date.now();
    const error = await client.generate({ prompt: 'a fox' }, { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InferenceTimeout);
    expect(error).toMatchObject({ provider: 'minimax', jobMayExist: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(recorded).toHaveLength(1);
  });

  it("rejects promptly with the signal's reason when aborted mid-request", async () => {
    let reached: () => void = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    server.use(
      http.post(globalEndpoint, async () => {
        reached();
        await delay('infinite');
        return urlAnswer([]);
      }),
    );
    const { client } = minimaxClient(fetch);
    const controller = new AbortController();
    const pending = client.generate({ prompt: 'a fox' }, { signal: controller.signal }).catch((caught: unknown) => caught);
    await requestArrived;
    const reason = new Error('user cancelled');
    const abortedAt = performance.now();
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(recorded).toHaveLength(1);
  });
});
