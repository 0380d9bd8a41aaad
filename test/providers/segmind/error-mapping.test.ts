import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ImagegateError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  ProviderError,
} from '../../../src/core/errors';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { rejectionOf, segmindBase, segmindClient } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

/** Submits once against a submit route that answers `status` with `body`, and returns the error. */
async function submitError(status: number, body: string | Record<string, string>, headers: Record<string, string> = {}): Promise<ImagegateError> {
  server.use(
    http.post(`${segmindBase}/v2/image-01`, () =>
      typeof body === 'string' ? new HttpResponse(body, { status, headers: { 'content-type': 'text/html', ...headers } }) : HttpResponse.json(body, { status, headers }),
    ),
  );
  const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).submit({ prompt: 'a fox' }));
  expect(error).toBeInstanceOf(ImagegateError);
  expect(recorded).toHaveLength(1);
  return error as ImagegateError;
}

describe('segmind: HTTP errors on submit', () => {
  it('maps 401 to AuthenticationError that names SEGMIND_API_KEY', async () => {
    const error = await submitError(401, { error: 'Invalid API key' });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ provider: 'segmind', status: 401, detail: 'Invalid API key', retryable: false, jobMayExist: false });
    expect(error.message).toContain('SEGMIND_API_KEY');
  });

  it('maps 402 to InsufficientCreditsError', async () => {
    const error = await submitError(402, { error: 'Insufficient credits' });
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ status: 402, detail: 'Insufficient credits', jobMayExist: false });
  });

  it('maps 406 about credits to InsufficientCreditsError', async () => {
    const error = await submitError(406, { error: 'Not enough credits to process request' });
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error.message).toContain('Not enough credits to process request');
  });

  it('maps 406 "Invalid content type" to BadRequestError', async () => {
    const error = await submitError(406, { error: 'Invalid content type' });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).not.toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ status: 406, detail: 'Invalid content type' });
  });

  it('maps 400 to BadRequestError with the provider text', async () => {
    const error = await submitError(400, { error: 'aspect_ratio must be one of ...' });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('aspect_ratio must be one of ...');
  });

  it('maps 403 to PermissionDeniedError', async () => {
    expect(await submitError(403, { error: 'Forbidden' })).toBeInstanceOf(PermissionDeniedError);
  });

  it('maps 404 on submit to NotFoundError about the model slug', async () => {
    const error = await submitError(404, { error: 'Model not found' });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain("'image-01'");
  });

  it('maps an HTML 405 page to ProviderError keeping the raw text', async () => {
    const error = await submitError(405, '<html><body>Method Not Allowed</body></html>');
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 405, body: '<html><body>Method Not Allowed</body></html>' });
  });
});

describe('segmind: HTTP errors on status', () => {
  it('maps 401 on status to AuthenticationError naming SEGMIND_API_KEY, with the job id', async () => {
    server.use(http.get(`${segmindBase}/v2/requests/req-401/status`, () => HttpResponse.json({ error: 'Invalid API key' }, { status: 401 })));
    const error = await rejectionOf(segmindClient(fetch).job('req-401').status());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ requestId: 'req-401' });
    expect((error as Error).message).toContain('SEGMIND_API_KEY');
  });

  it('maps a 422 without a FAILED body on status to an error, not a job state', async () => {
    server.use(http.get(`${segmindBase}/v2/requests/req-422/status`, () => new HttpResponse('unprocessable', { status: 422 })));
    const error = await rejectionOf(segmindClient(fetch).job('req-422').status());
    expect(error).toBeInstanceOf(ImagegateError);
    expect(error).toMatchObject({ status: 422, requestId: 'req-422' });
  });
});
