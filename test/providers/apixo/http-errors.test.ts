import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  ProviderError,
  RateLimitError,
} from '../../../src/core/errors';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { apixoClient, envelope, generatePath, rejectionOf, statusPath, taskEnvelope, taskHandlers } from './apixo-test-kit';

const { server, recorded, fetch } = useMockProvider();

/** An APIXO error envelope at an HTTP status. */
const errorAnswer = (status: number, message: string, detail = message) => () => HttpResponse.json(envelope({ error: detail }, status, message), { status });

/** Submit handler answering each request with the next entry (the last one repeats). */
function submitSequence(answers: (() => Response)[]) {
  let index = 0;
  return http.post(generatePath(), () => {
    const answer = answers[Math.min(index, answers.length - 1)];
    index += 1;
    return answer ? answer() : HttpResponse.error();
  });
}

const posts = () => recorded.filter((request) => request.method === 'POST');

describe('apixo: HTTP errors on generateTask', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [402, InsufficientCreditsError],
    [403, PermissionDeniedError],
  ])('maps HTTP %i to %s without retrying', async (status, errorClass) => {
    server.use(submitSequence([errorAnswer(status, 'refused', `refused with ${status}`)]));
    const error = await rejectionOf(apixoClient(fetch).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ provider: 'apixo', status, code: String(status), detail: `refused with ${status}`, jobMayExist: false });
    expect(posts()).toHaveLength(1);
  });

  it('names APIXO_API_KEY in the advice for a 401', async () => {
    server.use(submitSequence([errorAnswer(401, 'Unauthorized', 'Missing or invalid API key')]));
    expect(((await rejectionOf(apixoClient(fetch).submit({ prompt: 'a fox' }))) as Error).message).toContain('APIXO_API_KEY');
  });

  it('maps a 404 on generateTask to NotFoundError naming the model', async () => {
    server.use(http.post(generatePath('no-such-model'), errorAnswer(404, 'Model not found')));
    const error = await rejectionOf(apixoClient(fetch).submit({ model: 'no-such-model', prompt: 'a fox' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain("'no-such-model'");
  });

  it('retries a 429 after its Retry-After delay, then submits once', async () => {
    server.use(
      submitSequence([
        () => HttpResponse.json(envelope(null, 429, 'Too many requests'), { status: 429, headers: { 'retry-after': '2' } }),
        () => HttpResponse.json(envelope({ taskId: 'task_after_429' })),
      ]),
    );
    const clock = fakeClock();
    const job = await apixoClient(fetch, { clock }).submit({ prompt: 'a fox' });
    expect(job.id).toBe('task_after_429');
    expect(posts()).toHaveLength(2);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it('surfaces RateLimitError with retryAfterMs once the retries are spent', async () => {
    server.use(submitSequence([() => HttpResponse.json(envelope(null, 429, 'Too many requests'), { status: 429, headers: { 'retry-after': '1' } })]));
    const error = await rejectionOf(apixoClient(fetch, { maxRetries: 1 }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 1_000, jobMayExist: false });
    expect(posts()).toHaveLength(2);
  });

  it('retries a 502 with a non-JSON body (nothing was created), then succeeds', async () => {
    server.use(submitSequence([() => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 }), () => HttpResponse.json(envelope({ taskId: 'task_after_502' }))]));
    expect((await apixoClient(fetch).submit({ prompt: 'a fox' })).id).toBe('task_after_502');
    expect(posts()).toHaveLength(2);
  });

  it('keeps the non-JSON body of a 502 on the ProviderError once the retries are spent', async () => {
    server.use(submitSequence([() => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })]));
    const error = await rejectionOf(apixoClient(fetch, { maxRetries: 2 }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, retryable: true, jobMayExist: false, body: '<html>502 Bad Gateway</html>' });
    expect(posts()).toHaveLength(3);
  });

  it('never repeats a submit answered 504: the task may exist', async () => {
    server.use(submitSequence([errorAnswer(504, 'Upstream timeout')]));
    const error = await rejectionOf(apixoClient(fetch).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 504, jobMayExist: true, retryable: false });
    expect(posts()).toHaveLength(1);
  });

  it('maps code 402 inside an HTTP 200 to InsufficientCreditsError with status 200, without retrying', async () => {
    server.use(submitSequence([() => HttpResponse.json(envelope({ error: 'Balance too low' }, 402, 'Insufficient balance'))]));
    const error = await rejectionOf(apixoClient(fetch).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ status: 200, code: '402', detail: 'Balance too low', jobMayExist: false });
    expect(posts()).toHaveLength(1);
  });

  it('retries code 500 inside an HTTP 200 like an HTTP 500, and says no task was created', async () => {
    server.use(submitSequence([() => HttpResponse.json(envelope(null, 500, 'Internal error'))]));
    const error = await rejectionOf(apixoClient(fetch, { maxRetries: 1 }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, code: '500', jobMayExist: false });
    expect(posts()).toHaveLength(2);
  });

  it('treats a 200 without a taskId as a task that may exist', async () => {
    server.use(submitSequence([() => HttpResponse.json(envelope({}))]));
    const error = await rejectionOf(apixoClient(fetch).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ jobMayExist: true });
    expect(posts()).toHaveLength(1);
  });
});

describe('apixo: HTTP errors on statusTask', () => {
  it('keeps polling through a 502 until the task finishes', async () => {
    const taskId = 'task_502';
    server.use(...taskHandlers({ taskId, statuses: [() => new HttpResponse('bad gateway', { status: 502 }), taskEnvelope(taskId, 'success')] }));
    const result = await apixoClient(fetch).generate({ prompt: 'a fox' });
    expect(result.id).toBe(taskId);
    expect(recorded.filter((request) => request.method === 'GET')).toHaveLength(2);
  });

  it('retries a 429 on statusTask and finishes', async () => {
    const taskId = 'task_429';
    server.use(...taskHandlers({ taskId, statuses: [errorAnswer(429, 'Too many requests'), taskEnvelope(taskId, 'success')] }));
    expect((await apixoClient(fetch).job(taskId).wait()).id).toBe(taskId);
  });

  it('rejects a 401 on statusTask at once with AuthenticationError carrying the task id', async () => {
    server.use(http.get(statusPath(), errorAnswer(401, 'Unauthorized')));
    const error = await rejectionOf(apixoClient(fetch).job('task_401').wait());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ requestId: 'task_401', status: 401 });
    expect(recorded).toHaveLength(1);
  });

  it('maps a 404 on statusTask to NotFoundError saying the model must match', async () => {
    server.use(http.get(statusPath(), errorAnswer(404, 'Task not found')));
    const error = await rejectionOf(apixoClient(fetch).job('task_unknown').status());
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain("for model 'minimax-image-01'");
  });
});
