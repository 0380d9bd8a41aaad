import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import {
  AuthenticationError,
  ContentPolicyError,
  ImageClient,
  ImagegateError,
  InferenceFailed,
  ProviderError,
  ValidationError,
  apixo,
  minimax,
  segmind,
  type ImageProvider,
} from 'imagegate';
import { scaledSize, startSandbox, type Sandbox, type SandboxProvider } from 'imagegate/testing';
import { fakeClock } from '../helpers/fake-clock';

/**
 * One scenario list, run against all three providers through the default transport (undici over
 * real loopback sockets to the sandbox). Where providers differ by design, the table says how.
 */
interface ProviderCase {
  name: SandboxProvider;
  make(options: { apiKey: string; baseUrl: string }): ImageProvider;
  authHeader: (key: string) => [string, string];
  /** What a content-policy failure becomes (Segmind has no content class: a plain FAILED). */
  contentFailure: typeof ImagegateError;
  /** Whether a 500 on the job-creating call is retried (MiniMax's call may already have generated). */
  retriesSubmit500: boolean;
}

const cases: ProviderCase[] = [
  { name: 'segmind', make: segmind, authHeader: (key) => ['x-api-key', key], contentFailure: InferenceFailed, retriesSubmit500: true },
  { name: 'apixo', make: apixo, authHeader: (key) => ['authorization', `Bearer ${key}`], contentFailure: ContentPolicyError, retriesSubmit500: true },
  { name: 'minimax', make: minimax, authHeader: (key) => ['authorization', `Bearer ${key}`], contentFailure: ContentPolicyError, retriesSubmit500: false },
];

const polling = { initialDelayMs: 20, intervalMs: 20, backoffFactor: 1 };
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 40, queueTimeMs: 10 });
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

describe.each(cases)('$name through the default transport', (providerCase) => {
  const clients: ImageClient[] = [];
  const client = (options: { apiKey?: string; fake?: boolean } = {}): ImageClient => {
    const created = new ImageClient({
      provider: providerCase.make({ apiKey: options.apiKey ?? 'contract-key', baseUrl: sandbox.baseUrls[providerCase.name] }),
      ...(options.fake ? { clock: fakeClock() } : {}),
    });
    clients.push(created);
    return created;
  };
  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
  });
  const submits = () => sandbox.recordedRequests({ provider: providerCase.name, route: 'submit' });

  it('generates decodable PNG files of the documented size, sending its own auth header', async () => {
    const result = await client().generate({ prompt: 'contract: a red fox', aspectRatio: '16:9', n: 2 }, { polling });
    expect(result.provider).toBe(providerCase.name);
    expect(result.model).toBe('image-01');
    expect(result.images).toHaveLength(2);
    const decoded = PNG.sync.read(Buffer.from(await result.images[0]!.bytes()));
    expect({ width: decoded.width, height: decoded.height }).toEqual(scaledSize({ width: 1280, height: 720 }, 'auto'));
    const [header, value] = providerCase.authHeader('contract-key');
    expect(submits()[0]?.headers[header]).toBe(value);
    expect(sandbox.jobsCreated(providerCase.name)).toBe(1);
  });

  it('submits, then waits, with onStatus ending on completed', async () => {
    const states: string[] = [];
    const job = await client().submit({ prompt: 'contract: submit then wait' });
    expect(job.toJSON()).toEqual({ provider: providerCase.name, model: 'image-01', id: job.id });
    const result = await job.wait({ polling, onStatus: (status) => states.push(status.state) });
    expect(result.images.length).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('completed');
    expect(new Set(states).size).toBe(states.length);
  });

  it('rejects a content-policy failure with the failure class and the job id where there is one', async () => {
    const error = await client()
      .generate({ prompt: 'contract [fail:CONTENT_VIOLATION]' }, { polling })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(providerCase.contentFailure);
    if (providerCase.name !== 'minimax') expect((error as ImagegateError).requestId).toBeTruthy();
  });

  it('refuses a wrong key with AuthenticationError and does not retry it', async () => {
    const strict = await startSandbox({ apiKey: 'the-right-key' });
    const wrong = new ImageClient({ provider: providerCase.make({ apiKey: 'a-wrong-key', baseUrl: strict.baseUrls[providerCase.name] }) });
    try {
      await expect(wrong.generate({ prompt: 'contract: wrong key' }, { polling })).rejects.toBeInstanceOf(AuthenticationError);
      expect(strict.recordedRequests({ route: 'submit' })).toHaveLength(1);
      expect(strict.jobsCreated()).toBe(0);
    } finally {
      await wrong.close();
      await strict.close();
    }
  });

  it('repeats a submit answered 429 and creates the job once', async () => {
    sandbox.faults.push({ provider: providerCase.name, route: 'submit', fault: { type: 'status', status: 429, retryAfter: '0' } });
    const result = await client().generate({ prompt: 'contract: rate limited once' }, { polling });
    expect(result.images.length).toBeGreaterThan(0);
    expect(submits()).toHaveLength(2);
    expect(sandbox.jobsCreated(providerCase.name)).toBe(1);
  });

  it('handles a 500 on the job-creating call by its billing rule', async () => {
    sandbox.faults.push({ provider: providerCase.name, route: 'submit', fault: { type: 'status', status: 500 } });
    const outcome = await client({ fake: true })
      .submit({ prompt: 'contract: server error once' })
      .then(
        () => 'submitted',
        (error: unknown) => error,
      );
    if (providerCase.retriesSubmit500) {
      expect(outcome).toBe('submitted');
      expect(submits()).toHaveLength(2);
    } else {
      expect(outcome).toBeInstanceOf(ProviderError);
      expect(outcome).toMatchObject({ status: 500, jobMayExist: true });
      expect(submits()).toHaveLength(1);
    }
  });

  it('refuses an invalid request before any HTTP request', async () => {
    const error = await client()
      .generate({ prompt: '', n: 10 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['n', 'prompt']);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('rejects promptly with the signal reason when aborted while a request is in flight', async () => {
    // Hold the next status answer (the only call, for MiniMax) so the abort lands mid-request.
    const route = providerCase.name === 'minimax' ? 'submit' : 'status';
    sandbox.faults.push({ provider: providerCase.name, route, fault: { type: 'delay-headers', ms: 3_000 } });
    const controller = new AbortController();
    const running = client().generate({ prompt: 'contract: long job [duration:5000]' }, { polling, signal: controller.signal });
    while (sandbox.recordedRequests({ provider: providerCase.name, route }).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const abortedAt = performance.now();
    controller.abort(new Error('caller gave up'));
    await expect(running).rejects.toThrow('caller gave up');
    expect(performance.now() - abortedAt).toBeLessThan(100);
  });
});
