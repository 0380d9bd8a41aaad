import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxProvider, SandboxRoute } from './sandbox-types';

/**
 * One request the sandbox received. Headers are recorded as sent, **API keys included** (nothing is
 * redacted), so tests can check which auth header a client used.
 */
export interface RecordedRequest {
  /** The provider whose paths the request used; `null` for paths outside every provider. */
  provider: SandboxProvider | null;
  /** The route it matched; `null` for a path the sandbox does not serve. */
  route: SandboxRoute | null;
  method: string;
  /** Path and query as received, e.g. `/apixo/api/v1/statusTask/minimax-image-01?taskId=task_1`. */
  path: string;
  /** Header names in lower case, values as sent. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, the text otherwise, `undefined` when empty or never read. */
  body: unknown;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
}

/** Filter for {@link RequestLog.list}; every given field must match. */
export interface RequestFilter {
  provider?: SandboxProvider;
  route?: SandboxRoute;
  method?: string;
}

/** The in-memory list of received requests. */
export class RequestLog {
  readonly #entries: RecordedRequest[] = [];

  add(entry: RecordedRequest): void {
    this.#entries.push(entry);
  }

  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.#entries.filter((entry) =>
      (filter.provider === undefined || entry.provider === filter.provider) &&
      (filter.route === undefined || entry.route === filter.route) &&
      (filter.method === undefined || entry.method === filter.method.toUpperCase()));
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

/** The body as JSON when it parses, else the text; `undefined` for an empty body. */
export function recordedBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
