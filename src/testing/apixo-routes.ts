import { randomBytes } from 'node:crypto';
import { bearerKey, isAcceptedKey } from './api-keys';
import { apixoModels, readApixoTask } from './apixo-models';
import { apixoTaskEnvelope } from './apixo-task-view';
import { isJsonContentType, jsonReply, parseJsonObject } from './http-replies';
import { createJob } from './job-planner';
import { jobFinishesAt } from './job-timing';
import type { ProviderHandler, SandboxContext } from './sandbox-context';
import type { RouteReply, SandboxExchange } from './sandbox-types';

const failMessages: Readonly<Record<string, string>> = {
  INVALID_PARAMETER: 'A model parameter is unsupported, out of range, or malformed',
  INVALID_IMAGE_URL: 'The reference image URL could not be fetched or decoded',
  INSUFFICIENT_BALANCE: 'The account does not have enough balance for the task',
  UPSTREAM_ERROR: 'Generation failed',
  TIMEOUT: 'Generation did not finish in time',
  CONTENT_VIOLATION: 'The content was rejected by the safety filter',
};

/** APIXO's error envelope; `code` mirrors the HTTP status. */
function apixoError(status: number, message: string, detail: string = message): RouteReply {
  return jsonReply(status, { code: status, message, data: { error: detail } });
}

/** APIXO's task API: generateTask, statusTask (plus callbacks) and current-balance. */
export function apixoHandler(context: SandboxContext): ProviderHandler {
  function submit(exchange: SandboxExchange): RouteReply {
    const model = exchange.params.model ?? '';
    if (!apixoModels.includes(model)) return apixoError(404, 'Model not found', `Model ${model} is not available`);
    if (!isJsonContentType(exchange.headers['content-type'])) {
      return apixoError(400, 'Invalid request', 'Content-Type must be application/json');
    }
    const body = parseJsonObject(exchange.bodyText);
    if (body === undefined) return apixoError(400, 'Invalid request', 'The body must be a JSON object');
    const reading = readApixoTask(body);
    if (reading.problems.length > 0) return apixoError(400, 'Invalid parameter', reading.problems.join('; '));
    if (!context.balance.covers(reading.count)) {
      return apixoError(402, 'Insufficient balance', 'The account balance does not cover this task');
    }
    const job = createJob(context, {
      id: `task_${randomBytes(8).toString('hex')}`,
      provider: 'apixo',
      model,
      prompt: reading.prompt,
      requestedCount: reading.count,
      seed: reading.seed,
      size: reading.size,
      ...(reading.callbackUrl === undefined ? {} : { callbackUrl: reading.callbackUrl }),
      describeFailure: (code, reason) => {
        const failCode = code ?? (reason === 'withheld' ? 'CONTENT_VIOLATION' : 'UPSTREAM_ERROR');
        return { code: failCode, message: failMessages[failCode] ?? `Generation failed (${failCode})` };
      },
    }, Date.now());
    context.balance.precharge(job);
    if (job.callbackUrl !== undefined) {
      const finishesAt = jobFinishesAt(job);
      const origin = exchange.origin;
      context.callbacks.schedule(job.callbackUrl, job.id, finishesAt - Date.now(), () =>
        apixoTaskEnvelope(job, origin, finishesAt));
    }
    return jsonReply(200, { code: 200, message: 'success', data: { taskId: job.id } });
  }

  function status(exchange: SandboxExchange): RouteReply {
    const model = exchange.params.model ?? '';
    if (!apixoModels.includes(model)) return apixoError(404, 'Model not found', `Model ${model} is not available`);
    const taskId = exchange.query.get('taskId');
    if (taskId === null || taskId === '') return apixoError(400, 'Invalid request', 'taskId is required');
    const job = context.jobs.find('apixo', taskId);
    if (job === undefined || job.model !== model) return apixoError(404, 'Task not found', `Task ${taskId} not found`);
    return jsonReply(200, apixoTaskEnvelope(job, exchange.origin, Date.now()));
  }

  return (route, exchange) => {
    if (route === null) return apixoError(404, 'Not found', 'No such endpoint');
    if (!isAcceptedKey(bearerKey(exchange.headers), context.options.apiKey)) {
      return apixoError(401, 'Unauthorized', 'Missing or invalid API key');
    }
    if (route === 'submit') return submit(exchange);
    if (route === 'status') return status(exchange);
    return jsonReply(200, { code: 200, message: 'success', data: context.balance.amount() });
  };
}
