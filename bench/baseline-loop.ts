import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchProvider, Completion } from './bench-types';

/**
 * The loop a typical user writes without an SDK: global `fetch`, submit, poll the status URL at a
 * fixed interval, then fetch the result. The same request bodies imagegate sends for `image-01`.
 * No retries, no backoff: a failure rejects the job.
 */
export interface BaselineJob {
  baseUrl: string;
  apiKey: string;
  prompt: string;
  index: number;
  intervalMs: number;
  timeoutMs: number;
}

export function runBaselineJob(provider: BenchProvider, job: BaselineJob): Promise<Completion> {
  if (provider === 'segmind') return segmindJob(job);
  if (provider === 'apixo') return apixoJob(job);
  return minimaxJob(job);
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as unknown;
  if (typeof body !== 'object' || body === null) throw new Error(`unexpected body (HTTP ${response.status})`);
  return body as Record<string, unknown>;
}

async function segmindJob(job: BaselineJob): Promise<Completion> {
  const headers = { 'x-api-key': job.apiKey, 'content-type': 'application/json' };
  const submitted = await fetch(`${job.baseUrl}/v2/image-01`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ prompt: job.prompt, number_of_images: 1 }),
  });
  if (!submitted.ok) throw new Error(`segmind submit: HTTP ${submitted.status}`);
  const { request_id: id, status_url: statusUrl, response_url: responseUrl } = await readJson(submitted);
  if (typeof id !== 'string' || typeof statusUrl !== 'string' || typeof responseUrl !== 'string') throw new Error('segmind submit: no request_id');
  const giveUpAt = Date.now() + job.timeoutMs;
  for (;;) {
    await sleep(job.intervalMs);
    const status = await readJson(await fetch(statusUrl, { headers }));
    if (status.status === 'COMPLETED') break;
    if (status.status === 'FAILED') throw new Error(`segmind job ${id} failed`);
    if (Date.now() > giveUpAt) throw new Error(`segmind job ${id} timed out`);
  }
  const result = await fetch(responseUrl, { headers });
  if (!result.ok) throw new Error(`segmind result: HTTP ${result.status}`);
  const body = await readJson(result);
  if (body.output === undefined) throw new Error(`segmind job ${id}: no output`);
  return { index: job.index, id, resultAt: Date.now() };
}

async function apixoJob(job: BaselineJob): Promise<Completion> {
  const headers = { authorization: `Bearer ${job.apiKey}`, 'content-type': 'application/json' };
  const model = 'minimax-image-01';
  const submitted = await fetch(`${job.baseUrl}/api/v1/generateTask/${model}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ input: { mode: 'text-to-image', prompt: job.prompt, num_images: 1 } }),
  });
  const envelope = await readJson(submitted);
  const taskId = (envelope.data as { taskId?: unknown } | undefined)?.taskId;
  if (envelope.code !== 200 || typeof taskId !== 'string') throw new Error(`apixo submit: code ${String(envelope.code)}`);
  const giveUpAt = Date.now() + job.timeoutMs;
  for (;;) {
    await sleep(job.intervalMs);
    const status = await readJson(await fetch(`${job.baseUrl}/api/v1/statusTask/${model}?taskId=${taskId}`, { headers }));
    const data = status.data as { state?: unknown; resultJson?: unknown; completeTime?: unknown; createTime?: unknown } | undefined;
    if (data?.state === 'success' && typeof data.resultJson === 'string') {
      const { resultUrls } = JSON.parse(data.resultJson) as { resultUrls?: unknown };
      if (!Array.isArray(resultUrls) || resultUrls.length === 0) throw new Error(`apixo task ${taskId}: no resultUrls`);
      const completion: Completion = { index: job.index, id: taskId, resultAt: Date.now() };
      if (typeof data.completeTime === 'number') completion.completeTime = data.completeTime;
      if (typeof data.createTime === 'number') completion.createTime = data.createTime;
      return completion;
    }
    if (data?.state === 'failed') throw new Error(`apixo task ${taskId} failed`);
    if (Date.now() > giveUpAt) throw new Error(`apixo task ${taskId} timed out`);
  }
}

async function minimaxJob(job: BaselineJob): Promise<Completion> {
  const response = await fetch(`${job.baseUrl}/v1/image_generation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${job.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'image-01', prompt: job.prompt, n: 1 }),
    signal: AbortSignal.timeout(job.timeoutMs),
  });
  const body = await readJson(response);
  const code = (body.base_resp as { status_code?: unknown } | undefined)?.status_code;
  if (code !== 0 || typeof body.id !== 'string') throw new Error(`minimax: status_code ${String(code)}`);
  return { index: job.index, id: body.id, resultAt: Date.now() };
}
