import type { Clock } from './clock';
import { DeadlineReached, type Deadline } from './deadline';
import { connectionErrorFrom } from './network-failure';
import { linkSignals } from './linked-signal';
import { redactSecrets, secretsOf } from './redact-secrets';
import { withRetry } from './retry';
import type { BackoffOptions, RetryPolicy } from './retry-policy';
import type { Transport, TransportResponse } from './transport';

/** One logical HTTP call, as a provider describes it. */
export interface HttpCall<T> {
  provider: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Serialised as the JSON body (with `content-type: application/json`). */
  json?: unknown;
  policy: RetryPolicy;
  /** Adds the client's extra `headers` option (true for provider APIs, false for image downloads). */
  clientHeaders?: boolean;
  /**
   * Follow up to 5 redirects (image downloads, which carry no key). Provider calls never follow
   * one: a key must not be sent to whatever origin a redirect names, so a 3xx is handed to `interpret`.
   */
  followRedirects?: boolean;
  /** Reads one attempt's response: returns the value or throws an ImagegateError. Runs per attempt. */
  interpret(response: TransportResponse): T;
}

/** Per-call limits, merged from the client's options, the provider's defaults and the call's own. */
export interface CallLimits {
  signal?: AbortSignal | undefined;
  deadline?: Deadline | undefined;
  maxRetries: number;
  /** One attempt's timeout. */
  requestTimeoutMs: number;
}

export interface HttpClientOptions {
  transport: Transport;
  clock: Clock;
  headers?: Record<string, string> | undefined;
  random?: (() => number) | undefined;
  backoff?: BackoffOptions | undefined;
}

/**
 * Sends provider calls: one attempt at a time through the transport, inside the one retry loop, with
 * the per-attempt timeout, the caller's signal and the deadline combined.
 */
export class HttpClient {
  readonly #options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.#options = options;
  }

  get clock(): Clock {
    return this.#options.clock;
  }

  async call<T>(call: HttpCall<T>, limits: CallLimits): Promise<T> {
    const { clock } = this.#options;
    const { deadline } = limits;
    // The retry loop's sleeps stop on the caller's abort and on the deadline.
    const loopSignal = linkSignals([limits.signal, deadline?.signal]);
    try {
      return await withRetry(() => this.#attempt(call, limits), {
        policy: call.policy,
        maxRetries: limits.maxRetries,
        clock,
        signal: loopSignal.signal,
        remainingMs: deadline ? () => deadline.remainingMs() : undefined,
        ...(this.#options.random ? { random: this.#options.random } : {}),
        ...(this.#options.backoff ? { backoff: this.#options.backoff } : {}),
      });
    } finally {
      loopSignal.dispose();
    }
  }

  async #attempt<T>(call: HttpCall<T>, limits: CallLimits): Promise<T> {
    const deadlineLeft = limits.deadline?.remainingMs() ?? Infinity;
    if (deadlineLeft <= 0) throw new DeadlineReached();
    const timeoutMs = Math.max(1, Math.min(limits.requestTimeoutMs, deadlineLeft));
    // When the deadline is nearer than the attempt timeout, the attempt timer firing means "time is up".
    const cappedByDeadline = deadlineLeft <= limits.requestTimeoutMs;
    const attemptTimeout = new AbortController();
    const timer = setTimeout(() => attemptTimeout.abort(new Error('attempt timeout')), timeoutMs);
    const linked = linkSignals([limits.signal, limits.deadline?.signal, attemptTimeout.signal]);
    // Header names are case-insensitive: merged lower-cased, so the client's extra `headers` can never
    // replace the provider's key or the JSON content type by spelling them differently.
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...lowerCaseNames(call.clientHeaders === false ? undefined : this.#options.headers),
      ...lowerCaseNames(call.headers),
    };
    let body: string | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['content-type'] = 'application/json';
    }
    let response: TransportResponse;
    let url = call.url;
    try {
      for (let redirects = 0; ; redirects += 1) {
        response = await this.#options.transport.send({
          method: call.method,
          url,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: linked.signal,
          timeoutMs,
        });
        const location = response.headers['location'];
        if (!call.followRedirects || redirects >= 5 || !isRedirect(response.status) || !location) break;
        url = new URL(location, url).toString();
      }
    } catch (error) {
      if (limits.signal?.aborted) throw limits.signal.reason;
      if (limits.deadline?.signal.aborted || (cappedByDeadline && attemptTimeout.signal.aborted)) throw new DeadlineReached();
      throw connectionErrorFrom(error, { provider: call.provider, url, timedOut: attemptTimeout.signal.aborted, timeoutMs });
    } finally {
      clearTimeout(timer);
      linked.dispose();
    }
    try {
      return call.interpret(response);
    } catch (error) {
      throw redactSecrets(error, secretsOf({ ...this.#options.headers, ...call.headers }));
    }
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function lowerCaseNames(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}
