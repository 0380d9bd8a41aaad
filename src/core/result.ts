import type { GeneratedImage } from './generated-image';

export interface ImageTimings {
  /** Wall time this SDK measured, from the call (generate, or wait on a resumed job) to the result. */
  totalMs: number;
  /** The provider's compute time (Segmind `metrics.inference_time`). */
  inferenceMs?: number;
  /** The provider's own end-to-end figure including its queue (APIXO `costTime`, Segmind `total_time`). */
  providerMs?: number;
}

export interface ImageCost {
  amount: number;
  currency: string;
}

/** A finished generation. `JSON.stringify(result)` gives the data fields, never a secret. */
export interface ImageResult {
  /** The provider's request, task or trace id. */
  id: string;
  /** `'segmind' | 'apixo' | 'minimax'` (open for future providers). */
  provider: string;
  /** As the caller named it. */
  model: string;
  /** At least one on success. */
  images: GeneratedImage[];
  /** Images the provider withheld (0 when none or unknown). */
  failedCount: number;
  timings: ImageTimings;
  /** Where the provider reports or prices it. */
  cost?: ImageCost;
  /** The provider's final response body, parsed. */
  raw: unknown;
}
