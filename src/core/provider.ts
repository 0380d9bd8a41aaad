import type { ModelCapabilities } from './capabilities';
import type { Clock } from './clock';
import type { Deadline } from './deadline';
import type { GeneratedImage, ImageSource } from './generated-image';
import type { HttpCall } from './http-client';
import type { JobHandle, JobStatus } from './job-status';
import type { PollingOptions } from './options';
import type { NormalizedRequest } from './request';
import type { ImageResult } from './result';

/** A job as a provider tracks it. `data` is the provider's own (status URLs, a finished result). */
export interface ProviderJob {
  id: string;
  /** As the caller named it. */
  model: string;
  data?: unknown;
}

/** What a provider gets for one operation: HTTP with the caller's limits, time, image factory. */
export interface OperationContext {
  /** Sends one logical HTTP call with this operation's signal, deadline, retries and timeout. */
  call<T>(call: HttpCall<T>): Promise<T>;
  clock: Clock;
  signal?: AbortSignal | undefined;
  deadline?: Deadline | undefined;
  /** Wraps an image URL or data in a GeneratedImage bound to the client's downloader. */
  image(source: ImageSource): GeneratedImage;
  /** Clock time the caller's operation started, for `timings.totalMs`. */
  startedAt: number;
}

/** A wait: the operation context plus its deadline, polling schedule and status callback. */
export interface WaitContext extends OperationContext {
  deadline: Deadline;
  polling: Required<PollingOptions>;
  onStatus?: ((status: JobStatus) => void) | undefined;
}

export interface SubmitExtras {
  callbackUrl?: string | undefined;
}

export interface WebhookOptions {
  /** The model the task was submitted with. Default `'image-01'`. */
  model?: string;
  /** Images requested, to compute failedCount. */
  n?: number;
}

export interface ProviderDefaults {
  /** One HTTP attempt. */
  requestTimeoutMs: number;
  /** Default poll schedule (for a model, since some providers advise per resolution). */
  polling(job: ProviderJob): Required<PollingOptions>;
}

/**
 * One provider: the only thing the client knows about it. Adding a provider means writing one of
 * these (a folder under src/providers) and nothing else.
 */
export interface ImageProvider {
  readonly name: string;
  readonly defaults: ProviderDefaults;
  /** What `model` accepts on this provider; unknown slugs get pass-through capabilities. */
  capabilities(model: string): ModelCapabilities;
  /** Creates the job (may bill). Resolves once the provider accepted it. */
  submit(request: NormalizedRequest, context: OperationContext, extras: SubmitExtras): Promise<ProviderJob>;
  /** A job from a stored handle; throws ValidationError where jobs cannot be resumed. */
  resume(handle: JobHandle): ProviderJob;
  status(job: ProviderJob, context: OperationContext): Promise<JobStatus>;
  wait(job: ProviderJob, context: WaitContext): Promise<ImageResult>;
  parseWebhook?(body: unknown, options: WebhookOptions, context: OperationContext): ImageResult;
  confirmWebhook?(body: unknown, options: WebhookOptions, context: OperationContext): Promise<ImageResult>;
  balance?(context: OperationContext): Promise<{ amount: number; currency: string }>;
}
