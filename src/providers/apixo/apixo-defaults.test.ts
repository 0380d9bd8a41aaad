import { describe, expect, it } from 'vitest';
import { apixoDefaults, apixoPolling } from './apixo-defaults';

describe('apixoPolling', () => {
  it('waits 15 s before the first poll of 1K output, then polls every second', () => {
    expect(apixoPolling({ id: 't', model: 'image-01', data: { outputTier: '1K', requestedImages: 1 } })).toEqual({
      initialDelayMs: 15_000,
      intervalMs: 1_000,
      backoffFactor: 1,
      maxIntervalMs: 3_000,
    });
  });

  it('waits 20 s before the first poll of 2K output', () => {
    expect(apixoPolling({ id: 't', model: 'image-01', data: { outputTier: '2K' } }).initialDelayMs).toBe(20_000);
  });

  it('polls a job resumed from its id at once, then every second', () => {
    expect(apixoPolling({ id: 't', model: 'minimax-image-01' })).toEqual({ ...apixoDefaults.polling, initialDelayMs: 0 });
  });

  it('polls a job rebuilt from a callback (only the image count known) at once', () => {
    expect(apixoPolling({ id: 't', model: 'image-01', data: { requestedImages: 2 } }).initialDelayMs).toBe(0);
  });
});
