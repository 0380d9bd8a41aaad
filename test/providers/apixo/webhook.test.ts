import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ContentPolicyError, InferenceFailed, InsufficientCreditsError, ProviderError, ValidationError } from '../../../src/core/errors';
import { apixoCallbackTaskId } from '../../../src/providers/apixo';
import { useMockProvider } from '../../helpers/mock-provider';
import { apixoBase, apixoClient, envelope, imageHost, rejectionOf, resultJson, taskEnvelope, taskHandlers, testKey } from './apixo-test-kit';

const { server, recorded, fetch } = useMockProvider();

const delivery = (taskId: string, urls = [`${imageHost}/${taskId}/0.png`, `${imageHost}/${taskId}/1.png`]) =>
  JSON.stringify(taskEnvelope(taskId, 'success', { resultJson: resultJson(urls), costTime: 30_000 }));

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('apixo: parseWebhook', () => {
  it('turns a success callback (text or object) into an ImageResult without any request', () => {
    const client = apixoClient(fetch);
    const result = client.parseWebhook(delivery('task_cb'), { model: 'image-01', n: 4 });
    expect(result).toMatchObject({ id: 'task_cb', provider: 'apixo', model: 'image-01', failedCount: 2, cost: { amount: 0.007, currency: 'USD' } });
    expect(result.timings).toEqual({ totalMs: 30_000, providerMs: 30_000 });
    expect(result.images.map((image) => image.url)).toEqual([`${imageHost}/task_cb/0.png`, `${imageHost}/task_cb/1.png`]);
    expect(client.parseWebhook(JSON.parse(delivery('task_cb')) as object).id).toBe('task_cb');
    expect(recorded).toHaveLength(0);
  });

  it('names the model as the caller did, image-01 by default', () => {
    const client = apixoClient(fetch);
    expect(client.parseWebhook(delivery('task_m')).model).toBe('image-01');
    expect(client.parseWebhook(delivery('task_m'), { model: 'minimax-image-01' }).model).toBe('minimax-image-01');
  });

  it.each([
    ['INSUFFICIENT_BALANCE', InsufficientCreditsError],
    ['CONTENT_VIOLATION', ContentPolicyError],
    ['UPSTREAM_ERROR', InferenceFailed],
  ])('throws the failure class for a task failed with %s', (failCode, errorClass) => {
    const body = JSON.stringify(taskEnvelope('task_failed', 'failed', { failCode, failMsg: 'no luck' }));
    const error = thrownBy(() => apixoClient(fetch).parseWebhook(body));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ requestId: 'task_failed', code: failCode, detail: 'no luck' });
  });

  it('gives the same result for a duplicate delivery, so a receiver can drop it by task id', () => {
    const client = apixoClient(fetch);
    const body = delivery('task_dup');
    const first = client.parseWebhook(body, { n: 2 });
    const second = client.parseWebhook(body, { n: 2 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(apixoCallbackTaskId(body)).toBe(first.id);
    expect(recorded).toHaveLength(0);
  });

  it.each([
    ['plain text', 'hello'],
    ['HTML', '<html>hi</html>'],
    ['a JSON array', '[1,2]'],
    ['an object without a task', { code: 200, message: 'success', data: 74.87 }],
    ['a Segmind status body', { status: 'COMPLETED', request_id: 'abc' }],
  ])('throws ValidationError for %s', (_label, body) => {
    expect(thrownBy(() => apixoClient(fetch).parseWebhook(body))).toBeInstanceOf(ValidationError);
  });

  it('throws a retryable error for a callback about a task that has not finished', () => {
    const error = thrownBy(() => apixoClient(fetch).parseWebhook(JSON.stringify(taskEnvelope('task_early', 'processing'))));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'TASK_NOT_FINISHED', retryable: true, requestId: 'task_early' });
  });

  it('throws ProviderError for a success callback whose resultJson is malformed', () => {
    const body = JSON.stringify(taskEnvelope('task_bad', 'success', { resultJson: 'not json' }));
    expect(thrownBy(() => apixoClient(fetch).parseWebhook(body))).toBeInstanceOf(ProviderError);
  });
});

describe('apixo: confirmWebhook', () => {
  it('re-reads the task through statusTask with the key and returns what APIXO says, not what the body says', async () => {
    const taskId = 'task_confirm';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'success', { resultJson: resultJson([`${imageHost}/real.png`]) })] }));
    const forged = delivery(taskId, ['https://attacker.example/forged.png']);
    const result = await apixoClient(fetch).confirmWebhook(forged, { model: 'image-01' });
    expect(result.images.map((image) => image.url)).toEqual([`${imageHost}/real.png`]);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.url.href).toBe(`${apixoBase}/api/v1/statusTask/minimax-image-01?taskId=${taskId}`);
    expect(recorded[0]?.headers['authorization']).toBe(`Bearer ${testKey}`);
  });

  it('throws the failure class when statusTask says the task failed, whatever the callback claimed', async () => {
    const taskId = 'task_confirm_failed';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'failed', { failCode: 'NSFW_DETECTED', failMsg: 'blocked' })] }));
    const error = await rejectionOf(apixoClient(fetch).confirmWebhook(delivery(taskId)));
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect(error).toMatchObject({ requestId: taskId, code: 'NSFW_DETECTED' });
  });

  it('throws a retryable error when statusTask says the task is still running', async () => {
    const taskId = 'task_confirm_early';
    server.use(...taskHandlers({ taskId, statuses: [taskEnvelope(taskId, 'processing')] }));
    const error = await rejectionOf(apixoClient(fetch).confirmWebhook(delivery(taskId)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true, code: 'TASK_NOT_FINISHED', requestId: taskId });
    expect(recorded).toHaveLength(1);
  });

  it('refuses a body that is not an APIXO envelope without any request', async () => {
    expect(await rejectionOf(apixoClient(fetch).confirmWebhook('nope'))).toBeInstanceOf(ValidationError);
    expect(recorded).toHaveLength(0);
  });
});

describe('apixo: balance', () => {
  it('reads the balance in USD from current-balance', async () => {
    server.use(http.get(`${apixoBase}/api/v1/apikeys/current-balance`, () => HttpResponse.json(envelope(74.87))));
    expect(await apixoClient(fetch).balance()).toEqual({ amount: 74.87, currency: 'USD' });
    expect(recorded[0]?.headers['authorization']).toBe(`Bearer ${testKey}`);
  });

  it('maps a 401 on the balance to AuthenticationError', async () => {
    server.use(http.get(`${apixoBase}/api/v1/apikeys/current-balance`, () => HttpResponse.json(envelope(null, 401, 'Unauthorized'), { status: 401 })));
    expect(await rejectionOf(apixoClient(fetch).balance())).toBeInstanceOf(AuthenticationError);
  });

  it('rejects an answer without an amount as ProviderError', async () => {
    server.use(http.get(`${apixoBase}/api/v1/apikeys/current-balance`, () => HttpResponse.json(envelope({ balance: 'lots' }))));
    expect(await rejectionOf(apixoClient(fetch).balance())).toBeInstanceOf(ProviderError);
  });
});

