import { apixo, ImageClient, minimax, segmind } from 'imagegate';
import type { ImageProvider, ImageResult } from 'imagegate';
import type { BenchProvider, Completion, VariantConfig } from './bench-types';

/** An ImageClient for the variant: default transport, or global fetch injected; fixed short polling. */
export function benchClient(config: VariantConfig): ImageClient {
  const providerOptions = { apiKey: config.apiKey, baseUrl: config.baseUrl };
  const providers: Record<BenchProvider, () => ImageProvider> = {
    segmind: () => segmind(providerOptions),
    apixo: () => apixo(providerOptions),
    minimax: () => minimax(providerOptions),
  };
  const interval = config.intervalMs;
  return new ImageClient({
    provider: providers[config.provider](),
    polling: { initialDelayMs: interval, intervalMs: interval, backoffFactor: 1, maxIntervalMs: interval },
    ...(config.variant === 'imagegate-fetch' ? { fetch: globalThis.fetch } : {}),
  });
}

/** Generates one image and notes when the result arrived (plus APIXO's own times, when present). */
export async function runImagegateJob(client: ImageClient, prompt: string, index: number, timeoutMs: number): Promise<Completion> {
  const result = await client.generate({ prompt, model: 'image-01' }, { timeoutMs });
  const completion: Completion = { index, id: result.id, resultAt: Date.now() };
  const times = envelopeTimes(result);
  if (times.completeTime !== undefined) completion.completeTime = times.completeTime;
  if (times.createTime !== undefined) completion.createTime = times.createTime;
  return completion;
}

/** APIXO's `data.completeTime` / `data.createTime` from the raw status envelope; nothing for others. */
function envelopeTimes(result: ImageResult): { completeTime?: number; createTime?: number } {
  if (result.provider !== 'apixo' || typeof result.raw !== 'object' || result.raw === null) return {};
  const data = (result.raw as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return {};
  const { completeTime, createTime } = data as { completeTime?: unknown; createTime?: unknown };
  return {
    ...(typeof completeTime === 'number' ? { completeTime } : {}),
    ...(typeof createTime === 'number' ? { createTime } : {}),
  };
}
