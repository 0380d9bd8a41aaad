import type { FetchFunction, Transport, TransportRequest, TransportResponse } from './transport';

/**
 * The same one-attempt transport over any fetch-compatible function (global fetch, a test double,
 * a proxying fetch). Like the undici transport, it never follows a redirect by itself.
 */
export class FetchTransport implements Transport {
  readonly #fetch: FetchFunction;

  constructor(fetchFunction: FetchFunction) {
    this.#fetch = fetchFunction;
  }

  async send(transportRequest: TransportRequest): Promise<TransportResponse> {
    const init: Parameters<FetchFunction>[1] = {
      method: transportRequest.method,
      headers: transportRequest.headers,
      signal: transportRequest.signal,
      // Redirects are the HTTP layer's decision (it never follows one with a key): see HttpCall.followRedirects.
      redirect: 'manual',
    };
    if (transportRequest.body !== undefined) init.body = transportRequest.body;
    const response = await this.#fetch(transportRequest.url, init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const body = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers, body };
  }

  async close(): Promise<void> {
    // Nothing pooled here: the injected fetch owns its connections.
  }
}
