import { describe, expect, it } from 'vitest';
import { minimaxErrorText, minimaxFailedCount, minimaxImageSources, minimaxResponseSchema } from './minimax-api';

describe('minimaxResponseSchema', () => {
  it('reads counts given as strings', () => {
    const parsed = minimaxResponseSchema.parse({ metadata: { success_count: '2', failed_count: '1' } });
    expect(parsed.metadata).toMatchObject({ success_count: 2, failed_count: 1 });
  });

  it('reads counts given as numbers', () => {
    const parsed = minimaxResponseSchema.parse({ metadata: { success_count: 2, failed_count: 0 } });
    expect(minimaxFailedCount(parsed)).toBe(0);
    expect(parsed.metadata?.success_count).toBe(2);
  });

  it('counts unreadable or missing failed_count as 0', () => {
    expect(minimaxFailedCount(minimaxResponseSchema.parse({ metadata: { failed_count: 'many' } }))).toBe(0);
    expect(minimaxFailedCount(minimaxResponseSchema.parse({}))).toBe(0);
  });

  it('accepts a body holding only base_resp, with a string status_code', () => {
    const parsed = minimaxResponseSchema.parse({ base_resp: { status_code: '1002', status_msg: 'rate limit exceeded' } });
    expect(parsed.base_resp).toEqual({ status_code: 1002, status_msg: 'rate limit exceeded' });
  });

  it('reads a base_resp without a status code, null or empty as no error code', () => {
    expect(minimaxResponseSchema.parse({ base_resp: { status_msg: 'x' } }).base_resp).toBeUndefined();
    expect(minimaxResponseSchema.parse({ base_resp: null }).base_resp).toBeNull();
    expect(minimaxResponseSchema.parse({ base_resp: {} }).base_resp).toBeUndefined();
  });
});

describe('minimaxImageSources', () => {
  it('prefers URLs and drops empty entries', () => {
    const parsed = minimaxResponseSchema.parse({ data: { image_urls: ['https://a/1.jpeg', ''], image_base64: ['AAAA'] } });
    expect(minimaxImageSources(parsed)).toEqual([{ url: 'https://a/1.jpeg' }]);
  });

  it('falls back to base64 data', () => {
    const parsed = minimaxResponseSchema.parse({ data: { image_urls: null, image_base64: ['AAAA'] } });
    expect(minimaxImageSources(parsed)).toEqual([{ base64: 'AAAA' }]);
  });
});

describe('minimaxErrorText', () => {
  it('prefers base_resp, then message fields', () => {
    expect(minimaxErrorText({ base_resp: { status_code: 1004, status_msg: 'login fail' } })).toBe('login fail (status_code 1004)');
    expect(minimaxErrorText({ message: 'Bad gateway' })).toBe('Bad gateway');
    expect(minimaxErrorText('text')).toBeUndefined();
  });
});
