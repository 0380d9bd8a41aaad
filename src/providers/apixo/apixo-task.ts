import { ProviderError } from '../../core/errors';
import type { GeneratedImage } from '../../core/generated-image';
import type { JobStatus } from '../../core/job-status';
import type { ImageResult } from '../../core/result';
import { apixoEnvelopeSchema, apixoErrorText, apixoResultUrls, apixoTaskSchema, type ApixoTask } from './apixo-api';
import { apixoCodeError, apixoName, apixoTaskFailed, type ApixoErrorScene } from './apixo-errors';
import { apixoCost } from './apixo-models';

/** APIXO task states → JobStatus states. Unknown states count as `processing` (polling goes on). */
const states: Record<string, JobStatus['state']> = {
  pending: 'queued',
  queued: 'queued',
  waiting: 'queued',
  processing: 'processing',
  running: 'processing',
  success: 'completed',
  succeeded: 'completed',
  completed: 'completed',
  failed: 'failed',
  fail: 'failed',
  error: 'failed',
};

export function apixoJobState(state: string): JobStatus['state'] {
  return states[state.trim().toLowerCase()] ?? 'processing';
}

/**
 * The task inside an already-parsed answer (statusTask or a callback): checks `code === 200` (an
 * error inside an HTTP 200 is thrown as its class) and the task's shape (else ProviderError).
 */
export function readApixoTask(value: unknown, scene: ApixoErrorScene, text: string): ApixoTask {
  const envelope = apixoEnvelopeSchema.safeParse(value);
  if (!envelope.success) throw apixoUnexpectedAnswer('an answer that is not an APIXO envelope', scene, text);
  if (envelope.data.code !== 200) throw apixoCodeError(envelope.data.code, apixoErrorText(value), scene, text);
  const task = apixoTaskSchema.safeParse(envelope.data.data);
  if (!task.success) throw apixoUnexpectedAnswer('an envelope without a task (taskId and state)', scene, text);
  return task.data;
}

/**
 * An answer that cannot be read. On a read (statusTask, the balance) it is transient, so a wait
 * keeps polling through one broken body; on generateTask it is not (the task may exist).
 */
export function apixoUnexpectedAnswer(what: string, scene: ApixoErrorScene, text: string, status = 200): ProviderError {
  return new ProviderError(`APIXO answered the ${scene.route} request${scene.taskId ? ` for ${scene.taskId}` : ''} with ${what}.`, {
    provider: apixoName,
    status,
    requestId: scene.taskId,
    body: text,
    retryable: scene.route !== 'submit',
  });
}

/** A task as a JobStatus (`raw` is the whole envelope); a failed task carries its failMsg as `error`. */
export function apixoJobStatus(task: ApixoTask, raw: unknown): JobStatus {
  const status: JobStatus = { state: apixoJobState(task.state), raw };
  if (status.state === 'failed') status.error = task.failMsg ?? task.failCode ?? 'no reason given';
  return status;
}

export interface ApixoResultContext {
  /** As the caller named it. */
  model: string;
  /** Images requested, when known: gives `failedCount`. */
  requestedImages?: number | undefined;
  /** Wall time the SDK measured; default: the provider's own figure (for callbacks). */
  totalMs?: number | undefined;
  image(source: { url: string }): GeneratedImage;
}

/**
 * The ImageResult of a successful task. `costTime` (or completeTime − createTime) becomes
 * `timings.providerMs`; cost is priced for minimax-image-01. A `resultJson` that cannot be read is
 * a ProviderError carrying the raw body.
 */
export function apixoImageResult(task: ApixoTask, raw: unknown, context: ApixoResultContext, text: string): ImageResult {
  const read = apixoResultUrls(task);
  if (!read.ok || read.urls.length === 0) {
    const problem = read.ok ? 'has no image URL in resultJson' : read.problem;
    throw new ProviderError(`APIXO task ${task.taskId} succeeded but ${problem}; the images cannot be read. Its status is still available through statusTask.`, {
      provider: apixoName,
      status: 200,
      requestId: task.taskId,
      body: text,
    });
  }
  const providerMs = task.costTime ?? (task.completeTime !== undefined && task.createTime !== undefined ? task.completeTime - task.createTime : undefined);
  const requested = context.requestedImages;
  const result: ImageResult = {
    id: task.taskId,
    provider: apixoName,
    model: context.model,
    images: read.urls.map((url) => context.image({ url })),
    failedCount: requested === undefined ? 0 : Math.max(0, requested - read.urls.length),
    timings: { totalMs: Math.max(0, Math.round(context.totalMs ?? providerMs ?? 0)) },
    raw,
  };
  if (providerMs !== undefined) result.timings.providerMs = Math.round(providerMs);
  const cost = apixoCost(context.model, read.urls.length);
  if (cost !== undefined) result.cost = cost;
  return result;
}

/** The error a finished-but-failed task ends with (InsufficientCreditsError, ContentPolicyError, InferenceFailed). */
export function apixoFailure(task: ApixoTask): Error {
  return apixoTaskFailed({ taskId: task.taskId, failCode: task.failCode, failMsg: task.failMsg });
}
