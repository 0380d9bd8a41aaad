import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors';
import { apixoCallbackTaskId, readApixoCallback } from './apixo-webhook';

const envelope = { code: 200, message: 'success', data: { taskId: 'task_9', state: 'success', resultJson: '{"resultUrls":["https://f/1.png"]}' } };

describe('readApixoCallback', () => {
  it('reads the same envelope from text, bytes or an object', () => {
    const text = JSON.stringify(envelope);
    expect(readApixoCallback(text)).toEqual({ value: envelope, text, taskId: 'task_9' });
    expect(readApixoCallback(new TextEncoder().encode(text)).taskId).toBe('task_9');
    expect(readApixoCallback(envelope).value).toBe(envelope);
  });

  it.each([
    ['text that is not JSON', 'hello'],
    ['an object without code', { data: { taskId: 't', state: 'success' } }],
    ['an envelope without a task', { code: 200, message: 'success', data: { balance: 1 } }],
    ['a Segmind body', { request_id: 'abc', status: 'COMPLETED' }],
  ])('refuses %s with ValidationError', (_label, body) => {
    expect(() => readApixoCallback(body)).toThrow(ValidationError);
  });

  it('gives the task id for deduplication', () => {
    expect(apixoCallbackTaskId(JSON.stringify(envelope))).toBe('task_9');
  });
});
