/**
 * Every error imagegate throws (except an abort, which rejects with the signal's reason).
 *
 * Classes are branded with a registry symbol so that `instanceof` holds across entry points and
 * across the ESM and CommonJS builds, even when two copies of the package are loaded.
 */

const KINDS = Symbol.for('imagegate.error.kinds');

export interface ImagegateErrorOptions {
  provider?: string | undefined;
  status?: number | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
  retryable?: boolean | undefined;
  jobMayExist?: boolean | undefined;
  detail?: string | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

interface Branded {
  [KINDS]?: readonly string[];
}

export class ImagegateError extends Error {
  static readonly kind: string = 'ImagegateError';

  static override [Symbol.hasInstance](instance: unknown): boolean {
    if (typeof instance !== 'object' || instance === null) return false;
    const kinds = (instance as Branded)[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** The provider that answered (`'segmind'`, `'apixo'`, `'minimax'`), when known. */
  declare readonly provider?: string;
  /** The HTTP status received (200 for an error carried inside a 200 body). */
  declare readonly status?: number;
  /** The provider's own error code, always a string (`'1002'`, `'UPSTREAM_ERROR'`). */
  declare readonly code?: string;
  /** The provider's job, task or request id, when there is one: resume with `client.job(id)`. */
  declare readonly requestId?: string;
  /** The provider's own text about the failure, when it gave one. */
  declare readonly detail?: string;
  /** True when repeating the same call later may succeed. */
  readonly retryable: boolean;
  /**
   * True when a job-creating call failed after it may have reached the provider: the job may exist
   * and may be billed. Check before submitting again.
   */
  readonly jobMayExist: boolean;
  /** How long the provider asked us to wait before trying again, when it said. */
  declare readonly retryAfterMs?: number;

  constructor(message: string, options: ImagegateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    for (let type: unknown = new.target; typeof type === 'function' && 'kind' in type; type = Object.getPrototypeOf(type)) {
      kinds.push((type as typeof ImagegateError).kind);
    }
    Object.defineProperty(this, KINDS, { value: Object.freeze(kinds), enumerable: false });
    Object.defineProperty(this, 'name', { value: new.target.kind, enumerable: false, configurable: true, writable: true });
    if (options.provider !== undefined) this.provider = options.provider;
    if (options.status !== undefined) this.status = options.status;
    if (options.code !== undefined) this.code = options.code;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? false;
    this.jobMayExist = options.jobMayExist ?? false;
  }

  /** Plain data for logs: never holds an API key. */
  toJSON(): Record<string, unknown> {
    const data: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of ['provider', 'status', 'code', 'requestId', 'detail', 'retryAfterMs'] as const) {
      if (this[key] !== undefined) data[key] = this[key];
    }
    data['retryable'] = this.retryable;
    data['jobMayExist'] = this.jobMayExist;
    return data;
  }
}

/** A bad request or configuration, found before any HTTP request was made. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `'size.width'`; `''` for the request as a whole. */
  path: string;
  /** What is wrong and what would work instead. */
  message: string;
}

export class ValidationError extends ImagegateError {
  static override readonly kind: string = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options: ImagegateErrorOptions & { summary?: string } = {}) {
    const lines = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    const heading = options.summary ?? `Invalid request (${issues.length} problem${issues.length === 1 ? '' : 's'})`;
    super(`${heading}:\n- ${lines.join('\n- ')}`, options);
    this.issues = Object.freeze([...issues]);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** The provider refused the request as invalid (400; MiniMax 1042, 2013). */
export class BadRequestError extends ImagegateError {
  static override readonly kind: string = 'BadRequestError';
}

/** Missing or rejected API key (401; MiniMax 1004, 2049). */
export class AuthenticationError extends ImagegateError {
  static override readonly kind: string = 'AuthenticationError';
}

/** The key may not use this model or route (403). */
export class PermissionDeniedError extends ImagegateError {
  static override readonly kind: string = 'PermissionDeniedError';
}

/** Not enough balance or credits (402, Segmind 406 about credits, MiniMax 1008, APIXO balance codes). */
export class InsufficientCreditsError extends ImagegateError {
  static override readonly kind: string = 'InsufficientCreditsError';
}

/** Rate limited (429; MiniMax 1002, 1039, 1041, 2045, 2056). `retryAfterMs` when the provider said. */
export class RateLimitError extends ImagegateError {
  static override readonly kind: string = 'RateLimitError';
}

/** Unknown model, or an unknown or expired job id. */
export class NotFoundError extends ImagegateError {
  static override readonly kind: string = 'NotFoundError';
}

/** The provider refused the content (MiniMax 1026/1027, APIXO content failure codes). */
export class ContentPolicyError extends ImagegateError {
  static override readonly kind: string = 'ContentPolicyError';
}

/** A 5xx answer, or a response that was malformed or not what the provider documents. */
export class ProviderError extends ImagegateError {
  static override readonly kind: string = 'ProviderError';
  /** The raw response text (truncated), kept for diagnosis. */
  declare readonly body?: string;

  constructor(message: string, options: ImagegateErrorOptions & { body?: string | undefined } = {}) {
    super(message, options);
    if (options.body !== undefined) this.body = options.body.slice(0, 2000);
  }

  override toJSON(): Record<string, unknown> {
    const data = super.toJSON();
    if (this.body !== undefined) data['body'] = this.body;
    return data;
  }
}

/** A network failure or a per-attempt timeout. The underlying error is kept as `cause`. */
export class ConnectionError extends ImagegateError {
  static override readonly kind: string = 'ConnectionError';
  /** False only when the request provably never left this machine (refused, DNS failure). */
  readonly requestSent: boolean;
  /** True when the per-attempt timeout ran out. */
  readonly timedOut: boolean;

  constructor(message: string, options: ImagegateErrorOptions & { requestSent: boolean; timedOut?: boolean }) {
    super(message, options);
    this.requestSent = options.requestSent;
    this.timedOut = options.timedOut ?? false;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), requestSent: this.requestSent, timedOut: this.timedOut };
  }
}

/** The job ended failed. `requestId`, `code` and `detail` say which job and why. */
export class InferenceFailed extends ImagegateError {
  static override readonly kind: string = 'InferenceFailed';
}

/** `timeoutMs` passed before the job finished. The job may still finish: resume it by `requestId`. */
export class InferenceTimeout extends ImagegateError {
  static override readonly kind: string = 'InferenceTimeout';
  /** Milliseconds spent waiting before giving up. */
  readonly elapsedMs: number;

  constructor(message: string, options: ImagegateErrorOptions & { elapsedMs: number }) {
    super(message, options);
    this.elapsedMs = options.elapsedMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), elapsedMs: this.elapsedMs };
  }
}

/** Sets fields the retry loop learns only after the error was made (job id, jobMayExist). */
export function amendError<E extends ImagegateError>(error: E, fields: Partial<Pick<ImagegateError, 'jobMayExist' | 'retryable' | 'requestId'>>): E {
  for (const [key, value] of Object.entries(fields)) {
    Object.defineProperty(error, key, { value, enumerable: true, configurable: true, writable: false });
  }
  return error;
}
