/** One HTTP attempt, as the retry loop hands it to a transport. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the attempt: the caller's signal, the deadline and the per-attempt timeout combined. */
  signal: AbortSignal;
  /** The per-attempt timeout, also given to the transport's own header and body timers. */
  timeoutMs: number;
}

/** The answer to one attempt, whatever its status. Header names are lower-case. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Sends exactly one attempt (no retries: those belong to the one retry loop in core).
 * Network failures reject with the underlying error; the HTTP layer classifies them.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}

/** The subset of `fetch` imagegate needs, so any fetch-compatible function can be injected. */
export type FetchFunction = (
  input: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect?: 'follow' | 'manual' | 'error' },
) => Promise<FetchResponseLike>;

export interface FetchResponseLike {
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  arrayBuffer(): Promise<ArrayBuffer>;
}
