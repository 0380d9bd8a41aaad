import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const megabyte = 1024 * 1024;
const sampleEveryMs = 25;

/** What one measured run cost this process. */
export interface ResourceUse {
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
  peakRssMb: number;
  /** Peak RSS minus RSS when the run started. */
  rssDeltaMb: number;
  peakHeapDeltaMb: number;
  /** Event-loop utilization over the run (0–1): near 1 means the client was CPU-bound. */
  eventLoopUtilization: number;
  clientSockets: number;
}

/**
 * Measures `run` in this process: CPU (`process.cpuUsage` delta), wall time, peak RSS
 * (`resourceUsage().maxRSS`, the kernel's high-water mark) and its rise over the RSS at the start,
 * peak heap above a post-GC baseline (sampled every 25 ms), event-loop utilization, and sockets the client connected (`undici:client:connected`, which both
 * undici and Node's global fetch publish).
 */
export async function measure<T>(run: () => Promise<T>): Promise<{ value: T; use: ResourceUse }> {
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  collectGarbage?.();
  const { heapUsed: heapBefore, rss: rssBefore } = process.memoryUsage();
  let peakHeap = heapBefore;
  let clientSockets = 0;
  const onConnected = (): void => {
    clientSockets += 1;
  };
  subscribe('undici:client:connected', onConnected);
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, sampleEveryMs);
  const loopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  try {
    const value = await run();
    const wallMs = performance.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    const loop = performance.eventLoopUtilization(loopBefore);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    return {
      value,
      use: {
        cpuUserMs: cpu.user / 1000,
        cpuSystemMs: cpu.system / 1000,
        wallMs,
        peakRssMb: maxRss / megabyte,
        rssDeltaMb: (maxRss - rssBefore) / megabyte,
        eventLoopUtilization: loop.utilization,
        peakHeapDeltaMb: (peakHeap - heapBefore) / megabyte,
        clientSockets,
      },
    };
  } finally {
    clearInterval(sampler);
    unsubscribe('undici:client:connected', onConnected);
  }
}
