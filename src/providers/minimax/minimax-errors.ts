import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyError,
  InsufficientCreditsError,
  ProviderError,
  RateLimitError,
  type ImagegateError,
  type ImagegateErrorOptions,
} from '../../core/errors';
import { errorForStatus } from '../../core/http-errors';
import { bodyText, readJson } from '../../core/json-body';
import { retryAfterFromHeaders } from '../../core/retry-policy';
import type { TransportResponse } from '../../core/transport';
import { minimaxErrorBase, minimaxErrorText, type MinimaxBaseResponse } from './minimax-api';

export const minimaxName = 'minimax';
export const minimaxKeyVariable = 'MINIMAX_API_KEY';

/** Which host a call went to, for the region advice of status 2049. */
export interface MinimaxTarget {
  baseUrl: string;
  region: 'global' | 'cn';
}

/** What a `base_resp.status_code` means, as PROVIDERS.md lists it. */
type CodeFamily = 'temporary' | 'rateLimit' | 'quota' | 'authentication' | 'credits' | 'content' | 'invalid';

const codeFamilies: Readonly<Record<number, CodeFamily>> = {
  1000: 'temporary',
  1001: 'temporary',
  1024: 'temporary',
  1033: 'temporary',
  1002: 'rateLimit',
  1039: 'rateLimit',
  1041: 'rateLimit',
  2045: 'rateLimit',
  2056: 'quota',
  1004: 'authentication',
  2049: 'authentication',
  1008: 'credits',
  1026: 'content',
  1027: 'content',
  1042: 'invalid',
  2013: 'invalid',
};

export interface BusinessErrorContext {
  /**
   * The HTTP status that carried `base_resp` (200 for the usual business error). It stays the
   * error's `status`, so for a non-2xx answer the retry rules still follow the HTTP status.
   */
  status: number;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  target: MinimaxTarget;
  /** The raw body, kept on errors whose outcome is unsure. */
  body?: string | undefined;
}

/** A 5xx other than 503 may come after the generation ran: it is never repeated. */
function mayHaveRun(status: number): boolean {
  return status >= 500 && status !== 503;
}

const mayHaveRunAdvice =
  'The generation may have run (and been billed) before the failure, so the call was not repeated; ' +
  'MiniMax has no job id to fetch its images from. Check usage before generating again.';

/** Maps a non-zero `base_resp.status_code` to the error class users catch. */
export function minimaxBusinessError(baseResponse: MinimaxBaseResponse, context: BusinessErrorContext): ImagegateError {
  const code = baseResponse.status_code;
  const statusMessage = baseResponse.status_msg?.trim() || undefined;
  const said = `(status_code ${code}${statusMessage ? ` "${statusMessage}"` : ''})`;
  const options: ImagegateErrorOptions = {
    provider: minimaxName,
    status: context.status,
    code: String(code),
    requestId: context.requestId,
    detail: statusMessage,
  };
  if (mayHaveRun(context.status)) {
    const family = codeFamilies[code];
    if (family === undefined || family === 'temporary') {
      return new ProviderError(`MiniMax answered HTTP ${context.status} with a failure ${said}. ${mayHaveRunAdvice}`, { ...options, body: context.body });
    }
  }
  switch (codeFamilies[code]) {
    case 'temporary':
      return new ProviderError(`MiniMax reported a temporary failure ${said}; nothing was generated. Trying again later usually works.`, { ...options, retryable: true });
    case 'rateLimit':
      return new RateLimitError(`MiniMax rate limit ${said}. image-01 allows about 10 requests per minute: slow down.`, {
        ...options,
        retryable: true,
        retryAfterMs: context.retryAfterMs,
      });
    case 'quota':
      return new RateLimitError(`MiniMax plan usage limit reached ${said}. This is a quota, so it is not retried: wait for the plan period to reset or upgrade the plan.`, {
        ...options,
        retryable: false,
      });
    case 'authentication':
      return new AuthenticationError(authenticationMessage(code, said, context.target), options);
    case 'credits':
      return new InsufficientCreditsError(`MiniMax reports insufficient balance ${said}. Top up the account.`, options);
    case 'content':
      return new ContentPolicyError(
        code === 1027
          ? `MiniMax withheld the generated image as sensitive ${said}. Change the prompt or reference image.`
          : `MiniMax refused the input as sensitive ${said}. Change the prompt or reference image.`,
        options,
      );
    case 'invalid':
      return new BadRequestError(`MiniMax refused the request as invalid ${said}. Fix the request before trying again.`, options);
    default:
      return new ProviderError(`MiniMax answered with an unknown error ${said}.`, options);
  }
}

function authenticationMessage(code: number, said: string, target: MinimaxTarget): string {
  if (code !== 2049) return `MiniMax rejected the API key ${said}. Check the key (set ${minimaxKeyVariable} or pass apiKey).`;
  const other = target.region === 'global' ? "region: 'cn' (https://api.minimaxi.com)" : "region: 'global' (https://api.minimax.io)";
  return (
    `MiniMax rejected the API key ${said}. Keys work only on their own region's host: this client calls ${target.baseUrl} ` +
    `(region '${target.region}'). A key from the other platform needs ${other}; otherwise check the key (${minimaxKeyVariable}).`
  );
}

/**
 * Maps an HTTP error answer (a gateway's 4xx/5xx, HTML or JSON). A JSON body with a non-zero
 * `base_resp.status_code` picks the class and `code` from that code (HTTP 400 + 1026 is a
 * ContentPolicyError), with `status` still the HTTP status, so retries follow the HTTP status.
 * A 5xx other than 503 may come after the generation ran, so its message says the call was not
 * repeated.
 */
export function minimaxHttpError(response: TransportResponse, requestId: string | undefined, target: MinimaxTarget): ImagegateError {
  const read = readJson(response);
  const { status } = response;
  const retryAfterMs = retryAfterFromHeaders(response.headers, Date.now());
  const baseResponse = read.ok ? minimaxErrorBase(read.value) : undefined;
  if (baseResponse !== undefined) {
    return minimaxBusinessError(baseResponse, { status, requestId, retryAfterMs, target, body: read.text });
  }
  const text = read.ok ? minimaxErrorText(read.value) : undefined;
  if (mayHaveRun(status)) {
    return new ProviderError(`MiniMax answered HTTP ${status}${text ? `: ${text}` : ''}. ${mayHaveRunAdvice}`, {
      provider: minimaxName,
      status,
      requestId,
      detail: text,
      body: bodyText(response),
    });
  }
  return errorForStatus({
    provider: minimaxName,
    status,
    requestId,
    detail: text,
    retryAfterMs,
    body: read.ok ? undefined : bodyText(response),
    apiKeyVariable: minimaxKeyVariable,
  });
}
