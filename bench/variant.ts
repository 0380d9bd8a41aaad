/**
 * One benchmark variant in its own process, so CPU and memory figures do not bleed between
 * variants. Usage: `node --expose-gc --import tsx bench/variant.ts '<VariantConfig JSON>'`.
 * Prints one line: `BENCH_RESULT {VariantReport JSON}`.
 */
import { startSandbox } from 'imagegate/testing';
import { runBaselineJob } from './baseline-loop';
import { resultMarker } from './bench-types';
import type { Completion, VariantConfig, VariantReport } from './bench-types';
import { benchClient, runImagegateJob } from './imagegate-job';
import { measure } from './resource-meter';
import { jobPrompt } from './workload';

const keptFailures = 5;
const warmUpJobs = 50;

/** Runs `prompts` through the variant's code path; returns each job's outcome. */
async function runJobs(config: VariantConfig, prompts: readonly string[]): Promise<PromiseSettledResult<Completion>[]> {
  const client = config.variant === 'baseline' ? undefined : benchClient(config);
  try {
    return await Promise.allSettled(prompts.map((prompt, index) => {
      if (client !== undefined) return runImagegateJob(client, prompt, index, config.jobTimeoutMs);
      return runBaselineJob(config.provider, { baseUrl: config.baseUrl, apiKey: config.apiKey, prompt, index, intervalMs: config.intervalMs, timeoutMs: config.jobTimeoutMs });
    }));
  } finally {
    await client?.close();
  }
}

/**
 * Warms the same code path (module loading, JIT, fetch's lazy load) against a private sandbox in
 * this process, then closes it, so the measured run starts warm and with no pooled sockets.
 */
async function warmUp(config: VariantConfig): Promise<void> {
  const sandbox = await startSandbox({ apiKey: config.apiKey, imageScale: 4096, queueTimeMs: 0, jobDurationMs: 20 });
  try {
    const prompts = Array.from({ length: warmUpJobs }, (_, index) => `warm-up ${index}`);
    const outcomes = await runJobs({ ...config, baseUrl: sandbox.baseUrls[config.provider], intervalMs: 20 }, prompts);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw new Error(`warm-up failed: ${String(failure.reason)}`);
  } finally {
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as VariantConfig;
  await warmUp(config);
  const prompts = Array.from({ length: config.jobs }, (_, index) => jobPrompt(config.variant, index));
  const { value: settled, use } = await measure(() => runJobs(config, prompts));
  const completions: Completion[] = [];
  const failures: string[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') completions.push(outcome.value);
    else failures.push(outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason));
  }
  const report: VariantReport = {
    variant: config.variant,
    provider: config.provider,
    jobs: config.jobs,
    completions,
    failures: failures.slice(0, keptFailures),
    failedCount: failures.length,
    ...use,
  };
  process.stdout.write(`${resultMarker}${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
