import { resolveApiKey } from '../../core/api-key';
import { ValidationError } from '../../core/errors';
import type { HttpCall } from '../../core/http-client';
import type { JobStatus } from '../../core/job-status';
import type { PollingOptions } from '../../core/options';
import type { ImageProvider, OperationContext, ProviderJob, WaitContext } from '../../core/provider';
import { resolveBaseUrl } from '../../core/provider-url';
import type { NormalizedRequest } from '../../core/request';
import type { ImageResult } from '../../core/result';
import { minimaxKeyVariable, minimaxName, type MinimaxTarget } from './minimax-errors';
import { minimaxCapabilities, minimaxRequestBody } from './minimax-models';
import { readMinimaxResponse } from './minimax-response';
import { minimaxGeneratePolicy } from './minimax-retry-policy';

export type MinimaxRegion = 'global' | 'cn';

export interface MinimaxOptions {
  /** Default: the `MINIMAX_API_KEY` environment variable, read when first needed. */
  apiKey?: string;
  /**
   * Default: `MINIMAX_BASE_URL`, else the region's host. An origin, optionally with a path prefix
   * for a proxy. When given, it wins over `region`.
   */
  baseUrl?: string;
  /**
   * Default `'global'` (`https://api.minimax.io`); `'cn'` is mainland China
   * (`https://api.minimaxi.com`). Keys work only on their own region's host.
   */
  region?: MinimaxRegion;
}

/** MiniMax's defaults: one synchronous request carries the whole generation, so 300 s per attempt. */
export const minimaxDefaults = {
  hosts: { global: 'https://api.minimax.io', cn: 'https://api.minimaxi.com' },
  region: 'global',
  requestTimeoutMs: 300_000,
  /** Never used: MiniMax has nothing to poll. Present because every provider declares a schedule. */
  polling: { initialDelayMs: 0, intervalMs: 1_000, backoffFactor: 1, maxIntervalMs: 1_000 } satisfies Required<PollingOptions>,
} as const;

/** What a MiniMax job keeps: the finished result (the job is complete when it exists). */
interface MinimaxJobData {
  result: ImageResult;
}

function finishedResult(job: ProviderJob): ImageResult {
  const data = job.data as Partial<MinimaxJobData> | undefined;
  if (data?.result !== undefined) return data.result;
  throw noJobIds();
}

function noJobIds(): ValidationError {
  return new ValidationError(
    [
      {
        path: 'id',
        message:
          'MiniMax is synchronous and has no job ids: the images come back with generate() or submit() itself, so there is nothing to resume. ' +
          'Keep the result (save the images) instead of the job handle.',
      },
    ],
    { provider: minimaxName, summary: 'Cannot resume a MiniMax job' },
  );
}

function regionOf(region: unknown): MinimaxRegion {
  if (region === undefined) return minimaxDefaults.region;
  if (region === 'global' || region === 'cn') return region;
  throw new ValidationError([{ path: 'region', message: `must be 'global' (api.minimax.io) or 'cn' (api.minimaxi.com); got ${JSON.stringify(region)}.` }], {
    provider: minimaxName,
  });
}

/**
 * The MiniMax provider: one synchronous `POST /v1/image_generation` returns the images. `submit()`
 * resolves with them; `wait()` hands them back at once. Never polls.
 */
export function minimax(options: MinimaxOptions = {}): ImageProvider {
  const region = regionOf(options.region);
  const baseUrl = resolveBaseUrl(options.baseUrl, 'MINIMAX_BASE_URL', minimaxDefaults.hosts[region], minimaxName);
  const target: MinimaxTarget = { baseUrl, region };

  return {
    name: minimaxName,
    defaults: { requestTimeoutMs: minimaxDefaults.requestTimeoutMs, polling: () => ({ ...minimaxDefaults.polling }) },
    capabilities: minimaxCapabilities,

    async submit(request: NormalizedRequest, context: OperationContext): Promise<ProviderJob> {
      const call: HttpCall<ImageResult> = {
        provider: minimaxName,
        method: 'POST',
        url: `${baseUrl}/v1/image_generation`,
        headers: { authorization: `Bearer ${resolveApiKey(options.apiKey, minimaxKeyVariable, minimaxName)}` },
        json: minimaxRequestBody(request),
        policy: minimaxGeneratePolicy,
        interpret: (response) => readMinimaxResponse(response, request.model, target, context),
      };
      const result = await context.call(call);
      const data: MinimaxJobData = { result };
      return { id: result.id, model: request.model, data };
    },

    resume(): ProviderJob {
      throw noJobIds();
    },

    async status(job: ProviderJob): Promise<JobStatus> {
      return { state: 'completed', raw: finishedResult(job).raw };
    },

    async wait(job: ProviderJob, context: WaitContext): Promise<ImageResult> {
      const result = finishedResult(job);
      context.onStatus?.({ state: 'completed', raw: result.raw });
      return result;
    },
  };
}
