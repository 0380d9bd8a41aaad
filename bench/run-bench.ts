/**
 * `npm run bench`: the same concurrent workload through imagegate (default undici transport), a
 * hand-written global-fetch polling loop, and imagegate with global fetch injected, each variant in
 * a fresh child process, against one sandbox on 127.0.0.1 that runs here in the parent (so the
 * sandbox's own CPU and memory never count against a client). See bench/README.md.
 */
import { cpus } from 'node:os';
import { startSandbox } from 'imagegate/testing';
import type { Sandbox } from 'imagegate/testing';
import { runBaselineJob } from './baseline-loop';
import { parseBenchOptions } from './bench-options';
import type { BenchOptions } from './bench-options';
import { variantLabels } from './bench-types';
import type { BenchProvider, VariantConfig } from './bench-types';
import { renderTable } from './report-table';
import { ServerSocketCounter } from './server-sockets';
import { spawnVariant } from './spawn-variant';
import { summarize } from './variant-summary';
import type { VariantSummary } from './variant-summary';
import { jobDurationMs, queueMs } from './workload';

const apiKey = 'bench-key';
const jobTimeoutMs = 30_000;
const warmUpJobs = 20;
const sandboxImageScale = 4096;

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  await warmUp(options.providers);
  const counter = new ServerSocketCounter();
  counter.start();
  // imageScale 4096 encodes 1 px PNGs: at the default 256 px each result costs the sandbox ~9 ms of CPU, which
  // would make the sandbox, not the client, the bottleneck (clients never download the images here).
  const sandbox = await startSandbox({ apiKey, queueTimeMs: queueMs, jobDurationMs: { min: 200, max: 600 }, imageScale: sandboxImageScale });
  let failed = false;
  try {
    for (const provider of options.providers) {
      const rows: VariantSummary[] = [];
      for (const variant of options.variants) {
        const config: VariantConfig = { variant, provider, jobs: options.jobs, baseUrl: sandbox.baseUrls[provider], apiKey, intervalMs: options.intervalMs, jobTimeoutMs };
        process.stderr.write(`bench: ${provider} · ${variantLabels[variant]} · ${options.jobs} jobs…\n`);
        const row = await runVariant(sandbox, counter, config);
        if (row.completed !== row.jobs) failed = true;
        rows.push(row);
      }
      console.log(`\n${renderTable(provider, heading(provider, options), rows)}\n`);
    }
  } finally {
    await sandbox.close();
    counter.stop();
  }
  if (failed) process.exitCode = 1;
}

/** One variant: clean sandbox records, fresh socket count, a child process, then one row. */
async function runVariant(sandbox: Sandbox, counter: ServerSocketCounter, config: VariantConfig): Promise<VariantSummary> {
  await waitForIdleSockets(counter);
  sandbox.reset();
  counter.restart();
  const cpuBefore = process.cpuUsage();
  const report = await spawnVariant(config, jobTimeoutMs + 60_000 + config.jobs * 20);
  const cpu = process.cpuUsage(cpuBefore);
  const row = summarize(report, {
    requests: sandbox.requests,
    serverSockets: counter.opened,
    peakOpenSockets: counter.peakOpen,
    sandboxCpuMs: (cpu.user + cpu.system) / 1000,
  });
  const created = sandbox.jobsCreated(config.provider);
  if (created !== config.jobs) row.failures.push(`the sandbox created ${created} jobs for ${config.jobs} submitted`);
  return row;
}

/** Sockets of the previous child close when it exits; wait (briefly) until the server saw that. */
async function waitForIdleSockets(counter: ServerSocketCounter): Promise<void> {
  for (let attempt = 0; attempt < 100 && counter.open > 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs a few quick jobs through a throw-away sandbox so the first variant does not meet cold sandbox code. */
async function warmUp(providers: readonly BenchProvider[]): Promise<void> {
  const sandbox = await startSandbox({ apiKey, imageScale: sandboxImageScale });
  try {
    for (const provider of providers) {
      await Promise.all(Array.from({ length: warmUpJobs }, (_, index) =>
        runBaselineJob(provider, { baseUrl: sandbox.baseUrls[provider], apiKey, prompt: `warm-up ${index} [queue:0] [duration:20]`, index, intervalMs: 20, timeoutMs: 10_000 })));
    }
  } finally {
    await sandbox.close();
  }
}

function heading(provider: BenchProvider, options: BenchOptions): string {
  const durations = Array.from({ length: options.jobs }, (_, index) => jobDurationMs(index));
  return `${provider}: ${options.jobs} concurrent jobs per variant · poll every ${options.intervalMs} ms · ` +
    `sandbox queue ${queueMs} ms + run ${Math.min(...durations)}–${Math.max(...durations)} ms · ` +
    `node ${process.version}, ${cpus().length} CPUs, each variant in its own process`;
}

await main();
