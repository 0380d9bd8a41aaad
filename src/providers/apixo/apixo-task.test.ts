import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderError } from '../../core/errors';
import { GeneratedImage } from '../../core/generated-image';
import type { ApixoTask } from './apixo-api';
import { apixoImageResult, apixoJobState, apixoJobStatus, readApixoTask } from './apixo-task';

const scene = { route: 'status' as const, wireModel: 'minimax-image-01', taskId: 'task_1' };
const image = (source: { url: string }) => new GeneratedImage(source, () => Promise.reject(new Error('no downloads in unit tests')));
const task = (fields: Partial<ApixoTask> = {}): ApixoTask => ({
  taskId: 'task_1',
  state: 'success',
  resultJson: JSON.stringify({ resultUrls: ['https://file.apixo.ai/1.png', 'https://file.apixo.ai/2.png'] }),
  failCode: undefined,
  failMsg: undefined,
  createTime: 1_000,
  completeTime: 41_000,
  costTime: 40_000,
  ...fields,
});

describe('apixoJobState', () => {
  it('maps pending, processing, success and failed, and keeps polling on unknown states', () => {
    expect(['pending', 'processing', 'success', 'failed', 'SUCCESS', 'warming-up'].map(apixoJobState)).toEqual([
      'queued',
      'processing',
      'completed',
      'failed',
      'completed',
      'processing',
    ]);
  });

  it('carries failMsg as the error of a failed status', () => {
    expect(apixoJobStatus(task({ state: 'failed', failCode: 'TIMEOUT', failMsg: 'took too long' }), {})).toEqual({ state: 'failed', raw: {}, error: 'took too long' });
  });
});

describe('readApixoTask', () => {
  it('reads the task of a success envelope, accepting numeric strings', () => {
    const value = { code: '200', message: 'success', data: { taskId: 'task_1', state: 'pending', createTime: '1767965610929' } };
    expect(readApixoTask(value, scene, '')).toMatchObject({ taskId: 'task_1', state: 'pending', createTime: 1767965610929 });
  });

  it('throws the class of a code other than 200, even inside HTTP 200', () => {
    const error = (() => {
      try {
        readApixoTask({ code: 404, message: 'Task not found', data: null }, scene, '');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 200, code: '404', requestId: 'task_1' });
  });

  it('throws ProviderError for an envelope without a task', () => {
    expect(() => readApixoTask({ code: 200, message: 'success', data: {} }, scene, '{}')).toThrow(ProviderError);
    expect(() => readApixoTask(['not', 'an', 'envelope'], scene, '[]')).toThrow(ProviderError);
  });
});

describe('apixoImageResult', () => {
  it('builds images, provider time, cost and failedCount from the requested number', () => {
    const result = apixoImageResult(task(), { raw: true }, { model: 'image-01', requestedImages: 3, totalMs: 41_500.4, image }, '');
    expect(result).toMatchObject({ id: 'task_1', provider: 'apixo', model: 'image-01', failedCount: 1, raw: { raw: true } });
    expect(result.images.map((generated) => generated.url)).toEqual(['https://file.apixo.ai/1.png', 'https://file.apixo.ai/2.png']);
    expect(result.timings).toEqual({ totalMs: 41_500, providerMs: 40_000 });
    expect(result.cost).toEqual({ amount: 0.007, currency: 'USD' });
  });

  it('falls back to completeTime - createTime, and uses provider time as total for callbacks', () => {
    const result = apixoImageResult(task({ costTime: undefined }), {}, { model: 'minimax-image-01', image }, '');
    expect(result.timings).toEqual({ totalMs: 40_000, providerMs: 40_000 });
    expect(result.failedCount).toBe(0);
  });

  it('prices nothing for a pass-through model', () => {
    expect(apixoImageResult(task(), {}, { model: 'flux-kontext-pro', image }, '').cost).toBeUndefined();
  });

  it('throws ProviderError with the raw body for a resultJson that is not JSON, or holds no URL', () => {
    expect(() => apixoImageResult(task({ resultJson: '{"resultUrls": [' }), {}, { model: 'image-01', image }, 'raw text')).toThrow(/not valid JSON/);
    expect(() => apixoImageResult(task({ resultJson: '{"resultUrls": []}' }), {}, { model: 'image-01', image }, '')).toThrow(ProviderError);
    expect(() => apixoImageResult(task({ resultJson: undefined }), {}, { model: 'image-01', image }, '')).toThrow(/no resultJson/);
  });

  it('accepts a resultJson that arrives already parsed', () => {
    const result = apixoImageResult(task({ resultJson: { resultUrls: ['https://file.apixo.ai/x.png'] } }), {}, { model: 'image-01', image }, '');
    expect(result.images).toHaveLength(1);
  });
});
