import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, ImageClient, InferenceTimeout, ProviderError, segmind } from 'imagegate';
import { startSandbox, type Sandbox } from 'imagegate/testing';
import { fakeClock } from '../helpers/fake-clock';

/**
 * The default transport (undici request() on a pooled Agent) over real loopback HTTP. msw cannot see
 * these requests, and only a real socket shows the difference between refused and reset.
 */
let sandbox: Sandbox;
const fastPolling = { initialDelayMs: 20, intervalMs: 20, backoffFactor: 1 };

beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 60, queueTimeMs: 20 });
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function client(options: { baseUrl?: string; requestTimeoutMs?: number; clock?: ReturnType<typeof fakeClock> } = {}): ImageClient {
  return new ImageClient({
    provider: segmind({ apiKey: 'sandbox-key', baseUrl: options.baseUrl ?? sandbox.baseUrls.segmind }),
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}

const submits = () => sandbox.recordedRequests({ provider: 'segmind', route: 'submit' }).length;

describe('default transport over loopback', () => {
  it('generates, polls and downloads real PNG bytes, reusing pooled connections', async () => {
    const imageClient = client();
    const result = await imageClient.generate({ prompt: 'a kite over dunes', n: 2 }, { polling: fastPolling });
    expect(result.images).toHaveLength(2);
    const bytes = await result.images[1]!.bytes();
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const submit = sandbox.recordedRequests({ provider: 'segmind', route: 'submit' })[0];
    expect(submit?.headers['x-api-key']).toBe('sandbox-key');
    expect(submit?.headers['authorization']).toBeUndefined();
    const download = sandbox.recordedRequests({ route: 'file' })[0];
    expect(download?.headers['x-api-key']).toBeUndefined();
    await imageClient.close();
  });

  it('retries a submit whose connection was refused, and says nothing was sent', async () => {
    const closed = await startSandbox();
    const closedUrl = closed.baseUrls.segmind;
    await closed.close();
    const clock = fakeClock();
    const imageClient = client({ baseUrl: closedUrl, clock });
    const error = await imageClient.submit({ prompt: 'refused' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: false, jobMayExist: false });
    expect(clock.sleeps).toHaveLength(2); // the default maxRetries: two more attempts
    await imageClient.close();
  });

  it('does not repeat a submit whose connection was reset after the body was sent', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'reset', when: 'after-body' } });
    const imageClient = client();
    const error = await imageClient.submit({ prompt: 'reset after body' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: true, jobMayExist: true, retryable: false });
    expect(submits()).toBe(1);
    expect(sandbox.jobsCreated('segmind')).toBe(1);
    await imageClient.close();
  });

  it('does not repeat a submit whose connection was reset before the body was read', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'reset', when: 'before-body' } });
    const imageClient = client();
    const error = await imageClient.submit({ prompt: 'reset before body' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ConnectionError', jobMayExist: true });
    expect(submits()).toBe(1);
    await imageClient.close();
  });

  it('does not repeat a submit whose answer outlasted the per-attempt timeout', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'delay-headers', ms: 1_000 } });
    const imageClient = client({ requestTimeoutMs: 150 });
    const started = performance.now();
    const error = await imageClient.submit({ prompt: 'slow answer' }).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(900);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ timedOut: true, jobMayExist: true });
    expect(submits()).toBe(1);
    expect(sandbox.jobsCreated('segmind')).toBe(1);
    await imageClient.close();
  });

  it('does not repeat a submit answered 504 that hid a created job', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'status', status: 504, processRequest: true } });
    const imageClient = client();
    const error = await imageClient.submit({ prompt: 'gateway timeout' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 504, jobMayExist: true });
    expect(submits()).toBe(1);
    await imageClient.close();
  });

  it('repeats a submit answered 503 and creates the job once', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'status', status: 503 } });
    const imageClient = client({ clock: fakeClock() });
    const job = await imageClient.submit({ prompt: 'busy then fine' });
    expect(job.id).not.toBe('');
    expect(submits()).toBe(2);
    expect(sandbox.jobsCreated('segmind')).toBe(1);
    await imageClient.close();
  });

  it('keeps polling through an HTML 502 page and a malformed status body', async () => {
    sandbox.faults.push(
      { provider: 'segmind', route: 'status', fault: { type: 'html', status: 502 } },
      { provider: 'segmind', route: 'status', fault: { type: 'malformed-json' } },
    );
    const imageClient = client();
    const result = await imageClient.generate({ prompt: 'bumpy road' }, { polling: fastPolling });
    expect(result.images).toHaveLength(1);
    await imageClient.close();
  });

  it('ends in InferenceTimeout (job may exist, no id yet) when timeoutMs runs out during the submit', async () => {
    sandbox.faults.push({ provider: 'segmind', route: 'submit', fault: { type: 'delay-headers', ms: 1_000 } });
    const imageClient = client();
    const error = await imageClient.generate({ prompt: 'deadline during submit' }, { timeoutMs: 150 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InferenceTimeout);
    expect(error).toMatchObject({ jobMayExist: true });
    expect(submits()).toBe(1);
    await imageClient.close();
  });

  it('says nothing was sent when the client was already closed', async () => {
    const imageClient = client({ clock: fakeClock() });
    await imageClient.close();
    const error = await imageClient.submit({ prompt: 'after close' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: false, jobMayExist: false });
    expect(submits()).toBe(0);
  });

  it('times out with the job id when the job outlasts timeoutMs, and the job can be resumed', async () => {
    const imageClient = client();
    const error = await imageClient
      .generate({ prompt: 'slow [duration:400]' }, { timeoutMs: 150, polling: fastPolling })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InferenceTimeout);
    const requestId = (error as InferenceTimeout).requestId ?? '';
    expect(requestId).not.toBe('');
    const result = await imageClient.job(requestId).wait({ polling: fastPolling });
    expect(result.id).toBe(requestId);
    await imageClient.close();
  });
});
