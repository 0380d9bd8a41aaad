import { InferenceTimeout } from './errors';

/** The error for a wait (or generate) whose `timeoutMs` ran out. */
export function inferenceTimeout(details: { provider: string; model: string; requestId?: string | undefined; elapsedMs: number; timeoutMs: number }): InferenceTimeout {
  const { provider, model, requestId, elapsedMs } = details;
  const seconds = Math.round(details.timeoutMs / 100) / 10;
  const message = requestId
    ? `Job ${requestId} on ${provider} did not finish within ${seconds} s. It may still complete: resume with client.job(${JSON.stringify({ provider, model, id: requestId })}) and wait again.`
    : `The ${provider} call did not finish within ${seconds} s and no job id was received; the provider may still have done the work.`;
  return new InferenceTimeout(message, { provider, requestId, elapsedMs, jobMayExist: requestId === undefined, retryable: false });
}
