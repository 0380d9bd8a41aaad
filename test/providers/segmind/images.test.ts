import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/core/errors';
import { fakeClock } from '../../helpers/fake-clock';
import { useMockProvider } from '../../helpers/mock-provider';
import { imageHost, jobHandlers, rejectionOf, resultBody, segmindClient, testKey } from './segmind-test-kit';

const { server, recorded, fetch } = useMockProvider();

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imagegate-segmind-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Generates one job whose result points at `${imageHost}/{id}/0.png`, served as `pngBytes`. */
async function generatedImage(id: string) {
  server.use(
    ...jobHandlers({ id, statuses: ['COMPLETED'], result: resultBody(id, [`${imageHost}/${id}/0.png`]) }),
    http.get(`${imageHost}/${id}/0.png`, () => new HttpResponse(pngBytes, { headers: { 'content-type': 'image/png' } })),
  );
  const client = segmindClient(fetch, { clock: fakeClock(), headers: { 'x-tenant': 'acme' } });
  const result = await client.generate({ prompt: 'a fox' });
  const [image] = result.images;
  if (!image) throw new Error('no image');
  recorded.length = 0;
  return image;
}

describe('segmind: generated images', () => {
  it("downloads bytes() from the image URL without the API key or the client's extra headers", async () => {
    const image = await generatedImage('req-bytes');
    const bytes = await image.bytes();
    expect([...bytes]).toEqual([...pngBytes]);
    expect(recorded).toHaveLength(1);
    const [download] = recorded;
    expect(download?.url.href).toBe(`${imageHost}/req-bytes/0.png`);
    expect(download?.headers['x-api-key']).toBeUndefined();
    expect(download?.headers['authorization']).toBeUndefined();
    expect(download?.headers['x-tenant']).toBeUndefined();
    expect(Object.values(download?.headers ?? {}).join(' ')).not.toContain(testKey);
  });

  it('sends the extra headers to Segmind itself', async () => {
    await generatedImage('req-tenant');
    server.use(...jobHandlers({ id: 'req-tenant-2', statuses: ['COMPLETED'] }));
    await segmindClient(fetch, { headers: { 'x-tenant': 'acme' } }).submit({ prompt: 'a fox' });
    expect(recorded[0]?.headers['x-tenant']).toBe('acme');
  });

  it('save() creates the parent folders and writes the bytes', async () => {
    const image = await generatedImage('req-save');
    const target = join(folder, 'nested', 'deeper', 'fox.png');
    const written = await image.save(target);
    expect(written).toBe(target);
    expect([...(await readFile(target))]).toEqual([...pngBytes]);
    expect(recorded).toHaveLength(1);
  });

  it('rejects bytes() of an expired image URL with an error naming the image host', async () => {
    const image = await generatedImage('req-expired');
    server.use(http.get(`${imageHost}/req-expired/0.png`, () => new HttpResponse('gone', { status: 404 })));
    const error = await rejectionOf(image.bytes());
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(imageHost);
    expect(recorded).toHaveLength(1);
  });
});

describe('segmind: results with base64 output', () => {
  it('decodes an output string that is not a URL locally, sniffing its media type, with no download', async () => {
    const id = 'req-base64';
    const data = Buffer.from(pngBytes).toString('base64');
    server.use(...jobHandlers({ id, statuses: ['COMPLETED'], result: { status: 'COMPLETED', request_id: id, output: data, metrics: {} } }));
    const result = await segmindClient(fetch, { clock: fakeClock() }).generate({ prompt: 'a fox' });
    const [image] = result.images;
    expect(image?.url).toBeUndefined();
    expect(image?.base64).toBe(data);
    expect(image?.mediaType).toBe('image/png');
    recorded.length = 0;
    expect([...((await image?.bytes()) ?? [])]).toEqual([...pngBytes]);
    expect(recorded).toHaveLength(0);
  });
});
