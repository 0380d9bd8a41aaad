import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FetchFunction } from '../../src/core/transport';

/** A request as it reached the (mock) wire. Header names are lower-case. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** The raw body text ('' for none). */
  bodyText: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
}

/**
 * An msw server for adapter tests: unhandled requests fail the test (nothing reaches a real host),
 * and every request that reached it is recorded for assertions.
 */
export function useMockProvider() {
  const server = setupServer();
  const recorded: RecordedRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const record: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries(request.headers),
      bodyText: '',
      json: undefined,
    };
    recorded.push(record);
    void request
      .clone()
      .text()
      .then((text) => {
        record.bodyText = text;
        try {
          record.json = text === '' ? undefined : (JSON.parse(text) as unknown);
        } catch {
          record.json = undefined;
        }
      });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    recorded.length = 0;
  });
  afterAll(() => server.close());
  /** Global fetch, looked up per call so msw's interception is always in place. */
  const fetch: FetchFunction = (input, init) => globalThis.fetch(input, init);
  return { server, recorded, fetch };
}
