import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConnectionError, ImagegateError, InferenceTimeout, RateLimitError, ValidationError } from './errors';

describe('error classes', () => {
  it('are instanceof their class and every parent, and not of siblings', () => {
    const error = new RateLimitError('slow down', { provider: 'segmind', status: 429, retryAfterMs: 1_000 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(ImagegateError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error.name).toBe('RateLimitError');
  });

  it('hold instanceof for an error made by another copy of the package (the brand, not the prototype)', () => {
    const foreign = Object.assign(new Error('x'), {});
    Object.defineProperty(foreign, Symbol.for('imagegate.error.kinds'), { value: ['RateLimitError', 'ImagegateError'] });
    expect(foreign).toBeInstanceOf(RateLimitError);
    expect(foreign).toBeInstanceOf(ImagegateError);
    expect(foreign).not.toBeInstanceOf(ValidationError);
    expect({}).not.toBeInstanceOf(ImagegateError);
  });

  it('give plain data from toJSON with the fields a person needs to act', () => {
    const error = new InferenceTimeout('late', { provider: 'apixo', requestId: 'task_1', elapsedMs: 5_000 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'InferenceTimeout',
      message: 'late',
      provider: 'apixo',
      requestId: 'task_1',
      elapsedMs: 5_000,
      retryable: false,
      jobMayExist: false,
    });
  });

  it('list every validation issue in the message', () => {
    const error = new ValidationError([
      { path: 'n', message: 'must be from 1 to 9' },
      { path: 'size.width', message: 'not a multiple of 8' },
    ]);
    expect(error.message).toContain('n: must be from 1 to 9');
    expect(error.message).toContain('size.width: not a multiple of 8');
    expect(error.toJSON()['issues']).toHaveLength(2);
  });

  it('keep the cause of a connection error without printing unset fields', () => {
    const cause = new Error('ECONNRESET');
    const error = new ConnectionError('lost', { provider: 'segmind', requestSent: true, cause });
    expect(error.cause).toBe(cause);
    expect(inspect(error)).not.toContain('requestId: undefined');
  });
});
