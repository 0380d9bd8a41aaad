import type { Clock } from './clock';
import type { Job } from './job';
import type { JobStatus } from './job-status';
import type { ImageProvider } from './provider';
import type { FetchFunction } from './transport';

/** How often to ask a queue provider about a job. Defaults follow each provider's guidance. */
export interface PollingOptions {
  /** Wait before the first status request. Segmind default 1 s; APIXO 15 s (20 s for 2K). */
  initialDelayMs?: number;
  /** Wait between status requests at first. Segmind default 1 s; APIXO 1 s. */
  intervalMs?: number;
  /** Growth of the interval after each poll (1 = fixed, the minimum). Default 1.2 for Segmind, 1 for APIXO. */
  backoffFactor?: number;
  /** Cap on the interval. Segmind default 3 s; APIXO 3 s. */
  maxIntervalMs?: number;
}

export interface ClientOptions {
  /** The provider, e.g. `segmind({ apiKey })`. */
  provider: ImageProvider;
  /** Retries of one HTTP call (not of a job). Default 2. */
  maxRetries?: number;
  /** One HTTP attempt's timeout. Default per provider: 60 s (Segmind, APIXO), 300 s (MiniMax). */
  requestTimeoutMs?: number;
  /** Any fetch-compatible function. Default: undici `request()` on a pooled keep-alive Agent. */
  fetch?: FetchFunction;
  /** Extra headers on every provider request (never on image downloads). */
  headers?: Record<string, string>;
  /** Sockets per origin for the default transport. Default 64. */
  maxConnections?: number;
  /** Default polling for `generate()` and `wait()`, over the provider's own defaults. */
  polling?: PollingOptions;
  /** Time source (tests inject one so nothing really sleeps). Default: the system clock. */
  clock?: Clock;
}

/** Options every call can take. */
export interface CallOptions {
  /** Aborts the call; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Retries of one HTTP call. Default: the client's `maxRetries`. */
  maxRetries?: number;
  /** One HTTP attempt's timeout. Default: the client's `requestTimeoutMs`, else the provider's. */
  requestTimeoutMs?: number;
}

export interface SubmitOptions extends CallOptions {
  /** APIXO: deliver the result to this URL (`request_type: "callback"`). Needs public HTTPS in production. */
  callbackUrl?: string;
}

export interface WaitOptions {
  /** Aborts the wait (not the job). */
  signal?: AbortSignal;
  /** Give up after this long, from when `wait()` is called. Default 600 000 ms. */
  timeoutMs?: number;
  /** Called with the first state observed and on every change, `completed` or `failed` last. */
  onStatus?: (status: JobStatus) => void;
  polling?: PollingOptions;
  /** Retries of each status or result request. Default: the client's `maxRetries`. */
  maxRetries?: number;
  /** One HTTP attempt's timeout. */
  requestTimeoutMs?: number;
}

export interface GenerateOptions extends WaitOptions, SubmitOptions {
  /** The whole operation, submit included. Default 600 000 ms. */
  timeoutMs?: number;
  /** Called once the provider accepted the job: keep `job.toJSON()` to survive an abort or a crash. */
  onSubmitted?: (job: Job) => void;
}

/** Default whole-operation timeout of `generate()` and `wait()`. */
export const defaultTimeoutMs = 600_000;
/** Default retries of one HTTP call. */
export const defaultMaxRetries = 2;
