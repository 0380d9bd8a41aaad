import type { FaultQueue, FaultRule } from './faults';
import { isRecord, jsonReply } from './http-replies';
import type { CallbackDelivery } from './callback-delivery';
import type { JobStore } from './job-store';
import type { RequestLog } from './request-log';
import type { RouteReply } from './sandbox-types';

/** What the admin routes control. */
export interface AdminTargets {
  faults: FaultQueue;
  log: RequestLog;
  jobs: JobStore;
  callbacks: CallbackDelivery;
  reset: () => void;
}

/** Admin routes live under this prefix; they are not recorded and never faulted. */
export const adminPrefix = '/_sandbox';

const faultTypes = ['status', 'reset', 'delay-headers', 'malformed-json', 'html'];

/**
 * The same controls as the programmatic API, over HTTP, for a sandbox running in another process:
 * `GET /_sandbox/requests`, `GET /_sandbox/jobs`, `GET /_sandbox/callbacks`,
 * `POST /_sandbox/faults` (a fault rule or an array of them), `POST /_sandbox/reset`.
 */
export function handleAdmin(targets: AdminTargets, method: string, pathname: string, bodyText: string): RouteReply {
  const action = `${method} ${pathname.slice(adminPrefix.length)}`;
  if (action === 'GET /requests') return jsonReply(200, targets.log.list());
  if (action === 'GET /callbacks') return jsonReply(200, targets.callbacks.attempts());
  if (action === 'GET /jobs') {
    return jsonReply(200, {
      segmind: targets.jobs.countCreated('segmind'),
      apixo: targets.jobs.countCreated('apixo'),
      minimax: targets.jobs.countCreated('minimax'),
    });
  }
  if (action === 'POST /reset') {
    targets.reset();
    return jsonReply(200, { reset: true });
  }
  if (action === 'POST /faults') {
    const rules = parseRules(bodyText);
    if (rules === undefined) return jsonReply(400, { error: `Expected a fault rule { fault: { type: ${faultTypes.join(' | ')} } } or an array of them` });
    targets.faults.push(...rules);
    return jsonReply(200, { queued: rules.length });
  }
  return jsonReply(404, { error: 'Unknown admin route' });
}

function parseRules(bodyText: string): FaultRule[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const valid = list.every((rule) => isRecord(rule) && isRecord(rule.fault) &&
    typeof rule.fault.type === 'string' && faultTypes.includes(rule.fault.type));
  return valid && list.length > 0 ? (list as FaultRule[]) : undefined;
}
