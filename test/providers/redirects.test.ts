import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ImageClient, ProviderError, segmind } from 'imagegate';
import { useMockProvider } from '../helpers/mock-provider';

const { server, recorded, fetch } = useMockProvider();
const api = 'https://api.segmind.com';

describe('redirects', () => {
  it('never follows a redirect from the provider, so the key cannot reach another origin', async () => {
    server.use(
      http.post(`${api}/v2/image-01`, () => new HttpResponse(null, { status: 307, headers: { location: 'https://collector.example/v2/image-01' } })),
      http.post('https://collector.example/v2/image-01', () => HttpResponse.json({ request_id: 'stolen' })),
    );
    const client = new ImageClient({ provider: segmind({ apiKey: 'SG_secret' }), fetch, headers: { 'x-team-token': 'team-secret' } });
    const error = await client.submit({ prompt: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 307 });
    expect(recorded.map((request) => request.url.origin)).toEqual([api]);
  });

  it('follows an image host redirect for downloads, which carry no key', async () => {
    server.use(
      http.post(`${api}/v2/image-01`, () => HttpResponse.json({ request_id: 'r1', status: 'QUEUED' })),
      http.get(`${api}/v2/requests/r1/status`, () => HttpResponse.json({ status: 'COMPLETED', metrics: {} })),
      http.get(`${api}/v2/requests/r1`, () => HttpResponse.json({ status: 'COMPLETED', output: 'https://cdn.example/a.png' })),
      http.get('https://cdn.example/a.png', () => new HttpResponse(null, { status: 302, headers: { location: 'https://storage.example/a.png' } })),
      http.get('https://storage.example/a.png', () => new HttpResponse(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'content-type': 'image/png' } })),
    );
    const client = new ImageClient({ provider: segmind({ apiKey: 'SG_secret' }), fetch });
    const result = await client.generate({ prompt: 'x' }, { polling: { initialDelayMs: 0, intervalMs: 0 } });
    expect([...(await result.images[0]!.bytes())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const downloads = recorded.filter((request) => request.url.origin !== api);
    expect(downloads.map((request) => request.url.origin)).toEqual(['https://cdn.example', 'https://storage.example']);
    for (const download of downloads) expect(download.headers['x-api-key']).toBeUndefined();
  });
});
