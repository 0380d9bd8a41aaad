import { BadRequestError, InferenceFailed, InsufficientCreditsError, NotFoundError, type ImagegateError } from '../../core/errors';
import { errorForStatus } from '../../core/http-errors';
import { bodyText, readJson } from '../../core/json-body';
import { retryAfterFromHeaders } from '../../core/retry-policy';
import type { TransportResponse } from '../../core/transport';
import { segmindErrorText } from './segmind-api';

export const segmindName = 'segmind';
export const segmindKeyVariable = 'SEGMIND_API_KEY';

/** Segmind keeps a job's record this long after submission. */
const retentionNote = 'Segmind keeps results for 1 hour after submission, so the record may have expired';

/** Which call answered: the mapping of 404 and 422 depends on it. */
export type SegmindRoute = 'submit' | 'status' | 'result';

/** Maps a Segmind HTTP error answer to the error class users catch. */
export function segmindHttpError(response: TransportResponse, route: SegmindRoute, requestId: string | undefined, model: string): ImagegateError {
  const read = readJson(response);
  const text = read.ok ? segmindErrorText(read.value) : undefined;
  const base = { provider: segmindName, status: response.status, requestId, detail: text };
  if (response.status === 404) {
    const message =
      route === 'submit'
        ? `Segmind does not know the model '${model}' (HTTP 404). Check the slug on segmind.com/models.`
        : `Segmind has no request ${requestId ?? ''} (HTTP 404). ${retentionNote}; submit again if you still need the images.`;
    return new NotFoundError(message, base);
  }
  if (response.status === 406) {
    if (text && /content.?type/i.test(text)) {
      return new BadRequestError(`Segmind refused the request body (HTTP 406): ${text}.`, base);
    }
    return new InsufficientCreditsError(`Segmind reports insufficient credits (HTTP 406)${text ? `: ${text}` : ''}. Top up the account.`, base);
  }
  if (response.status === 422 && route === 'submit') {
    return new BadRequestError(`Segmind refused the request (HTTP 422)${text ? `: ${text}` : ''}.`, base);
  }
  return errorForStatus({
    ...base,
    retryAfterMs: retryAfterFromHeaders(response.headers, Date.now()),
    body: read.ok ? undefined : bodyText(response),
    apiKeyVariable: segmindKeyVariable,
  });
}

/** A job that ended FAILED (served as HTTP 422). Failed jobs are not billed. */
export function segmindJobFailed(requestId: string, errorText: string | undefined, status: number): InferenceFailed {
  const detail = errorText ?? 'no reason given';
  return new InferenceFailed(`Segmind job ${requestId} failed: ${detail}. Failed jobs are not billed; content-safety blocks also end this way.`, {
    provider: segmindName,
    status,
    requestId,
    detail,
    code: 'FAILED',
  });
}
