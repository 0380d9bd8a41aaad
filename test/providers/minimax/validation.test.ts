import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors';
import type { ImageRequest } from '../../../src/core/request';
import { minimax } from '../../../src/providers/minimax';
import { useMockProvider } from '../../helpers/mock-provider';
import { globalEndpoint, minimaxClient, urlAnswer } from './minimax-fixtures';

const { server, recorded, fetch } = useMockProvider();

/** Generates, expects a ValidationError, and returns its issue paths. */
async function issuesOf(request: ImageRequest): Promise<{ path: string; message: string }[]> {
  const error = await minimaxClient(fetch).client.generate(request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect(recorded).toHaveLength(0);
  return [...(error as ValidationError).issues];
}

describe('minimax: validation before any request', () => {
  it('refuses aspectRatio together with size', async () => {
    const issues = await issuesOf({ prompt: 'x', aspectRatio: '16:9', size: '1024x1024' });
    expect(issues).toEqual([{ path: 'size', message: expect.stringContaining('aspectRatio') }]);
  });

  it('refuses a 500x500 size (below 512)', async () => {
    const issues = await issuesOf({ prompt: 'x', size: '500x500' });
    expect(issues.map((issue) => issue.path)).toEqual(['size', 'size']);
    expect(issues[0]?.message).toContain('512–2048');
  });

  it('refuses a side that is not a multiple of 8', async () => {
    const issues = await issuesOf({ prompt: 'x', size: { width: 1001, height: 1024 } });
    expect(issues).toEqual([{ path: 'size.width', message: expect.stringContaining('use 1000 or 1008') }]);
  });

  it('refuses a size on image-01-live', async () => {
    const issues = await issuesOf({ prompt: 'x', model: 'image-01-live', size: '1024x1024' } as unknown as ImageRequest);
    expect(issues.map((issue) => issue.path)).toEqual(['size']);
  });

  it('refuses n = 10', async () => {
    const issues = await issuesOf({ prompt: 'x', n: 10 });
    expect(issues).toEqual([{ path: 'n', message: expect.stringContaining('from 1 to 9') }]);
  });

  it('refuses a 1501-character prompt, counting code points', async () => {
    const issues = await issuesOf({ prompt: '🦊'.repeat(1501) });
    expect(issues).toEqual([{ path: 'prompt', message: expect.stringContaining('1501 characters') }]);
  });

  it('sends a 1500-code-point prompt made of surrogate pairs', async () => {
    server.use(http.post(globalEndpoint, () => urlAnswer(['https://cdn.example/1.jpeg'])));
    await minimaxClient(fetch).client.generate({ prompt: '🦊'.repeat(1500) });
    expect(recorded).toHaveLength(1);
  });

  it('refuses resolution, which MiniMax does not offer', async () => {
    const issues = await issuesOf({ prompt: 'x', resolution: '2K' });
    expect(issues).toEqual([{ path: 'resolution', message: expect.stringContaining('not offered by minimax') }]);
  });

  it('refuses modelled fields on a pass-through model, pointing to providerOptions', async () => {
    const issues = await issuesOf({ prompt: 'x', model: 'image-02', n: 2 } as unknown as ImageRequest);
    expect(issues).toEqual([{ path: 'n', message: expect.stringContaining('providerOptions') }]);
  });

  it('throws ValidationError from client.job(), explaining MiniMax has no job ids', () => {
    const { client } = minimaxClient(fetch);
    expect(() => client.job('x')).toThrow(ValidationError);
    expect(() => client.job({ provider: 'minimax', model: 'image-01', id: 'x' })).toThrow(/no job ids/);
    expect(recorded).toHaveLength(0);
  });

  it('refuses an unknown region when the provider is built', () => {
    expect(() => minimax({ region: 'eu' as 'cn' })).toThrow(ValidationError);
  });
});
