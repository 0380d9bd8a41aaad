import type { SandboxProvider, SandboxRoute } from './sandbox-types';

/** Answer with this HTTP status instead of the normal reply. */
export interface StatusFault {
  type: 'status';
  /** HTTP status, e.g. 429, 500, 502, 503, 504. */
  status: number;
  /** `Retry-After` value (seconds or an HTTP date). Default: no header. */
  retryAfter?: string | number;
  /**
   * `x-rate-limit-reset-at-utc` value. Default: on a Segmind 429 when `retryAfter` is not given, an
   * ISO date `rateLimitResetMs` (sandbox option) ahead; otherwise no header. `null` sends none.
   */
  rateLimitResetAt?: string | null;
  /** Response body. Default: the provider's own error shape for that status. */
  body?: string;
  /** Content-Type of `body`. Default `application/json; charset=utf-8`. */
  contentType?: string;
  /**
   * When true, the sandbox first handles the request for real (a submit creates the job) and then
   * answers with this fault: a 504 that hides a created job. Default `false`.
   */
  processRequest?: boolean;
}

/**
 * Destroy the connection with a TCP reset. `before-body`: as soon as the request headers arrive,
 * before the body is read. `after-body`: once the body is read and the request handled (a submit
 * creates the job), before any response byte is sent.
 */
export interface ResetFault {
  type: 'reset';
  when: 'before-body' | 'after-body';
}

/** Handle the request, then hold the response headers for `ms` (to outlast a client's timeout). */
export interface DelayHeadersFault {
  type: 'delay-headers';
  ms: number;
}

/** Handle the request, then send its reply cut in half so the JSON does not parse. */
export interface MalformedJsonFault {
  type: 'malformed-json';
}

/** Answer with an HTML error page, as a gateway in front of the API does. */
export interface HtmlFault {
  type: 'html';
  /** HTTP status of the page, e.g. 502. */
  status: number;
  /** As in {@link StatusFault.processRequest}. Default `false`. */
  processRequest?: boolean;
}

/** One injected HTTP fault. */
export type SandboxFault = StatusFault | ResetFault | DelayHeadersFault | MalformedJsonFault | HtmlFault;

/** Which requests a fault hits, and how many times. */
export interface FaultRule {
  /** Only requests to this provider's paths. Default: any provider. */
  provider?: SandboxProvider;
  /** Only this route. Default: any route (files included). */
  route?: SandboxRoute;
  /** How many matching requests get the fault; `Infinity` for all. Default `1`. */
  times?: number;
  fault: SandboxFault;
}

/** A fault rule as queued, with its remaining count. */
export interface PendingFault {
  readonly rule: FaultRule;
  remaining: number;
}

/**
 * Faults waiting for matching requests. Rules are tried in the order pushed; the first that
 * matches a request is applied and its count decreases.
 */
export class FaultQueue {
  readonly #pending: PendingFault[] = [];

  /** Queues one or more rules. */
  push(...rules: FaultRule[]): void {
    for (const rule of rules) {
      const times = rule.times ?? 1;
      if (!(times >= 1)) throw new TypeError('faults.push: times must be at least 1');
      this.#pending.push({ rule, remaining: times });
    }
  }

  /** Removes every queued rule. */
  clear(): void {
    this.#pending.length = 0;
  }

  /** The rules still waiting, with their remaining counts. */
  pending(): readonly PendingFault[] {
    return this.#pending.map((entry) => ({ rule: entry.rule, remaining: entry.remaining }));
  }

  /** Takes the fault for a request, if any rule matches. Used by the server. */
  take(provider: SandboxProvider | null, route: SandboxRoute | null): SandboxFault | undefined {
    const index = this.#pending.findIndex(({ rule }) =>
      (rule.provider === undefined || rule.provider === provider) &&
      (rule.route === undefined || rule.route === route));
    const entry = this.#pending[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#pending.splice(index, 1);
    return entry.rule.fault;
  }
}
