import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock';
import { ImageClient } from './client';
import { ValidationError } from './errors';
import type { ImageProvider } from './provider';

/** A provider that fails the test if anything reaches it. */
const untouchable: ImageProvider = {
  name: 'probe',
  defaults: { requestTimeoutMs: 1_000, polling: () => ({ initialDelayMs: 0, intervalMs: 10, backoffFactor: 1, maxIntervalMs: 10 }) },
  capabilities: (model) => ({ model, passThrough: false, fields: [] }),
  submit: () => Promise.reject(new Error('submit must not be called')),
  resume: (handle) => ({ id: handle.id, model: handle.model }),
  status: () => Promise.reject(new Error('status must not be called')),
  wait: () => Promise.reject(new Error('wait must not be called')),
};

describe('option validation', () => {
  it('refuses client options that would misbehave, naming each one', () => {
    const build = () => new ImageClient({ provider: untouchable, maxRetries: -1, requestTimeoutMs: Number.NaN, polling: { intervalMs: -5 } });
    expect(build).toThrow(ValidationError);
    try {
      build();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['maxRetries', 'polling.intervalMs', 'requestTimeoutMs']);
    }
  });

  it('refuses call options before submitting anything', async () => {
    const client = new ImageClient({ provider: untouchable, clock: fakeClock() });
    await expect(client.generate({ prompt: 'x' }, { timeoutMs: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.submit({ prompt: 'x' }, { maxRetries: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.job('id').wait({ polling: { backoffFactor: 0.5 } })).rejects.toThrow(/backoffFactor/);
  });

  it('keeps the defaults when a polling option is explicitly undefined', async () => {
    let seenInterval: number | undefined;
    const provider: ImageProvider = {
      ...untouchable,
      wait: async (_job, context) => {
        seenInterval = context.polling.intervalMs;
        throw new Error('stop here');
      },
    };
    const client = new ImageClient({ provider });
    await expect(client.job('id').wait({ polling: { intervalMs: undefined as unknown as number } })).rejects.toThrow('stop here');
    expect(seenInterval).toBe(10);
  });

  it('turns a provider that throws while building a call into a rejection', async () => {
    const throwing: ImageProvider = {
      ...untouchable,
      status: () => {
        throw new ValidationError([{ path: '', message: 'thrown synchronously' }]);
      },
      balance: () => {
        throw new ValidationError([{ path: '', message: 'thrown synchronously' }]);
      },
    };
    const client = new ImageClient({ provider: throwing });
    const status = client.job('id').status();
    expect(status).toBeInstanceOf(Promise);
    await expect(status).rejects.toThrow('thrown synchronously');
    await expect(client.balance()).rejects.toThrow('thrown synchronously');
  });
});
