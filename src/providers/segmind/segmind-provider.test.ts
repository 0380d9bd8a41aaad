import { describe, expect, it } from 'vitest';
import { segmind } from './segmind-provider';

describe('segmind default polling', () => {
  it('waits 1 s before the first poll of a job it submitted, and asks at once for a job resumed by id', () => {
    const provider = segmind({ apiKey: 'k' });
    expect(provider.defaults.polling({ id: 'r1', model: 'image-01', data: { statusUrl: 'https://api.segmind.com/v2/requests/r1/status' } }).initialDelayMs).toBe(1_000);
    expect(provider.defaults.polling(provider.resume({ provider: 'segmind', id: 'r1', model: 'image-01' })).initialDelayMs).toBe(0);
  });
});
