import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, ContentPolicyError, ProviderError } from '../../../src/core/errors';
import type { JobStatus } from '../../../src/core/job-status';
import { minimax } from '../../../src/providers/minimax';
import { useMockProvider } from '../../helpers/mock-provider';
import { cnEndpoint, globalEndpoint, minimaxClient, pngBase64, pngBytes, urlAnswer } from './minimax-fixtures';

const { server, recorded, fetch } = useMockProvider();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('minimax: requests', () => {
  it('posts an aspect-ratio request to the global host with a Bearer key', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    const { client } = minimaxClient(fetch);
    await client.generate({ prompt: 'a lighthouse', aspectRatio: '16:9', n: 1, promptOptimizer: true });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.headers['authorization']).toBe('Bearer mm-key');
    expect(recorded[0]?.headers['content-type']).toBe('application/json');
    expect(recorded[0]?.json).toEqual({ model: 'image-01', prompt: 'a lighthouse', n: 1, aspect_ratio: '16:9', prompt_optimizer: true });
  });

  it('sends width and height (and no aspect_ratio) for a size request', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    const { client } = minimaxClient(fetch);
    await client.generate({ prompt: 'a lighthouse', size: '2048x1024', seed: 7, responseFormat: 'url' });
    expect(recorded[0]?.json).toEqual({ model: 'image-01', prompt: 'a lighthouse', n: 1, width: 2048, height: 1024, seed: 7, response_format: 'url' });
  });

  it('sends the reference image as one character subject reference', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    const { client } = minimaxClient(fetch);
    await client.generate({ prompt: 'the same person at the beach', referenceImageUrl: 'https://example.com/face.jpg' });
    expect(recorded[0]?.json).toMatchObject({ subject_reference: [{ type: 'character', image_file: 'https://example.com/face.jpg' }] });
  });

  it('merges providerOptions last and sends only prompt and providerOptions for a pass-through model', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    const { client } = minimaxClient(fetch);
    await client.generate({ prompt: 'a cat', model: 'image-02', providerOptions: { aigc_watermark: true } });
    expect(recorded[0]?.json).toEqual({ model: 'image-02', prompt: 'a cat', aigc_watermark: true });
  });

  it("calls api.minimaxi.com for region 'cn', and baseUrl wins over region", async () => {
    server.use(
      http.post(cnEndpoint, () => urlAnswer(['https://cdn.example/cn.jpeg'])),
      http.post('http://127.0.0.1:8080/minimax/v1/image_generation', () => urlAnswer(['https://cdn.example/proxy.jpeg'])),
    );
    await minimaxClient(fetch, { apiKey: 'k', region: 'cn' }).client.generate({ prompt: 'x' });
    await minimaxClient(fetch, { apiKey: 'k', region: 'cn', baseUrl: 'http://127.0.0.1:8080/minimax/' }).client.generate({ prompt: 'x' });
    expect(recorded.map((request) => request.url.href)).toEqual([cnEndpoint, 'http://127.0.0.1:8080/minimax/v1/image_generation']);
  });

  it('uses MINIMAX_BASE_URL when no baseUrl is passed', async () => {
    vi.stubEnv('MINIMAX_BASE_URL', 'http://127.0.0.1:9090');
    server.use(http.post('http://127.0.0.1:9090/v1/image_generation', () => urlAnswer(['https://cdn.example/1.jpeg'])));
    await minimaxClient(fetch, { apiKey: 'k', region: 'cn' }).client.generate({ prompt: 'x' });
    expect(recorded[0]?.url.href).toBe('http://127.0.0.1:9090/v1/image_generation');
  });

  it('reads MINIMAX_API_KEY when no key is passed', async () => {
    vi.stubEnv('MINIMAX_API_KEY', 'from-env');
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    await minimaxClient(fetch, {}).client.generate({ prompt: 'x' });
    expect(recorded[0]?.headers['authorization']).toBe('Bearer from-env');
  });

  it('rejects with AuthenticationError naming MINIMAX_API_KEY, sending nothing, when there is no key', async () => {
    vi.stubEnv('MINIMAX_API_KEY', '');
    const { client } = minimaxClient(fetch, {});
    const error = await client.generate({ prompt: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('MINIMAX_API_KEY');
    expect(recorded).toHaveLength(0);
  });

  it('defaults to a 300 s per-attempt timeout', () => {
    expect(minimax({ apiKey: 'k' }).defaults.requestTimeoutMs).toBe(300_000);
  });
});

describe('minimax: results', () => {
  it('returns URL images with the response id, failedCount, cost and the raw body', async () => {
    server.use(
      http.post(globalEndpoint, () =>
        urlAnswer(['https://cdn.example/1.jpeg', 'https://cdn.example/2.jpeg'], { metadata: { success_count: '2', failed_count: '1' } }),
      ),
    );
    const { client } = minimaxClient(fetch);
    const result = await client.generate({ prompt: 'crowd', n: 3 });
    expect(result).toMatchObject({ id: '03ff3cd0820949eb8a410056b5f21d38', provider: 'minimax', model: 'image-01', failedCount: 1 });
    expect(result.images.map((image) => image.url)).toEqual(['https://cdn.example/1.jpeg', 'https://cdn.example/2.jpeg']);
    expect(result.cost).toEqual({ amount: 0.007, currency: 'USD' });
    expect(result.raw).toMatchObject({ base_resp: { status_code: 0 } });
  });

  it('reads counts given as numbers', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'], { metadata: { success_count: 1, failed_count: 2 } })));
    const result = await minimaxClient(fetch).client.generate({ prompt: 'x', n: 3 });
    expect(result.failedCount).toBe(2);
  });

  it.each([
    ['null', null],
    ['{}', {}],
  ])('returns the images when base_resp is %s (no error code)', async (_label, baseResponse) => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg', 'https://cdn.example/2.jpeg'], { base_resp: baseResponse })));
    const result = await minimaxClient(fetch).client.generate({ prompt: 'a fox', n: 2 });
    expect(result.images.map((image) => image.url)).toEqual(['https://cdn.example/1.jpeg', 'https://cdn.example/2.jpeg']);
    expect(recorded).toHaveLength(1);
  });

  it('falls back to the Trace-Id header when the body has no id', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'], { id: undefined })));
    const result = await minimaxClient(fetch).client.generate({ prompt: 'x' });
    expect(result.id).toBe('trace-abc');
  });

  it('decodes base64 images locally: bytes() sends no request and the media type is sniffed', async () => {
    server.use(
      http.post(globalEndpoint, () =>
        HttpResponse.json({ id: 'b64', data: { image_base64: [pngBase64] }, metadata: { success_count: 1, failed_count: 0 }, base_resp: { status_code: 0 } }),
      ),
    );
    const { client } = minimaxClient(fetch);
    const result = await client.generate({ prompt: 'x', responseFormat: 'base64' });
    expect(recorded[0]?.json).toMatchObject({ response_format: 'base64' });
    const image = result.images[0];
    expect(image?.mediaType).toBe('image/png');
    expect(await image?.bytes()).toEqual(pngBytes);
    expect(recorded).toHaveLength(1);
  });

  it('downloads URL images without sending the API key', async () => {
    server.use(
      http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.png'])),
      http.get('https://cdn.example/1.png', () => new HttpResponse(pngBytes, { headers: { 'content-type': 'image/png' } })),
    );
    const result = await minimaxClient(fetch).client.generate({ prompt: 'x' });
    expect(await result.images[0]?.bytes()).toEqual(pngBytes);
    expect(recorded[1]?.url.href).toBe('https://cdn.example/1.png');
    expect(recorded[1]?.headers['authorization']).toBeUndefined();
  });

  it('rejects with ContentPolicyError when every image was withheld', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer([], { metadata: { success_count: '0', failed_count: '2' } })));
    const error = await minimaxClient(fetch).client.generate({ prompt: 'x', n: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect(recorded).toHaveLength(1);
  });

  it('rejects with ProviderError, not repeated and flagged, for a success without images or withheld count', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer([])));
    const error = await minimaxClient(fetch).client.generate({ prompt: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 200, jobMayExist: true, requestId: '03ff3cd0820949eb8a410056b5f21d38' });
    expect(recorded).toHaveLength(1);
  });
});

describe('minimax: jobs', () => {
  it('resolves submit() with the images; status() and wait() answer without another request', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    const { client } = minimaxClient(fetch);
    const job = await client.submit({ prompt: 'x' });
    expect(job.toJSON()).toEqual({ provider: 'minimax', model: 'image-01', id: '03ff3cd0820949eb8a410056b5f21d38' });
    expect((await job.status()).state).toBe('completed');
    const seen: JobStatus[] = [];
    const result = await job.wait({ onStatus: (status) => seen.push(status) });
    expect(result.images[0]?.url).toBe('https://cdn.example/1.jpeg');
    expect(seen.map((status) => status.state)).toEqual(['completed']);
    expect(recorded).toHaveLength(1);
  });

  it('calls onSubmitted and onStatus from generate()', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    const submitted: string[] = [];
    const states: string[] = [];
    await minimaxClient(fetch).client.generate(
      { prompt: 'x' },
      { onSubmitted: (job) => submitted.push(job.id), onStatus: (status) => states.push(status.state) },
    );
    expect(submitted).toEqual(['03ff3cd0820949eb8a410056b5f21d38']);
    expect(states).toEqual(['completed']);
  });
});
