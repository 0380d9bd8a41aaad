import type { RecordedRequest } from 'imagegate/testing';
import { variantLabels } from './bench-types';
import type { BenchProvider, VariantReport } from './bench-types';
import { jobIndexOf, plannedFinish } from './workload';

/** Requests per job, by the sandbox's route names. */
export interface RoutesPerJob {
  submit: number;
  status: number;
  result: number;
  other: number;
}

/** One row of the table. */
export interface VariantSummary {
  label: string;
  jobs: number;
  completed: number;
  cpuPerJobMs: number;
  peakRssMb: number;
  rssDeltaMb: number;
  peakHeapDeltaMb: number;
  eventLoopUtilization: number;
  sandboxCpuMs: number;
  requestsPerJob: number;
  routesPerJob: RoutesPerJob;
  serverSockets: number;
  peakOpenSockets: number;
  clientSockets: number;
  wallMs: number;
  lagP50Ms: number | undefined;
  lagP95Ms: number | undefined;
  lagMaxMs: number | undefined;
  /** APIXO: mean of `createTime` minus the submit's arrival; the error of the arrival-based estimate. */
  createSkewMs: number | undefined;
  failures: string[];
}

/** What the parent observed server-side while the variant ran. */
export interface ServerObservation {
  requests: readonly RecordedRequest[];
  serverSockets: number;
  peakOpenSockets: number;
  /** CPU the parent (in effect: the sandbox) used while the variant ran. */
  sandboxCpuMs: number;
}

/** Combines the child's report with the sandbox's records into one table row. */
export function summarize(report: VariantReport, server: ServerObservation): VariantSummary {
  const routes: RoutesPerJob = { submit: 0, status: 0, result: 0, other: 0 };
  const submitArrivals = new Map<number, number>();
  for (const request of server.requests) {
    const route = request.route === 'submit' || request.route === 'status' || request.route === 'result' ? request.route : 'other';
    routes[route] += 1;
    const index = request.route === 'submit' ? jobIndexOf(promptOf(report.provider, request.body)) : undefined;
    // The first arrival: a retried submit (none expected without faults) would make this an overestimate of lag.
    if (index !== undefined && !submitArrivals.has(index)) submitArrivals.set(index, request.receivedAt);
  }
  const lags: number[] = [];
  const skews: number[] = [];
  for (const completion of report.completions) {
    const arrival = submitArrivals.get(completion.index);
    if (arrival !== undefined && completion.createTime !== undefined) skews.push(completion.createTime - arrival);
    const finishedAt = completion.completeTime ?? (arrival === undefined ? undefined : plannedFinish(completion.index, arrival));
    if (finishedAt !== undefined) lags.push(completion.resultAt - finishedAt);
  }
  lags.sort((left, right) => left - right);
  const perJob = (count: number): number => count / report.jobs;
  return {
    label: variantLabels[report.variant],
    jobs: report.jobs,
    completed: report.completions.length,
    cpuPerJobMs: (report.cpuUserMs + report.cpuSystemMs) / report.jobs,
    peakRssMb: report.peakRssMb,
    rssDeltaMb: report.rssDeltaMb,
    peakHeapDeltaMb: report.peakHeapDeltaMb,
    eventLoopUtilization: report.eventLoopUtilization,
    sandboxCpuMs: server.sandboxCpuMs,
    requestsPerJob: perJob(server.requests.length),
    routesPerJob: { submit: perJob(routes.submit), status: perJob(routes.status), result: perJob(routes.result), other: perJob(routes.other) },
    serverSockets: server.serverSockets,
    peakOpenSockets: server.peakOpenSockets,
    clientSockets: report.clientSockets,
    wallMs: report.wallMs,
    lagP50Ms: percentile(lags, 0.5),
    lagP95Ms: percentile(lags, 0.95),
    lagMaxMs: lags.at(-1),
    createSkewMs: skews.length === 0 ? undefined : skews.reduce((sum, skew) => sum + skew, 0) / skews.length,
    failures: report.failedCount === 0 ? [] : [`${report.failedCount} failed, e.g. ${report.failures.join(' | ')}`],
  };
}

/** The prompt inside a recorded submit body, in the provider's wire shape. */
function promptOf(provider: BenchProvider, body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  if (provider === 'apixo') {
    const input = (body as { input?: unknown }).input;
    return typeof input === 'object' && input !== null ? (input as { prompt?: unknown }).prompt : undefined;
  }
  return (body as { prompt?: unknown }).prompt;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
