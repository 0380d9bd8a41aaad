import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { AuthenticationError, ImageClient, apixo, segmind } from 'imagegate';
import { useMockProvider } from '../helpers/mock-provider';

const { server, fetch } = useMockProvider();

it.each([
  { name: 'segmind', url: 'https://api.segmind.com/v2/image-01', provider: segmind({ apiKey: 'SG_echoed_secret_key' }) },
  { name: 'apixo', url: 'https://api.apixo.ai/api/v1/generateTask/minimax-image-01', provider: apixo({ apiKey: 'apixo_echoed_secret_key' }) },
])('keeps the key out of the error when $name echoes it back in a 401', async ({ url, provider }) => {
  const key = provider.name === 'segmind' ? 'SG_echoed_secret_key' : 'apixo_echoed_secret_key';
  server.use(http.post(url, () => HttpResponse.json({ code: 401, error: `invalid key ${key}`, message: `invalid key ${key}` }, { status: 401 })));
  const client = new ImageClient({ provider, fetch });
  const error = await client.submit({ prompt: 'x' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthenticationError);
  for (const rendering of [(error as Error).message, JSON.stringify(error), inspect(error, { showHidden: true }), (error as Error).stack ?? '']) {
    expect(rendering).not.toContain(key);
  }
  expect((error as AuthenticationError).detail).toContain('[redacted]');
});
