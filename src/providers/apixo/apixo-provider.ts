import { resolveApiKey } from '../../core/api-key';
import { ProviderError } from '../../core/errors';
import type { HttpCall } from '../../core/http-client';
import { bodyText, readJson, requireJson } from '../../core/json-body';
import type { JobHandle, JobStatus } from '../../core/job-status';
import type { ImageProvider, OperationContext, ProviderJob, SubmitExtras, WaitContext, WebhookOptions } from '../../core/provider';
import { resolveBaseUrl } from '../../core/provider-url';
import type { NormalizedRequest } from '../../core/request';
import type { ImageResult } from '../../core/result';
import { idempotentPolicy, queueSubmitPolicy, type RetryPolicy } from '../../core/retry-policy';
import type { TransportResponse } from '../../core/transport';
import { defaultModel } from '../../core/validate-request';
import { pollUntilDone, type PollStep } from '../../polling';
import { apixoBalanceSchema, apixoBaseWithoutVersion, apixoEnvelopeSchema, apixoErrorText, apixoPaths, apixoSubmitDataSchema, type ApixoTask } from './apixo-api';
import { apixoDefaults, apixoJobData, apixoPolling, type ApixoJobData } from './apixo-defaults';
import { apixoCodeError, apixoHttpError, apixoKeyVariable, apixoName, apixoRetryCodes, type ApixoErrorScene } from './apixo-errors';
import { apixoCapabilities, apixoOutputTier, apixoTaskBody, apixoWireModel } from './apixo-models';
import { apixoFailure, apixoImageResult, apixoJobState, apixoJobStatus, apixoUnexpectedAnswer, readApixoTask } from './apixo-task';
import { readApixoCallback } from './apixo-webhook';

export interface ApixoOptions {
  /** Default: the `APIXO_API_KEY` environment variable, read when first needed. */
  apiKey?: string;
  /**
   * Default: `APIXO_BASE_URL`, else `https://api.apixo.ai`. An origin, optionally with a path prefix
   * for a proxy; `/api/v1/...` is appended. One trailing `/api/v1` is dropped, so the base URL as
   * APIXO's docs print it (`https://api.apixo.ai/api/v1`) works too.
   */
  baseUrl?: string;
}

/** generateTask is repeated only on answers that mean "not created" (HTTP status or envelope code). */
const submitPolicy: RetryPolicy = { ...queueSubmitPolicy, retryCodes: apixoRetryCodes.submit };
/** statusTask and the balance are safe to repeat. */
const readPolicy: RetryPolicy = { ...idempotentPolicy, retryCodes: apixoRetryCodes.read };

/** A parsed answer: the JSON value and its text. */
interface Answer {
  value: unknown;
  text: string;
}

/** The APIXO task API provider: generateTask, statusTask (polling or callbacks), current-balance. */
export function apixo(options: ApixoOptions = {}): ImageProvider {
  const baseUrl = apixoBaseWithoutVersion(resolveBaseUrl(options.baseUrl, 'APIXO_BASE_URL', apixoDefaults.baseUrl, apixoName));
  const headers = (): Record<string, string> => ({ authorization: `Bearer ${resolveApiKey(options.apiKey, apixoKeyVariable, apixoName)}` });

  /** A 2xx JSON answer, or the error its status means. A read's unreadable body is transient. */
  const answerOf = (response: TransportResponse, scene: ApixoErrorScene): Answer => {
    if (response.status < 200 || response.status >= 300) throw apixoHttpError(response, scene);
    if (scene.route === 'submit') return { value: requireJson(response, apixoName, scene.taskId), text: bodyText(response) };
    const read = readJson(response);
    if (!read.ok) throw apixoUnexpectedAnswer(read.text.trim() === '' ? 'an empty body' : 'a body that is not JSON', scene, read.text, response.status);
    return { value: read.value, text: read.text };
  };

  /** The `data` of a 2xx envelope; a `code` other than 200 inside it throws the error that code means. */
  const envelopeOf = (response: TransportResponse, scene: ApixoErrorScene): { answer: Answer; data: unknown } => {
    const answer = answerOf(response, scene);
    const envelope = apixoEnvelopeSchema.safeParse(answer.value);
    if (envelope.success && envelope.data.code !== 200) throw apixoCodeError(envelope.data.code, apixoErrorText(answer.value), scene, answer.text);
    return { answer, data: envelope.success ? envelope.data.data : undefined };
  };

  /** One statusTask call; `read` turns the task into the call's value (and may throw). */
  const statusCall = <T>(job: ProviderJob, read: (task: ApixoTask, answer: Answer) => T): HttpCall<T> => {
    const wireModel = apixoWireModel(job.model);
    const scene: ApixoErrorScene = { route: 'status', wireModel, taskId: job.id };
    return {
      provider: apixoName,
      method: 'GET',
      url: `${baseUrl}${apixoPaths.statusTask(wireModel, job.id)}`,
      headers: headers(),
      policy: readPolicy,
      interpret: (response) => {
        const answer = answerOf(response, scene);
        return read(readApixoTask(answer.value, scene, answer.text), answer);
      },
    };
  };

  /** The result of a finished task; `totalMs` omitted for callbacks (the SDK did not watch the job). */
  const resultOf = (task: ApixoTask, answer: Answer, job: ProviderJob, context: OperationContext, totalMs?: number): ImageResult =>
    apixoImageResult(task, answer.value, { model: job.model, requestedImages: apixoJobData(job).requestedImages, totalMs, image: context.image }, answer.text);

  /** A confirmed task: its result, or its failure thrown; still running is a retryable error. */
  const settledResult = (task: ApixoTask, answer: Answer, job: ProviderJob, context: OperationContext): ImageResult => {
    const state = apixoJobState(task.state);
    if (state === 'failed') throw apixoFailure(task);
    if (state !== 'completed') throw taskNotFinished(task);
    return resultOf(task, answer, job, context);
  };

  const webhookJob = (taskId: string, webhookOptions: WebhookOptions): ProviderJob => {
    const data: ApixoJobData = webhookOptions.n === undefined ? {} : { requestedImages: webhookOptions.n };
    return { id: taskId, model: webhookOptions.model ?? defaultModel, data };
  };

  return {
    name: apixoName,
    defaults: { requestTimeoutMs: apixoDefaults.requestTimeoutMs, polling: apixoPolling },
    capabilities: apixoCapabilities,

    submit(request: NormalizedRequest, context: OperationContext, extras: SubmitExtras): Promise<ProviderJob> {
      const wireModel = apixoWireModel(request.model);
      const scene: ApixoErrorScene = { route: 'submit', wireModel };
      const body = apixoTaskBody(request, extras.callbackUrl);
      const sentImages = body.input['num_images'];
      const data: ApixoJobData = { outputTier: apixoOutputTier(request) };
      if (typeof sentImages === 'number' && Number.isInteger(sentImages)) data.requestedImages = sentImages;
      return context.call({
        provider: apixoName,
        method: 'POST',
        url: `${baseUrl}${apixoPaths.generateTask(wireModel)}`,
        headers: headers(),
        json: body,
        policy: submitPolicy,
        interpret: (response) => {
          const { answer, data: payload } = envelopeOf(response, scene);
          const accepted = apixoSubmitDataSchema.safeParse(payload);
          if (!accepted.success) {
            throw new ProviderError('APIXO answered generateTask without a taskId; the task may exist and be billed. Check your APIXO dashboard before submitting again.', {
              provider: apixoName,
              status: response.status,
              body: answer.text,
            });
          }
          return { id: accepted.data.taskId, model: request.model, data };
        },
      });
    },

    resume(handle: JobHandle): ProviderJob {
      return { id: handle.id, model: handle.model };
    },

    status(job: ProviderJob, context: OperationContext): Promise<JobStatus> {
      return context.call(statusCall(job, (task, answer) => apixoJobStatus(task, answer.value)));
    },

    wait(job: ProviderJob, context: WaitContext): Promise<ImageResult> {
      const check = (): Promise<PollStep<ImageResult>> =>
        context.call(
          statusCall(job, (task, answer): PollStep<ImageResult> => {
            const status = apixoJobStatus(task, answer.value);
            if (status.state === 'failed') return { status, failure: apixoFailure(task) };
            if (status.state !== 'completed') return { status };
            // Read the images now, so a broken resultJson fails the wait before `completed` is reported.
            const result = resultOf(task, answer, job, context, context.clock.now() - context.startedAt);
            return { status, result: () => Promise.resolve(result) };
          }),
        );
      return pollUntilDone({ provider: apixoName, model: job.model, jobId: job.id, check }, context);
    },

    parseWebhook(body: unknown, webhookOptions: WebhookOptions, context: OperationContext): ImageResult {
      const callback = readApixoCallback(body);
      const scene: ApixoErrorScene = { route: 'status', wireModel: apixoWireModel(webhookOptions.model ?? defaultModel), taskId: callback.taskId };
      const task = readApixoTask(callback.value, scene, callback.text);
      return settledResult(task, { value: callback.value, text: callback.text }, webhookJob(task.taskId, webhookOptions), context);
    },

    confirmWebhook(body: unknown, webhookOptions: WebhookOptions, context: OperationContext): Promise<ImageResult> {
      let job: ProviderJob;
      try {
        job = webhookJob(readApixoCallback(body).taskId, webhookOptions);
      } catch (error) {
        return Promise.reject(error);
      }
      return context.call(statusCall(job, (task, answer) => settledResult(task, answer, job, context)));
    },

    balance(context: OperationContext): Promise<{ amount: number; currency: string }> {
      const scene: ApixoErrorScene = { route: 'balance', wireModel: '' };
      return context.call({
        provider: apixoName,
        method: 'GET',
        url: `${baseUrl}${apixoPaths.balance}`,
        headers: headers(),
        policy: readPolicy,
        interpret: (response) => {
          const { answer, data: payload } = envelopeOf(response, scene);
          const amount = apixoBalanceSchema.safeParse(payload);
          if (!amount.success) {
            throw new ProviderError('APIXO answered the balance request without an amount.', { provider: apixoName, status: response.status, body: answer.text });
          }
          return { amount: amount.data, currency: 'USD' };
        },
      });
    },
  };
}

/** A callback (or confirmation) for a task that has not ended: retry the confirmation shortly. */
function taskNotFinished(task: ApixoTask): ProviderError {
  return new ProviderError(
    `APIXO task ${task.taskId} is '${task.state}', not finished, so there is no result yet. Confirm again in a few seconds, or wait with client.job(id, { model }).wait().`,
    { provider: apixoName, status: 200, code: 'TASK_NOT_FINISHED', requestId: task.taskId, retryable: true },
  );
}
