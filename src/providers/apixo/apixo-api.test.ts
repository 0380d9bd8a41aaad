import { describe, expect, it } from 'vitest';
import { apixoErrorText } from './apixo-api';

describe('apixoErrorText', () => {
  it('prefers data.error, then message, error and msg', () => {
    expect(apixoErrorText({ code: 400, message: 'Invalid request', data: { error: ' size out of range ' } })).toBe('size out of range');
    expect(apixoErrorText({ code: 401, message: 'Unauthorized', data: null })).toBe('Unauthorized');
    expect(apixoErrorText({ code: 500, msg: 'boom' })).toBe('boom');
  });

  it('reads the message of an error given as an object', () => {
    expect(apixoErrorText({ code: 400, message: null, data: { error: { message: 'aspect_ratio is not supported', field: 'aspect_ratio' } } })).toBe(
      'aspect_ratio is not supported',
    );
    expect(apixoErrorText({ code: 500, error: { detail: 'upstream overloaded' } })).toBe('upstream overloaded');
    expect(apixoErrorText({ code: 500, error: { error: { message: 'deep' } } })).toBe('deep');
  });

  it('gives nothing when no text is there', () => {
    expect(apixoErrorText({ code: 500, data: { error: { code: 7 } } })).toBeUndefined();
    expect(apixoErrorText('plain')).toBeUndefined();
  });
});
