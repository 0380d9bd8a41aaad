import { resolveApiKey } from '../../core/api-key';
import { ProviderError } from '../../core/errors';
import type { HttpCall } from '../../core/http-client';
import { failMalformed, readJson, requireJson } from '../../core/json-body';
import type { JobHandle, JobStatus } from '../../core/job-status';
import type { PollingOptions } from '../../core/options';
import type { ImageProvider, OperationContext, ProviderJob, WaitContext } from '../../core/provider';
import { isSameOrigin, resolveBaseUrl } from '../../core/provider-url';
import type { NormalizedRequest } from '../../core/request';
import type { ImageResult } from '../../core/result';
import { idempotentPolicy, queueSubmitPolicy } from '../../core/retry-policy';
import type { TransportResponse } from '../../core/transport';
import { pollUntilDone, type PollStep } from '../../polling';
import {
  segmindErrorText,
  segmindImageSources,
  segmindResultSchema,
  segmindStatusSchema,
  segmindSubmitSchema,
  type SegmindMetrics,
  type SegmindStatus,
} from './segmind-api';
import { segmindHttpError, segmindJobFailed, segmindKeyVariable, segmindName, type SegmindRoute } from './segmind-errors';
import { segmindCapabilities, segmindRequestBody } from './segmind-models';

export interface SegmindOptions {
  /** Default: the `SEGMIND_API_KEY` environment variable, read when first needed. */
  apiKey?: string;
  /** Default: `SEGMIND_BASE_URL`, else `https://api.segmind.com`. An origin, optionally with a path prefix for a proxy. */
  baseUrl?: string;
}

/** Segmind's defaults: 60 s per HTTP attempt; first poll after 1 s, then every 1–3 s. */
export const segmindDefaults = {
  baseUrl: 'https://api.segmind.com',
  requestTimeoutMs: 60_000,
  polling: { initialDelayMs: 1_000, intervalMs: 1_000, backoffFactor: 1.2, maxIntervalMs: 3_000 } satisfies Required<PollingOptions>,
} as const;

/** Status and result URLs the submit returned (kept with the job; rebuilt when resuming from an id). */
interface SegmindJobData {
  statusUrl?: string;
  responseUrl?: string;
}

const states: Record<string, JobStatus['state']> = {
  QUEUED: 'queued',
  PROCESSING: 'processing',
  COMPLETED: 'completed',
  FAILED: 'failed',
};

/** The Segmind queue API v2 provider: submit, poll the status, fetch the result once. */
export function segmind(options: SegmindOptions = {}): ImageProvider {
  const baseUrl = resolveBaseUrl(options.baseUrl, 'SEGMIND_BASE_URL', segmindDefaults.baseUrl, segmindName);
  const headers = (): Record<string, string> => ({ 'x-api-key': resolveApiKey(options.apiKey, segmindKeyVariable, segmindName) });

  /** A provider-returned URL is followed only on the configured origin; otherwise the path is built. */
  const urlFor = (job: ProviderJob, route: 'status' | 'result'): string => {
    const data = (job.data ?? {}) as SegmindJobData;
    const returned = route === 'status' ? data.statusUrl : data.responseUrl;
    if (returned !== undefined && isSameOrigin(returned, baseUrl)) return returned;
    const path = `${baseUrl}/v2/requests/${encodeURIComponent(job.id)}`;
    return route === 'status' ? `${path}/status` : path;
  };

  const getCall = <T>(job: ProviderJob, route: 'status' | 'result', interpret: (response: TransportResponse) => T): HttpCall<T> => ({
    provider: segmindName,
    method: 'GET',
    url: urlFor(job, route),
    headers: headers(),
    policy: idempotentPolicy,
    interpret,
  });

  /** 200, or 422 carrying FAILED: both are job states. Anything else is an HTTP error. */
  const readState = (response: TransportResponse, job: ProviderJob, route: SegmindRoute): SegmindStatus => {
    if (response.status !== 200 && response.status !== 422) throw segmindHttpError(response, route, job.id, job.model);
    const read = readJson(response);
    const parsed = read.ok ? segmindStatusSchema.safeParse(read.value) : undefined;
    if (response.status === 422 && !parsed?.data?.status) throw segmindHttpError(response, route, job.id, job.model);
    if (!parsed?.success) failMalformed(`Segmind answered the ${route} request for ${job.id} with an unexpected body.`, response, segmindName, job.id, read.text);
    return parsed.data;
  };

  const toJobStatus = (state: SegmindStatus, raw: unknown): JobStatus => {
    const status: JobStatus = { state: states[state.status.toUpperCase()] ?? 'processing', raw };
    if (status.state === 'failed') status.error = segmindErrorText(raw) ?? 'no reason given';
    return status;
  };

  const fetchResult = (job: ProviderJob, context: OperationContext, statusMetrics: SegmindMetrics | undefined): Promise<ImageResult> =>
    context.call(
      getCall(job, 'result', (response) => {
        // A 200 result needs no `status` field (its schema makes it optional); errors and 422 FAILED do.
        const state = response.status === 200 ? undefined : readState(response, job, 'result');
        const raw = requireJson(response, segmindName, job.id);
        const parsed = segmindResultSchema.safeParse(raw);
        const finalStatus = state?.status ?? parsed.data?.status;
        if (finalStatus?.toUpperCase() === 'FAILED') throw segmindJobFailed(job.id, segmindErrorText(raw), response.status);
        const sources = parsed.success ? segmindImageSources(parsed.data) : [];
        if (sources.length === 0) {
          throw new ProviderError(`Segmind's result for ${job.id} holds no image URL.`, { provider: segmindName, status: response.status, requestId: job.id, body: JSON.stringify(raw) });
        }
        const metrics = { ...statusMetrics, ...parsed.data?.metrics };
        const imageResult: ImageResult = {
          id: job.id,
          provider: segmindName,
          model: job.model,
          images: sources.map((source) => context.image(source)),
          failedCount: 0,
          timings: { totalMs: Math.round(context.clock.now() - context.startedAt) },
          raw,
        };
        if (metrics.inference_time !== undefined) imageResult.timings.inferenceMs = Math.round(metrics.inference_time * 1000);
        if (metrics.total_time !== undefined) imageResult.timings.providerMs = Math.round(metrics.total_time * 1000);
        if (metrics.cost !== undefined) imageResult.cost = { amount: metrics.cost, currency: 'USD' };
        return imageResult;
      }),
    );

  return {
    name: segmindName,
    defaults: {
      requestTimeoutMs: segmindDefaults.requestTimeoutMs,
      // A job resumed by id (no submit data) has likely been running a while: ask at once.
      polling: (job) => ({ ...segmindDefaults.polling, ...(job.data === undefined ? { initialDelayMs: 0 } : {}) }),
    },
    capabilities: segmindCapabilities,

    async submit(request: NormalizedRequest, context: OperationContext): Promise<ProviderJob> {
      const call: HttpCall<ProviderJob> = {
        provider: segmindName,
        method: 'POST',
        url: `${baseUrl}/v2/${encodeURIComponent(request.model)}`,
        headers: headers(),
        json: segmindRequestBody(request),
        policy: queueSubmitPolicy,
        interpret: (response) => {
          if (response.status < 200 || response.status >= 300) throw segmindHttpError(response, 'submit', undefined, request.model);
          const parsed = segmindSubmitSchema.safeParse(requireJson(response, segmindName));
          if (!parsed.success) {
            throw new ProviderError('Segmind accepted the request but its answer has no request_id; the job may exist. Check your Segmind dashboard before submitting again.', {
              provider: segmindName,
              status: response.status,
              body: readJson(response).text,
            });
          }
          const data: SegmindJobData = {};
          if (parsed.data.status_url) data.statusUrl = parsed.data.status_url;
          if (parsed.data.response_url) data.responseUrl = parsed.data.response_url;
          return { id: parsed.data.request_id, model: request.model, data };
        },
      };
      return context.call(call);
    },

    resume(handle: JobHandle): ProviderJob {
      return { id: handle.id, model: handle.model };
    },

    async status(job: ProviderJob, context: OperationContext): Promise<JobStatus> {
      // async: a missing key (thrown while building the call) must reject, not throw synchronously.
      return context.call(getCall(job, 'status', (response) => toJobStatus(readState(response, job, 'status'), requireJson(response, segmindName, job.id))));
    },

    wait(job: ProviderJob, context: WaitContext): Promise<ImageResult> {
      const check = (): Promise<PollStep<ImageResult>> =>
        context.call(
          getCall(job, 'status', (response) => {
            const state = readState(response, job, 'status');
            const raw = requireJson(response, segmindName, job.id);
            const status = toJobStatus(state, raw);
            if (status.state === 'failed') return { status, failure: segmindJobFailed(job.id, status.error, response.status) };
            if (status.state !== 'completed') return { status };
            return { status, result: () => fetchResult(job, context, state.metrics) };
          }),
        );
      return pollUntilDone({ provider: segmindName, model: job.model, jobId: job.id, check }, context);
    },
  };
}
