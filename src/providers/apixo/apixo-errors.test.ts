import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyError,
  InferenceFailed,
  InsufficientCreditsError,
  NotFoundError,
  ProviderError,
  RateLimitError,
} from '../../core/errors';
import { apixoCodeError, apixoFailureKind, apixoHttpError, apixoTaskFailed } from './apixo-errors';

const scene = { route: 'status' as const, wireModel: 'minimax-image-01', taskId: 'task_1' };
const response = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, headers, body: new TextEncoder().encode(body) });

describe('apixoFailureKind', () => {
  it.each([
    ['INSUFFICIENT_BALANCE', 'balance'],
    ['INSUFFICIENT_CREDITS', 'balance'],
    ['InsufficientBalance', 'balance'],
    ['CONTENT_VIOLATION', 'content'],
    ['NSFW_DETECTED', 'content'],
    ['SensitiveContentDetected', 'content'],
    ['UPSTREAM_ERROR', 'other'],
    ['TIMEOUT', 'other'],
    ['INVALID_PARAMETER', 'other'],
    ['INVALID_IMAGE_URL', 'other'],
    ['MODEL_UNAVAILABLE', 'other'],
    ['GENERATION_FAILED', 'other'],
    [undefined, 'other'],
  ])('classifies %s as %s', (failCode, kind) => {
    expect(apixoFailureKind(failCode)).toBe(kind);
  });

  it.each([
    ['INPUT_IMAGE_INSUFFICIENT_RESOLUTION', 'other'],
    ['INSUFFICIENT_STEPS', 'other'],
    ['UNBALANCED_ASPECT_RATIO', 'other'],
    ['QUOTA_EXCEEDED', 'other'],
    ['CREDITED_AUTHOR_MISSING', 'other'],
    ['IMAGE_CONTENTS_UNREADABLE', 'other'],
    ['BALANCE_NOT_ENOUGH', 'balance'],
    ['NotEnoughCredits', 'balance'],
    ['insufficient-funds', 'balance'],
    ['CONTENT_FILTERED', 'content'],
    ['SafetyCheckFailed', 'content'],
    ['NSFWDetected', 'content'],
  ])('classifies the unknown code %s by whole words as %s', (failCode, kind) => {
    expect(apixoFailureKind(failCode)).toBe(kind);
  });
});

describe('apixoTaskFailed', () => {
  it('gives each failure family its class, all carrying requestId, code and detail', () => {
    const balance = apixoTaskFailed({ taskId: 'task_1', failCode: 'INSUFFICIENT_BALANCE', failMsg: 'no money' });
    const content = apixoTaskFailed({ taskId: 'task_1', failCode: 'NSFW_DETECTED', failMsg: 'nope' });
    const other = apixoTaskFailed({ taskId: 'task_1', failCode: 'UPSTREAM_ERROR', failMsg: 'Generation failed' });
    expect(balance).toBeInstanceOf(InsufficientCreditsError);
    expect(content).toBeInstanceOf(ContentPolicyError);
    expect(other).toBeInstanceOf(InferenceFailed);
    for (const error of [balance, content, other]) expect(error).toMatchObject({ provider: 'apixo', requestId: 'task_1', status: 200 });
    expect(other).toMatchObject({ code: 'UPSTREAM_ERROR', detail: 'Generation failed', retryable: false });
  });

  it('falls back to the code as detail and FAILED as code when APIXO gives neither', () => {
    expect(apixoTaskFailed({ taskId: 't', failCode: 'TIMEOUT' })).toMatchObject({ code: 'TIMEOUT', detail: 'TIMEOUT' });
    expect(apixoTaskFailed({ taskId: 't' })).toMatchObject({ code: 'FAILED', detail: 'no reason given' });
  });
});

describe('apixoCodeError', () => {
  it('picks the class a status would, but reports status 200 and the code', () => {
    expect(apixoCodeError(402, 'Insufficient balance', scene, '')).toBeInstanceOf(InsufficientCreditsError);
    expect(apixoCodeError(401, undefined, scene, '')).toBeInstanceOf(AuthenticationError);
    expect(apixoCodeError(400, undefined, scene, '')).toBeInstanceOf(BadRequestError);
    expect(apixoCodeError(404, undefined, scene, '')).toBeInstanceOf(NotFoundError);
    expect(apixoCodeError(429, undefined, scene, '')).toMatchObject({ retryable: true });
    expect(apixoCodeError(429, undefined, scene, '')).toBeInstanceOf(RateLimitError);
    const server = apixoCodeError(500, 'boom', scene, '{"code":500}');
    expect(server).toBeInstanceOf(ProviderError);
    expect(server).toMatchObject({ status: 200, code: '500', detail: 'boom', retryable: true, requestId: 'task_1' });
  });
});

describe('apixoHttpError', () => {
  it('reads the error envelope for detail and code', () => {
    const error = apixoHttpError(response(402, '{"code":402,"message":"Insufficient balance","data":{"error":"Balance too low"}}'), scene);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ status: 402, code: '402', detail: 'Balance too low' });
  });

  it('keeps a non-JSON body on the ProviderError and marks 5xx retryable', () => {
    const error = apixoHttpError(response(502, '<html>Bad gateway</html>'), scene);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, retryable: true, body: '<html>Bad gateway</html>' });
  });

  it('reads Retry-After on 429', () => {
    expect(apixoHttpError(response(429, '', { 'retry-after': '3' }), scene)).toMatchObject({ retryAfterMs: 3000 });
  });

  it('says that a task is found only under its own model on a status 404', () => {
    expect(apixoHttpError(response(404, '{"code":404,"message":"Task not found"}'), scene).message).toContain("for model 'minimax-image-01'");
    expect(apixoHttpError(response(404, ''), { route: 'submit', wireModel: 'nope' }).message).toContain("does not offer the model 'nope'");
  });
});
