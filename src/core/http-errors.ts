import {
  AuthenticationError,
  BadRequestError,
  ImagegateError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  ProviderError,
  RateLimitError,
  type ImagegateErrorOptions,
} from './errors';

export interface StatusErrorDetails {
  provider: string;
  status: number;
  /** The provider's own text about the failure. */
  detail?: string | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  /** The raw body, kept on ProviderError. */
  body?: string | undefined;
  /** Name of the environment variable that holds this provider's key, for the 401 advice. */
  apiKeyVariable?: string | undefined;
  /**
   * For a status carried inside a body (APIXO's envelope `code`): the HTTP status actually received
   * (reported as `status`) and how the message names the answer. Default: the status itself.
   */
  carriedIn?: { httpStatus: number; description: string } | undefined;
}

/** Maps an HTTP error status to the error class users catch, with a message that says what to do. */
export function errorForStatus(details: StatusErrorDetails): ImagegateError {
  const { provider, status } = details;
  const said = details.detail ? `: ${details.detail}` : '';
  const options: ImagegateErrorOptions = {
    provider,
    status: details.carriedIn?.httpStatus ?? status,
    code: details.code,
    requestId: details.requestId,
    detail: details.detail,
    retryAfterMs: details.retryAfterMs,
  };
  const prefix = `${provider} answered ${details.carriedIn?.description ?? `HTTP ${status}`}${said}.`;
  if (status === 400 || status === 422) return new BadRequestError(`${prefix} Fix the request before trying again.`, options);
  if (status === 401) {
    const variable = details.apiKeyVariable ? ` (set ${details.apiKeyVariable} or pass apiKey)` : '';
    return new AuthenticationError(`${prefix} Check the API key${variable}.`, options);
  }
  if (status === 402) return new InsufficientCreditsError(`${prefix} Add credits to the ${provider} account.`, options);
  if (status === 403) return new PermissionDeniedError(`${prefix} This key may not use this model or route.`, options);
  if (status === 404 || status === 410) return new NotFoundError(`${prefix} Check the model name or job id.`, options);
  if (status === 429) {
    const wait = details.retryAfterMs !== undefined ? ` The provider asked to wait ${Math.ceil(details.retryAfterMs / 1000)} s.` : '';
    return new RateLimitError(`${prefix} Slow down.${wait}`, { ...options, retryable: true });
  }
  const retryable = status === 408 || status >= 500;
  return new ProviderError(`${prefix}${retryable ? ' This is usually temporary.' : ''}`, { ...options, retryable, body: details.body });
}
