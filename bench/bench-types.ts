/** The wire formats the bench can drive. */
export type BenchProvider = 'segmind' | 'apixo' | 'minimax';

export const benchProviders: readonly BenchProvider[] = ['segmind', 'apixo', 'minimax'];

/**
 * What a child process runs:
 * - `imagegate`: ImageClient with its default transport (undici `request()`, one Agent, 64 sockets);
 * - `baseline`: a hand-written loop on global `fetch` (submit, poll at a fixed interval, fetch the result);
 * - `imagegate-fetch`: ImageClient with `fetch: globalThis.fetch` injected.
 */
export type VariantName = 'imagegate' | 'baseline' | 'imagegate-fetch';

export const variantNames: readonly VariantName[] = ['imagegate', 'baseline', 'imagegate-fetch'];

export const variantLabels: Readonly<Record<VariantName, string>> = {
  imagegate: 'imagegate (undici)',
  baseline: 'baseline fetch loop',
  'imagegate-fetch': 'imagegate + fetch',
};

/** Everything a child process needs, passed as one JSON argument. */
export interface VariantConfig {
  variant: VariantName;
  provider: BenchProvider;
  jobs: number;
  /** The sandbox base URL for this provider (`sandbox.baseUrls[provider]`). */
  baseUrl: string;
  apiKey: string;
  /** Fixed polling interval (also the delay before the first poll), for imagegate and the baseline alike. */
  intervalMs: number;
  /** Give up on one job after this long. */
  jobTimeoutMs: number;
}

/** One job as the client saw it finish. */
export interface Completion {
  /** Position in the workload (parsed back from the prompt by the parent). */
  index: number;
  id: string;
  /** `Date.now()` when the client had the result in hand. */
  resultAt: number;
  /** APIXO only: `completeTime` from the status envelope (when the sandbox finished the job). */
  completeTime?: number;
  /** APIXO only: `createTime` from the status envelope (when the sandbox created the job). */
  createTime?: number;
}

/** What a child prints (one JSON line after {@link resultMarker}). */
export interface VariantReport {
  variant: VariantName;
  provider: BenchProvider;
  jobs: number;
  completions: Completion[];
  /** Error messages of jobs that did not complete (first few only). */
  failures: string[];
  failedCount: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
  /** `process.resourceUsage().maxRSS`: the child's high-water mark, whole process. */
  peakRssMb: number;
  /** Peak RSS minus the RSS when the measured run started (after the warm-up). */
  rssDeltaMb: number;
  /** `performance.eventLoopUtilization()` over the measured run, 0–1. */
  eventLoopUtilization: number;
  /** Highest sampled `heapUsed` minus `heapUsed` after a GC just before the run. */
  peakHeapDeltaMb: number;
  /** `undici:client:connected` events in the child (global fetch and undici both publish them). */
  clientSockets: number;
}

/** Prefix of the line that carries a child's {@link VariantReport}. */
export const resultMarker = 'BENCH_RESULT ';
