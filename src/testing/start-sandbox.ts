import { ApixoBalance } from './apixo-balance';
import { apixoPricePerImage } from './apixo-models';
import { apixoHandler } from './apixo-routes';
import { CallbackDelivery } from './callback-delivery';
import type { CallbackAttempt } from './callback-delivery';
import { FaultQueue } from './faults';
import type { FaultRule, PendingFault } from './faults';
import { ImageFiles } from './image-files';
import { JobStore } from './job-store';
import { minimaxHandler } from './minimax-routes';
import { RequestLog } from './request-log';
import type { RecordedRequest, RequestFilter } from './request-log';
import type { SandboxContext } from './sandbox-context';
import { resolveSandboxOptions } from './sandbox-options';
import type { SandboxOptions } from './sandbox-options';
import { createSandboxServer } from './sandbox-server';
import type { SandboxProvider } from './sandbox-types';
import { Scheduler } from './scheduler';
import { segmindHandler } from './segmind-routes';

/** Values for each provider factory's `baseUrl` option. */
export interface SandboxBaseUrls {
  /** `${url}/segmind`: the SDK calls `/v2/{model}`, `/v2/requests/{id}/status`, `/v2/requests/{id}`. */
  segmind: string;
  /** `${url}/apixo`: the SDK calls `/api/v1/generateTask/{model}`, `/api/v1/statusTask/{model}`, `/api/v1/apikeys/current-balance`. */
  apixo: string;
  /** `${url}/minimax`: the SDK calls `/v1/image_generation`. */
  minimax: string;
}

/** Queue of HTTP faults to inject. */
export interface SandboxFaults {
  /** Queues fault rules; each hits the next matching request(s). */
  push(...rules: FaultRule[]): void;
  /** Drops every queued rule. */
  clear(): void;
  /** Rules not yet used up, with their remaining counts. */
  pending(): readonly PendingFault[];
}

/** A running sandbox and its controls. */
export interface Sandbox {
  /** `http://127.0.0.1:{port}`. */
  readonly url: string;
  readonly port: number;
  readonly baseUrls: SandboxBaseUrls;
  /** Injected HTTP faults: `sandbox.faults.push({ provider: 'segmind', route: 'status', fault: { type: 'status', status: 503 } })`. */
  readonly faults: SandboxFaults;
  /** Snapshot of every request received (admin routes excepted), oldest first. Headers are not redacted. */
  readonly requests: readonly RecordedRequest[];
  /** Recorded requests that match the filter. */
  recordedRequests(filter?: RequestFilter): RecordedRequest[];
  /** Jobs created (Segmind requests, APIXO tasks, MiniMax generations) for one provider or all. */
  jobsCreated(provider?: SandboxProvider): number;
  /** APIXO callback attempts, oldest first. */
  callbackAttempts(): CallbackAttempt[];
  /** The APIXO balance in USD as `current-balance` reports it. */
  apixoBalance(): number;
  setApixoBalance(amount: number): void;
  /** Clears recorded requests, job counts, callback attempts and queued faults (jobs themselves stay). */
  reset(): void;
  /** Stops the server, closes keep-alive sockets and clears every timer. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts a sandbox on 127.0.0.1 that speaks Segmind, APIXO and MiniMax wire formats. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveSandboxOptions(options);
  const scheduler = new Scheduler();
  const context: SandboxContext = {
    options: resolved,
    jobs: new JobStore(),
    images: new ImageFiles(resolved.imageScale),
    scheduler,
    callbacks: new CallbackDelivery(scheduler, resolved.callbackRetryDelaysMs, resolved.callbackTimeoutMs),
    balance: new ApixoBalance(resolved.balance, apixoPricePerImage),
  };
  const faults = new FaultQueue();
  const log = new RequestLog();
  const reset = (): void => {
    log.clear();
    faults.clear();
    context.jobs.resetCounts();
    context.callbacks.clear();
  };
  let baseUrls: SandboxBaseUrls | undefined;
  const server = createSandboxServer({
    context,
    faults,
    log,
    jobs: context.jobs,
    callbacks: context.callbacks,
    reset,
    handlers: { segmind: segmindHandler(context), apixo: apixoHandler(context), minimax: minimaxHandler(context) },
    describe: () => ({ name: 'imagegate sandbox', baseUrls }),
    defaultOrigin: () => url,
  });
  let url = 'http://127.0.0.1';
  const port = await listen(server, resolved.port);
  url = `http://127.0.0.1:${port}`;
  baseUrls = { segmind: `${url}/segmind`, apixo: `${url}/apixo`, minimax: `${url}/minimax` };
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    baseUrls,
    faults,
    get requests() {
      return log.list();
    },
    recordedRequests: (filter) => log.list(filter),
    jobsCreated: (provider) => context.jobs.countCreated(provider),
    callbackAttempts: () => context.callbacks.attempts(),
    apixoBalance: () => context.balance.amount(),
    setApixoBalance: (amount) => context.balance.set(amount),
    reset,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        scheduler.close();
        context.callbacks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen(server: ReturnType<typeof createSandboxServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('sandbox: no TCP address'));
      else resolve(address.port);
    });
  });
}
