import { Agent, request } from 'undici';
import type { Transport, TransportRequest, TransportResponse } from './transport';

export interface UndiciTransportOptions {
  /** Sockets per origin. Default 64. */
  maxConnections?: number;
}

/**
 * The default transport: undici `request()` on one keep-alive Agent with a connection cap, shared by
 * everything one client does and closed by `client.close()`.
 */
export class UndiciTransport implements Transport {
  readonly #agent: Agent;

  constructor(options: UndiciTransportOptions = {}) {
    this.#agent = new Agent({
      connections: options.maxConnections ?? 64,
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 30_000,
    });
  }

  async send(transportRequest: TransportRequest): Promise<TransportResponse> {
    const response = await request(transportRequest.url, {
      method: transportRequest.method,
      headers: transportRequest.headers,
      body: transportRequest.body ?? null,
      signal: transportRequest.signal,
      dispatcher: this.#agent,
      headersTimeout: transportRequest.timeoutMs,
      bodyTimeout: transportRequest.timeoutMs,
    });
    const body = new Uint8Array(await response.body.arrayBuffer());
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: response.statusCode, headers, body };
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}
