import { systemClock, type Clock } from './clock';
import { Deadline, DeadlineReached } from './deadline';
import { ValidationError } from './errors';
import { FetchTransport } from './fetch-transport';
import { GeneratedImage, type ImageDownloader } from './generated-image';
import { HttpClient, type CallLimits } from './http-client';
import { errorForStatus } from './http-errors';
import { inferenceTimeout } from './inference-timeout';
import { Job, type JobRuntime } from './job';
import type { JobHandle, JobStatus } from './job-status';
import {
  defaultMaxRetries,
  defaultTimeoutMs,
  type ClientOptions,
  type GenerateOptions,
  type SubmitOptions,
  type WaitOptions,
} from './options';
import type { ImageProvider, OperationContext, ProviderJob, WaitContext, WebhookOptions } from './provider';
import type { ImageRequest, NormalizedRequest } from './request';
import type { ImageResult } from './result';
import { idempotentPolicy } from './retry-policy';
import type { Transport } from './transport';
import { UndiciTransport } from './undici-transport';
import { defaultModel, validateRequest } from './validate-request';
import { definedOnly, validateCallOptions, validateClientOptions } from './validate-options';

/** Per-attempt timeout for image downloads. */
const downloadTimeoutMs = 60_000;

interface OperationLimits {
  signal?: AbortSignal | undefined;
  deadline?: Deadline | undefined;
  maxRetries?: number | undefined;
  requestTimeoutMs?: number | undefined;
}

/**
 * Generates images through one provider. Requests are validated before anything is sent; jobs can
 * be submitted, stored (`job.toJSON()`), resumed (`client.job()`) and awaited.
 */
export class ImageClient {
  readonly #provider: ImageProvider;
  readonly #options: ClientOptions;
  readonly #clock: Clock;
  readonly #transport: Transport;
  readonly #http: HttpClient;
  readonly #runtime: JobRuntime;

  constructor(options: ClientOptions) {
    if (!options || typeof options.provider?.submit !== 'function') {
      throw new ValidationError([{ path: 'provider', message: 'is required, e.g. new ImageClient({ provider: segmind() }).' }]);
    }
    validateClientOptions(options);
    this.#provider = options.provider;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#transport = options.fetch
      ? new FetchTransport(options.fetch)
      : new UndiciTransport(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections });
    this.#http = new HttpClient({ transport: this.#transport, clock: this.#clock, headers: options.headers });
    this.#runtime = {
      status: (job, callOptions) => this.#status(job, callOptions),
      wait: (job, waitOptions) => this.#waitFor(job, waitOptions),
    };
  }

  /** The provider's name: `'segmind'`, `'apixo'` or `'minimax'`. */
  get provider(): string {
    return this.#provider.name;
  }

  /** Submits the request and waits for the images. `onSubmitted` hands over the job as soon as it exists. */
  async generate(request: ImageRequest, options: GenerateOptions = {}): Promise<ImageResult> {
    validateCallOptions(options, this.#provider.name);
    const normalized = this.#validate(request, options.callbackUrl);
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const deadline = new Deadline(timeoutMs, this.#clock);
    try {
      let providerJob: ProviderJob;
      try {
        providerJob = await this.#provider.submit(normalized, this.#context({ ...options, deadline }), { callbackUrl: options.callbackUrl });
      } catch (error) {
        throw this.#timeoutFor(error, deadline, timeoutMs, normalized.model, undefined);
      }
      const job = this.#jobFrom(providerJob);
      options.onSubmitted?.(job);
      return await this.#wait(job, options, deadline, timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  /** Creates the job and resolves once the provider accepted it. `signal` covers this call only. */
  async submit(request: ImageRequest, options: SubmitOptions = {}): Promise<Job> {
    validateCallOptions(options, this.#provider.name);
    const normalized = this.#validate(request, options.callbackUrl);
    const providerJob = await this.#provider.submit(normalized, this.#context(options), { callbackUrl: options.callbackUrl });
    return this.#jobFrom(providerJob);
  }

  /** A job from its id or from a stored `job.toJSON()`. Model defaults to `'image-01'`. */
  job(idOrHandle: string | JobHandle, options: { model?: string } = {}): Job {
    const handle = typeof idOrHandle === 'string' ? { provider: this.#provider.name, id: idOrHandle, model: options.model ?? defaultModel } : idOrHandle;
    const issues = [];
    if (typeof handle?.id !== 'string' || handle.id.trim() === '') issues.push({ path: 'id', message: 'must be the job id returned by submit(), or job.toJSON().' });
    if (handle?.provider !== this.#provider.name) {
      issues.push({ path: 'provider', message: `this job belongs to '${String(handle?.provider)}', but this client uses '${this.#provider.name}'. Use a client for that provider.` });
    }
    if (issues.length > 0) throw new ValidationError(issues, { provider: this.#provider.name, summary: 'Cannot resume this job' });
    const model = options.model ?? (typeof handle.model === 'string' && handle.model !== '' ? handle.model : defaultModel);
    return this.#jobFrom(this.#provider.resume({ provider: handle.provider, id: handle.id, model }));
  }

  /** Turns a callback body (APIXO) into a result; throws the job-failure classes for a failed task. */
  parseWebhook(body: unknown, options: WebhookOptions = {}): ImageResult {
    if (!this.#provider.parseWebhook) throw this.#unsupported('parseWebhook', 'webhooks');
    return this.#provider.parseWebhook(body, options, this.#context({}));
  }

  /** Re-reads the task behind a callback body from the provider (callbacks are unsigned) and returns that. */
  async confirmWebhook(body: unknown, options: WebhookOptions = {}): Promise<ImageResult> {
    if (!this.#provider.confirmWebhook) throw this.#unsupported('confirmWebhook', 'webhooks');
    return this.#provider.confirmWebhook(body, options, this.#context({}));
  }

  /** The account balance, where the provider has a balance API (APIXO). */
  async balance(options: { signal?: AbortSignal } = {}): Promise<{ amount: number; currency: string }> {
    if (!this.#provider.balance) throw this.#unsupported('balance', 'a balance API');
    return this.#provider.balance(this.#context(options));
  }

  /** Releases pooled connections at once. Optional: idle sockets never keep the process alive. */
  async close(): Promise<void> {
    await this.#transport.close();
  }

  #validate(request: ImageRequest, callbackUrl: string | undefined): NormalizedRequest {
    const normalized = validateRequest(request, this.#provider.name, (model) => this.#provider.capabilities(model));
    if (callbackUrl !== undefined) {
      const problem = !this.#provider.parseWebhook
        ? `${this.#provider.name} has no per-request callbacks; wait for the job instead.`
        : !URL.canParse(callbackUrl)
          ? 'must be an absolute URL (APIXO needs a public https:// URL in production).'
          : undefined;
      if (problem) throw new ValidationError([{ path: 'callbackUrl', message: problem }], { provider: this.#provider.name });
    }
    return normalized;
  }

  #jobFrom(providerJob: ProviderJob): Job {
    return new Job({ provider: this.#provider.name, model: providerJob.model, id: providerJob.id }, this.#runtime, providerJob.data);
  }

  /** Async, so a provider that throws while building its request (a missing key) still rejects. */
  async #status(job: Job, options: { signal?: AbortSignal | undefined }): Promise<JobStatus> {
    return this.#provider.status(providerJobOf(job), this.#context(options));
  }

  async #waitFor(job: Job, options: WaitOptions): Promise<ImageResult> {
    validateCallOptions(options, this.#provider.name);
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const deadline = new Deadline(timeoutMs, this.#clock);
    try {
      return await this.#wait(job, options, deadline, timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  async #wait(job: Job, options: WaitOptions, deadline: Deadline, timeoutMs: number): Promise<ImageResult> {
    const providerJob = providerJobOf(job);
    const context: WaitContext = {
      ...this.#context({ ...options, deadline }),
      deadline,
      polling: { ...this.#provider.defaults.polling(providerJob), ...definedOnly(this.#options.polling), ...definedOnly(options.polling) },
      onStatus: options.onStatus,
    };
    try {
      return await this.#provider.wait(providerJob, context);
    } catch (error) {
      throw this.#timeoutFor(error, deadline, timeoutMs, job.model, job.id);
    }
  }

  /** The deadline's own abort becomes InferenceTimeout with the job id; other errors pass through. */
  #timeoutFor(error: unknown, deadline: Deadline, timeoutMs: number, model: string, requestId: string | undefined): unknown {
    if (!(error instanceof DeadlineReached)) return error;
    return inferenceTimeout({ provider: this.#provider.name, model, requestId, elapsedMs: deadline.elapsedMs(), timeoutMs });
  }

  #context(limits: OperationLimits): OperationContext {
    const callLimits: CallLimits = {
      signal: limits.signal,
      deadline: limits.deadline,
      maxRetries: limits.maxRetries ?? this.#options.maxRetries ?? defaultMaxRetries,
      requestTimeoutMs: limits.requestTimeoutMs ?? this.#options.requestTimeoutMs ?? this.#provider.defaults.requestTimeoutMs,
    };
    return {
      call: (call) => this.#http.call(call, callLimits),
      clock: this.#clock,
      signal: limits.signal,
      deadline: limits.deadline,
      image: (source) => new GeneratedImage(source, this.#download),
      startedAt: limits.deadline?.startedAt ?? this.#clock.now(),
    };
  }

  /** Image downloads: idempotent retries, the client's transport, no key and no extra headers. */
  readonly #download: ImageDownloader = (url, signal) =>
    this.#http.call(
      {
        provider: this.#provider.name,
        method: 'GET',
        url,
        headers: { accept: '*/*' },
        clientHeaders: false,
        followRedirects: true,
        policy: idempotentPolicy,
        interpret: (response) => {
          if (response.status >= 200 && response.status < 300) return response.body;
          throw errorForStatus({ provider: this.#provider.name, status: response.status, detail: `image download from ${new URL(url).origin} failed` });
        },
      },
      { signal, maxRetries: this.#options.maxRetries ?? defaultMaxRetries, requestTimeoutMs: downloadTimeoutMs },
    );

  #unsupported(method: string, feature: string): ValidationError {
    return new ValidationError([{ path: '', message: `${this.#provider.name} has no ${feature}, so client.${method}() is not available.` }], {
      provider: this.#provider.name,
      summary: `Not supported by ${this.#provider.name}`,
    });
  }
}

function providerJobOf(job: Job): ProviderJob {
  return { id: job.id, model: job.model, data: job.providerData };
}
