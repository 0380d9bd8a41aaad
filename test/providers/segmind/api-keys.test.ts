import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageClient } from '../../../src/core/client';
import { AuthenticationError, ImagegateError } from '../../../src/core/errors';
import { segmind } from '../../../src/providers/segmind';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { jobHandlers, rejectionOf, segmindBase, segmindClient, testKey } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Every way a user might print or log a value. */
function renderings(value: unknown): string[] {
  const rendered = [inspect(value, { depth: 10, showHidden: true }), inspect(value, { depth: 10 }), JSON.stringify(value) ?? '', String(value)];
  if (value instanceof ImagegateError) rendered.push(value.message, JSON.stringify(value.toJSON()), value.stack ?? '');
  return rendered;
}

function expectNoKey(value: unknown, key = testKey): void {
  for (const text of renderings(value)) expect(text).not.toContain(key);
}

describe('segmind: API keys stay secret', () => {
  it.each([
    ['401 on submit', () => http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json({ error: 'Invalid API key' }, { status: 401 }))],
    ['504 on submit', () => http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json({ error: 'timeout' }, { status: 504 }))],
    ['a lost connection on submit', () => http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.error())],
    ['an HTML page on submit', () => http.post(`${segmindBase}/v2/image-01`, () => new HttpResponse('<html>bad</html>', { status: 200 }))],
  ])('keeps the key out of the error after %s', async (_name, handler) => {
    server.use(handler());
    const error = await rejectionOf(segmindClient(fetch, { clock: fakeClock() }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(ImagegateError);
    expect(recorded[0]?.headers['x-api-key']).toBe(testKey);
    expectNoKey(error);
  });

  it('keeps the key out of a failed job error and a 404 error', async () => {
    server.use(...jobHandlers({ id: 'req-secret', statuses: ['FAILED'] }));
    const client = segmindClient(fetch, { clock: fakeClock() });
    expectNoKey(await rejectionOf(client.generate({ prompt: 'a fox' })));
    server.use(http.get(`${segmindBase}/v2/requests/req-none/status`, () => HttpResponse.json({ error: 'not found' }, { status: 404 })));
    expectNoKey(await rejectionOf(client.job('req-none').status()));
  });

  it('keeps the key out of the client, the provider and a job when printed or serialised', async () => {
    server.use(...jobHandlers({ id: 'req-print', statuses: ['COMPLETED'] }));
    const provider = segmind({ apiKey: testKey, baseUrl: segmindBase });
    const client = new ImageClient({ provider, fetch, clock: fakeClock() });
    expectNoKey(provider);
    expectNoKey(client);
    const job = await client.submit({ prompt: 'a fox' });
    expectNoKey(job);
    expectNoKey(await job.wait());
  });

  it('keeps a key read from SEGMIND_API_KEY out of errors too, and sends it', async () => {
    const envKey = 'SG_from_env_9f8e7d6c5b4a';
    vi.stubEnv('SEGMIND_API_KEY', envKey);
    server.use(http.post(`${segmindBase}/v2/image-01`, () => HttpResponse.json({ error: 'Invalid API key' }, { status: 401 })));
    const client = new ImageClient({ provider: segmind({ baseUrl: segmindBase }), fetch });
    const error = await rejectionOf(client.submit({ prompt: 'a fox' }));
    expect(recorded[0]?.headers['x-api-key']).toBe(envKey);
    expectNoKey(error, envKey);
    expectNoKey(client, envKey);
  });
});

describe('segmind: a missing key', () => {
  it('builds a client without a key, then rejects the first call with AuthenticationError naming SEGMIND_API_KEY and sends nothing', async () => {
    vi.stubEnv('SEGMIND_API_KEY', '');
    const client = new ImageClient({ provider: segmind(), fetch });
    const calls = [
      () => client.submit({ prompt: 'a fox' }),
      () => client.generate({ prompt: 'a fox' }),
      () => client.job('req-x').status(),
      () => client.job('req-x').wait({ polling: { initialDelayMs: 0 } }),
    ];
    for (const call of calls) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toContain('SEGMIND_API_KEY');
    }
    expect(recorded).toHaveLength(0);
  });

  it('reads SEGMIND_API_KEY when first needed, not when the client is built', async () => {
    vi.stubEnv('SEGMIND_API_KEY', '');
    server.use(...jobHandlers({ id: 'req-late-key', statuses: ['COMPLETED'] }));
    const client = new ImageClient({ provider: segmind({ baseUrl: segmindBase }), fetch });
    vi.stubEnv('SEGMIND_API_KEY', 'SG_set_later');
    await client.submit({ prompt: 'a fox' });
    expect(recorded[0]?.headers['x-api-key']).toBe('SG_set_later');
  });
});
