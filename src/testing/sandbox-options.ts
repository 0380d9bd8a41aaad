/** A fixed duration in milliseconds, or a range from which each job draws its own (deterministically). */
export type DurationSetting = number | { min: number; max: number };

/** Options of {@link startSandbox}. Every field is optional. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1. Default `0` (a free port chosen by the system). */
  port?: number;
  /**
   * The only API key the sandbox accepts, for every provider. Default: any non-empty key.
   * A missing or wrong key gets each provider's own authentication error.
   */
  apiKey?: string;
  /**
   * How long a job runs once it leaves the queue (Segmind PROCESSING, APIXO processing, and the
   * time MiniMax's synchronous call takes). A `{ min, max }` range gives each job a duration drawn
   * deterministically from its prompt and submission order. A `[duration:MS]` prompt marker
   * overrides it per job. Default `{ min: 300, max: 900 }`.
   */
  jobDurationMs?: DurationSetting;
  /**
   * How long a job waits in the queue before it runs (Segmind QUEUED, APIXO pending; added to
   * MiniMax's call). A `[queue:MS]` prompt marker overrides it per job. Default `100`.
   */
  queueTimeMs?: DurationSetting;
  /** How long Segmind keeps a request, counted from submission; after that its id answers 404. Default `3_600_000` (1 h). */
  retentionMs?: number;
  /**
   * Images are generated at their documented size divided by this factor (both sides, aspect ratio
   * kept, at least 1 px). `'auto'` divides just enough that the longest side is at most 256 px, so
   * generation stays cheap; `1` serves full-size images (slow for 2048 px). Default `'auto'`.
   */
  imageScale?: number | 'auto';
  /**
   * Delays before each retry of an APIXO callback whose receiver did not answer HTTP 200 (as on
   * APIXO, a 201 or 204 counts as not delivered); the number of entries is the number of retries.
   * The real service waits about 30 s first. Default `[200, 400, 800]`.
   */
  callbackRetryDelaysMs?: readonly number[];
  /** How long one APIXO callback attempt may take before it counts as failed. Default `5_000`. */
  callbackTimeoutMs?: number;
  /** APIXO account balance in USD, served by `current-balance` and charged $0.0035 per image. Default `100`. */
  balance?: number;
  /**
   * How far ahead a Segmind 429 fault sets `x-rate-limit-reset-at-utc` when the fault names neither
   * header itself. Default `1_000` ms.
   */
  rateLimitResetMs?: number;
}

/** Options with every default filled in. */
export interface ResolvedSandboxOptions {
  port: number;
  apiKey: string | undefined;
  jobDurationMs: DurationSetting;
  queueTimeMs: DurationSetting;
  retentionMs: number;
  imageScale: number | 'auto';
  callbackRetryDelaysMs: readonly number[];
  callbackTimeoutMs: number;
  balance: number;
  rateLimitResetMs: number;
}

/** Default options: short enough for demos and tests. */
export const sandboxDefaults: ResolvedSandboxOptions = {
  port: 0,
  apiKey: undefined,
  jobDurationMs: { min: 300, max: 900 },
  queueTimeMs: 100,
  retentionMs: 3_600_000,
  imageScale: 'auto',
  callbackRetryDelaysMs: [200, 400, 800],
  callbackTimeoutMs: 5_000,
  balance: 100,
  rateLimitResetMs: 1_000,
};

/** Fills in defaults and rejects nonsense early, with a message naming the option. */
export function resolveSandboxOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const resolved: ResolvedSandboxOptions = {
    port: options.port ?? sandboxDefaults.port,
    apiKey: options.apiKey,
    jobDurationMs: options.jobDurationMs ?? sandboxDefaults.jobDurationMs,
    queueTimeMs: options.queueTimeMs ?? sandboxDefaults.queueTimeMs,
    retentionMs: options.retentionMs ?? sandboxDefaults.retentionMs,
    imageScale: options.imageScale ?? sandboxDefaults.imageScale,
    callbackRetryDelaysMs: options.callbackRetryDelaysMs ?? sandboxDefaults.callbackRetryDelaysMs,
    callbackTimeoutMs: options.callbackTimeoutMs ?? sandboxDefaults.callbackTimeoutMs,
    balance: options.balance ?? sandboxDefaults.balance,
    rateLimitResetMs: options.rateLimitResetMs ?? sandboxDefaults.rateLimitResetMs,
  };
  if (resolved.apiKey === '') throw new TypeError('startSandbox: apiKey must not be empty (omit it to accept any key)');
  checkDuration('jobDurationMs', resolved.jobDurationMs);
  checkDuration('queueTimeMs', resolved.queueTimeMs);
  if (resolved.imageScale !== 'auto' && !(resolved.imageScale >= 1)) {
    throw new TypeError("startSandbox: imageScale must be a number >= 1 or 'auto'");
  }
  for (const delay of resolved.callbackRetryDelaysMs) checkDuration('callbackRetryDelaysMs', delay);
  return resolved;
}

function checkDuration(name: string, setting: DurationSetting): void {
  const valid = typeof setting === 'number'
    ? Number.isFinite(setting) && setting >= 0
    : Number.isFinite(setting.min) && Number.isFinite(setting.max) && setting.min >= 0 && setting.max >= setting.min;
  if (!valid) throw new TypeError(`startSandbox: ${name} must be a number >= 0 or { min, max } with 0 <= min <= max`);
}
