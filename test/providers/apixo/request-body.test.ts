import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageClient } from '../../../src/core/client';
import { AuthenticationError } from '../../../src/core/errors';
import type { ImageRequest } from '../../../src/core/request';
import { apixo } from '../../../src/providers/apixo';
import { useMockProvider } from '../../helpers/mock-provider';
import { apixoClient, envelope, generatePath, rejectionOf, taskEnvelope, taskHandlers, testKey } from './apixo-test-kit';

const { server, recorded, fetch } = useMockProvider();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('apixo: generateTask requests', () => {
  it('posts a text-to-image task for image-01 to minimax-image-01 with Bearer auth and a JSON body', async () => {
    server.use(...taskHandlers({ taskId: 'task_t2i', statuses: [] }));
    const job = await apixoClient(fetch).submit({ prompt: 'a cinematic panda', n: 3, resolution: '2K', aspectRatio: '16:9', seed: -1, promptOptimizer: false });
    expect(job.toJSON()).toEqual({ provider: 'apixo', model: 'image-01', id: 'task_t2i' });
    expect(recorded).toHaveLength(1);
    const [request] = recorded;
    expect(request?.method).toBe('POST');
    expect(request?.url.href).toBe(generatePath('minimax-image-01'));
    expect(request?.headers['authorization']).toBe(`Bearer ${testKey}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      input: { mode: 'text-to-image', prompt: 'a cinematic panda', num_images: 3, resolution: '2K', aspect_ratio: '16:9', seed: -1, prompt_optimizer: false },
    });
  });

  it('posts an image-to-image task with the reference image as the only image_urls entry and size as WxH', async () => {
    server.use(...taskHandlers({ taskId: 'task_i2i', statuses: [] }));
    await apixoClient(fetch).submit({ prompt: 'as a watercolor', referenceImageUrl: 'https://example.com/reference.png', size: { width: 1280, height: 720 }, n: 2, seed: 42 });
    expect(recorded[0]?.json).toEqual({
      input: { mode: 'image-to-image', prompt: 'as a watercolor', image_urls: ['https://example.com/reference.png'], num_images: 2, size: '1280x720', seed: 42 },
    });
  });

  it('sends a size string with any separator as WxH', async () => {
    server.use(...taskHandlers({ taskId: 'task_size', statuses: [] }));
    await apixoClient(fetch).submit({ prompt: 'a fox', size: '1024*768' as `${number}x${number}` });
    expect(recorded[0]?.json).toMatchObject({ input: { size: '1024x768' } });
  });

  it('sends an aspect ratio alone with resolution 1K', async () => {
    server.use(...taskHandlers({ taskId: 'task_ratio', statuses: [] }));
    await apixoClient(fetch).submit({ prompt: 'a fox', aspectRatio: '9:16' });
    expect(recorded[0]?.json).toEqual({ input: { mode: 'text-to-image', prompt: 'a fox', num_images: 1, resolution: '1K', aspect_ratio: '9:16' } });
  });

  it('counts the prompt in code points: 1000 emoji (2000 UTF-16 units) are sent', async () => {
    server.use(...taskHandlers({ taskId: 'task_emoji', statuses: [] }));
    await apixoClient(fetch).submit({ prompt: '🦊'.repeat(1000) });
    expect(recorded[0]?.json).toMatchObject({ input: { prompt: '🦊'.repeat(1000) } });
  });

  it('merges providerOptions last into input', async () => {
    server.use(...taskHandlers({ taskId: 'task_raw', statuses: [] }));
    await apixoClient(fetch).submit({ prompt: 'a fox', providerOptions: { prompt_optimizer: true, watermark: false } });
    expect(recorded[0]?.json).toEqual({ input: { mode: 'text-to-image', prompt: 'a fox', num_images: 1, prompt_optimizer: true, watermark: false } });
  });

  it('accepts minimax-image-01 as the model name and keeps that name on the job', async () => {
    server.use(...taskHandlers({ taskId: 'task_own', statuses: [] }));
    // The request types model only 'image-01' with these fields; APIXO's own id is accepted at runtime.
    const request = { model: 'minimax-image-01', prompt: 'a fox', n: 2 } as unknown as ImageRequest;
    const job = await apixoClient(fetch).submit(request);
    expect(job.toJSON()).toEqual({ provider: 'apixo', model: 'minimax-image-01', id: 'task_own' });
    expect(recorded[0]?.url.pathname).toBe('/api/v1/generateTask/minimax-image-01');
    expect(recorded[0]?.json).toMatchObject({ input: { num_images: 2 } });
  });

  it('passes another model slug through with prompt and providerOptions as input', async () => {
    server.use(...taskHandlers({ taskId: 'task_flux', model: 'flux-kontext-pro', statuses: [] }));
    const job = await apixoClient(fetch).submit({ model: 'flux-kontext-pro', prompt: 'a fox', providerOptions: { aspect_ratio: '4:3', output_format: 'png' } });
    expect(job.model).toBe('flux-kontext-pro');
    expect(recorded[0]?.url.pathname).toBe('/api/v1/generateTask/flux-kontext-pro');
    expect(recorded[0]?.json).toEqual({ input: { prompt: 'a fox', aspect_ratio: '4:3', output_format: 'png' } });
  });

  it('sends request_type callback and the callback_url in callback mode', async () => {
    server.use(...taskHandlers({ taskId: 'task_cb', statuses: [] }));
    await apixoClient(fetch).submit({ prompt: 'a fox' }, { callbackUrl: 'http://127.0.0.1:8787/apixo' });
    expect(recorded[0]?.json).toEqual({
      request_type: 'callback',
      callback_url: 'http://127.0.0.1:8787/apixo',
      input: { mode: 'text-to-image', prompt: 'a fox', num_images: 1 },
    });
  });

  it('appends the API paths to a base URL with a path prefix', async () => {
    const base = 'https://proxy.example/apixo';
    server.use(
      http.post(`${base}/api/v1/generateTask/minimax-image-01`, () => HttpResponse.json(envelope({ taskId: 'task_proxy' }))),
      http.get(`${base}/api/v1/statusTask/minimax-image-01`, () => HttpResponse.json(taskEnvelope('task_proxy', 'success'))),
    );
    const result = await apixoClient(fetch, { provider: { baseUrl: `${base}/` } }).generate({ prompt: 'a fox' });
    expect(result.id).toBe('task_proxy');
    expect(recorded.map((request) => request.url.href)).toEqual([
      `${base}/api/v1/generateTask/minimax-image-01`,
      `${base}/api/v1/statusTask/minimax-image-01?taskId=task_proxy`,
    ]);
  });

  it.each(['https://api.apixo.ai', 'https://api.apixo.ai/api/v1', 'https://api.apixo.ai/api/v1/'])(
    'sends /api/v1 once when the base URL is %s',
    async (baseUrl) => {
      server.use(...taskHandlers({ taskId: 'task_base', statuses: [taskEnvelope('task_base', 'success')] }));
      await apixoClient(fetch, { provider: { baseUrl } }).generate({ prompt: 'a fox' });
      expect(recorded.map((request) => request.url.pathname)).toEqual(['/api/v1/generateTask/minimax-image-01', '/api/v1/statusTask/minimax-image-01']);
    },
  );

  it('drops /api/v1 after a proxy prefix too, but only one', async () => {
    server.use(http.post('https://proxy.example/apixo/api/v1/generateTask/minimax-image-01', () => HttpResponse.json(envelope({ taskId: 'task_p' }))));
    await apixoClient(fetch, { provider: { baseUrl: 'https://proxy.example/apixo/api/v1' } }).submit({ prompt: 'a fox' });
    server.use(http.post('https://proxy.example/api/v1/api/v1/generateTask/minimax-image-01', () => HttpResponse.json(envelope({ taskId: 'task_q' }))));
    await apixoClient(fetch, { provider: { baseUrl: 'https://proxy.example/api/v1/api/v1' } }).submit({ prompt: 'a fox' });
    expect(recorded.map((request) => request.url.href)).toEqual([
      'https://proxy.example/apixo/api/v1/generateTask/minimax-image-01',
      'https://proxy.example/api/v1/api/v1/generateTask/minimax-image-01',
    ]);
  });

  it('reads the key from APIXO_API_KEY when none is passed', async () => {
    vi.stubEnv('APIXO_API_KEY', 'apixo_from_env');
    server.use(...taskHandlers({ taskId: 'task_env', statuses: [] }));
    await new ImageClient({ provider: apixo(), fetch }).submit({ prompt: 'a fox' });
    expect(recorded[0]?.headers['authorization']).toBe('Bearer apixo_from_env');
  });

  it('keeps the key out of errors, the provider and the job when printed or serialised', async () => {
    server.use(http.post(generatePath(), () => HttpResponse.json(envelope(null, 401, 'Unauthorized'), { status: 401 })));
    const provider = apixo({ apiKey: testKey, baseUrl: 'https://api.apixo.ai' });
    const error = await rejectionOf(new ImageClient({ provider, fetch }).submit({ prompt: 'a fox' }));
    expect(recorded[0]?.headers['authorization']).toBe(`Bearer ${testKey}`);
    for (const value of [error, provider]) {
      for (const text of [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? '', String(value)]) expect(text).not.toContain(testKey);
    }
  });

  it('rejects with AuthenticationError naming APIXO_API_KEY and sends nothing when no key is set', async () => {
    vi.stubEnv('APIXO_API_KEY', '');
    const error = await rejectionOf(new ImageClient({ provider: apixo(), fetch }).submit({ prompt: 'a fox' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('APIXO_API_KEY');
    expect(recorded).toHaveLength(0);
  });
});
