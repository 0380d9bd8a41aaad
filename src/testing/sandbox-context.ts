import type { ApixoBalance } from './apixo-balance';
import type { CallbackDelivery } from './callback-delivery';
import type { ImageFiles } from './image-files';
import type { JobStore } from './job-store';
import type { ResolvedSandboxOptions } from './sandbox-options';
import type { RouteReply, SandboxExchange, SandboxRoute } from './sandbox-types';
import type { Scheduler } from './scheduler';

/** The state every route shares. */
export interface SandboxContext {
  options: ResolvedSandboxOptions;
  jobs: JobStore;
  images: ImageFiles;
  scheduler: Scheduler;
  callbacks: CallbackDelivery;
  balance: ApixoBalance;
}

/** One provider's request handling; `route` is `null` for a path under its prefix that it does not serve. */
export type ProviderHandler = (
  route: SandboxRoute | null,
  exchange: SandboxExchange,
) => RouteReply | Promise<RouteReply>;
