import { DeadlineReached } from '../core/deadline';
import { ImagegateError, InferenceFailed } from '../core/errors';
import { inferenceTimeout } from '../core/inference-timeout';
import type { JobStatus } from '../core/job-status';
import { linkSignals } from '../core/linked-signal';
import type { WaitContext } from '../core/provider';
import { delayBeforePoll } from './poll-schedule';

/** One look at a job: its state, plus how to fetch the result or the error that ends it. */
export interface PollStep<T> {
  status: JobStatus;
  /** For `completed`: fetches the final result (retried on the next step if it fails transiently). */
  result?: () => Promise<T>;
  /** For `failed`: the error the wait rejects with (InferenceFailed or a more specific class). */
  failure?: Error;
}

export interface PollJob<T> {
  provider: string;
  model: string;
  jobId: string;
  /** One status request (it retries transient failures itself, through the HTTP layer). */
  check: () => Promise<PollStep<T>>;
}

/**
 * The shared poll loop: sleeps on the schedule, asks for the status, reports changes through
 * `onStatus`, keeps going through transient failures until the deadline, and throws
 * InferenceTimeout (with the job id) when time is up. Every sleep and request stops on abort.
 */
export async function pollUntilDone<T>(job: PollJob<T>, context: WaitContext): Promise<T> {
  const { deadline, clock } = context;
  const timeoutMs = deadline.expiresAt - deadline.startedAt;
  const timedOut = (): Error =>
    inferenceTimeout({ provider: job.provider, model: job.model, requestId: job.jobId, elapsedMs: deadline.elapsedMs(), timeoutMs });
  const stop = linkSignals([context.signal, deadline.signal]);
  let lastState: JobStatus['state'] | undefined;
  /** A wait the provider asked for (a long Retry-After the HTTP layer would not sleep through). */
  let askedToWaitMs = 0;
  /** Runs one request; a failure that may pass by the next poll becomes `transientFailure`. */
  const attempt = async <R>(request: () => Promise<R>): Promise<R | typeof transientFailure> => {
    try {
      return await request();
    } catch (error) {
      if (context.signal?.aborted) throw context.signal.reason;
      if (error instanceof DeadlineReached || deadline.expired) throw timedOut();
      if (isTransient(error)) {
        askedToWaitMs = error.retryAfterMs ?? 0;
        return transientFailure;
      }
      throw error;
    }
  };
  try {
    for (let pollIndex = 0; ; pollIndex += 1) {
      const delay = Math.min(Math.max(delayBeforePoll(pollIndex, context.polling), askedToWaitMs), deadline.remainingMs());
      askedToWaitMs = 0;
      await sleepOrStop(clock.sleep(delay, stop.signal), context.signal, timedOut);
      if (deadline.expired) throw timedOut();
      const step = await attempt(job.check);
      if (step === transientFailure) continue;
      if (step.status.state !== lastState) {
        lastState = step.status.state;
        context.onStatus?.(step.status);
      }
      if (step.status.state === 'failed') throw step.failure ?? new InferenceFailed(`Job ${job.jobId} failed: ${step.status.error ?? 'no reason given'}.`, { provider: job.provider, requestId: job.jobId, detail: step.status.error });
      if (step.status.state !== 'completed' || !step.result) continue;
      const value = await attempt(step.result);
      if (value !== transientFailure) return value;
    }
  } finally {
    stop.dispose();
  }
}

const transientFailure = Symbol('transient failure');

/** A poll request that failed even after its own retries, but may succeed on the next poll. */
function isTransient(error: unknown): error is ImagegateError {
  return error instanceof ImagegateError && error.retryable;
}

async function sleepOrStop(sleep: Promise<void>, signal: AbortSignal | undefined, timedOut: () => Error): Promise<void> {
  try {
    await sleep;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof DeadlineReached) throw timedOut();
    throw error;
  }
}
