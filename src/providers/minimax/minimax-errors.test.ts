import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyError,
  InsufficientCreditsError,
  ProviderError,
  RateLimitError,
} from '../../core/errors';
import { minimaxBusinessError, minimaxHttpError, type MinimaxTarget } from './minimax-errors';

const global: MinimaxTarget = { baseUrl: 'https://api.minimax.io', region: 'global' };
const mapped = (code: number, target = global) =>
  minimaxBusinessError({ status_code: code, status_msg: 'message' }, { status: 200, requestId: 'trace-1', target });

describe('minimaxBusinessError', () => {
  it.each([
    [1000, ProviderError, true],
    [1001, ProviderError, true],
    [1024, ProviderError, true],
    [1033, ProviderError, true],
    [1002, RateLimitError, true],
    [1039, RateLimitError, true],
    [1041, RateLimitError, true],
    [2045, RateLimitError, true],
    [2056, RateLimitError, false],
    [1004, AuthenticationError, false],
    [2049, AuthenticationError, false],
    [1008, InsufficientCreditsError, false],
    [1026, ContentPolicyError, false],
    [1027, ContentPolicyError, false],
    [1042, BadRequestError, false],
    [2013, BadRequestError, false],
    [4242, ProviderError, false],
  ])('maps status_code %i to %o (retryable %s)', (code, errorClass, retryable) => {
    const error = mapped(code);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ provider: 'minimax', status: 200, code: String(code), requestId: 'trace-1', detail: 'message', retryable });
  });

  it('names the region and the other host for 2049', () => {
    expect(mapped(2049).message).toMatch(/https:\/\/api\.minimax\.io.*region 'global'.*region: 'cn' \(https:\/\/api\.minimaxi\.com\)/);
    expect(mapped(2049, { baseUrl: 'https://api.minimaxi.com', region: 'cn' }).message).toContain("region: 'global' (https://api.minimax.io)");
  });

  it('names the key variable for 1004', () => {
    expect(mapped(1004).message).toContain('MINIMAX_API_KEY');
  });
});

describe('minimaxHttpError', () => {
  const response = (status: number, text: string) => ({ status, headers: {}, body: new TextEncoder().encode(text) });

  it('turns an HTML 502 page into a ProviderError that keeps the page', () => {
    const error = minimaxHttpError(response(502, '<html>Bad Gateway</html>'), undefined, global);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).body).toContain('Bad Gateway');
    expect(error.message).toContain('not repeated');
  });

  it('maps a gateway 401 to AuthenticationError with the base_resp code and text, keeping the HTTP status', () => {
    const error = minimaxHttpError(response(401, JSON.stringify({ base_resp: { status_code: 1004, status_msg: 'login fail' } })), 't', global);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: '1004', detail: 'login fail' });
  });

  it('keeps the HTTP status mapping for a JSON body whose base_resp says 0 or is missing', () => {
    expect(minimaxHttpError(response(400, JSON.stringify({ base_resp: { status_code: 0 } })), 't', global)).toBeInstanceOf(BadRequestError);
    expect(minimaxHttpError(response(402, JSON.stringify({ message: 'pay up' })), 't', global)).toBeInstanceOf(InsufficientCreditsError);
  });

  it('marks a 5xx (not 503) with a temporary base_resp code as possibly run', () => {
    const error = minimaxHttpError(response(500, JSON.stringify({ base_resp: { status_code: 1000, status_msg: 'unknown error' } })), 't', global);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 500, code: '1000', detail: 'unknown error' });
    expect(error.message).toContain('not repeated');
  });
});
