import { benchProviders, variantNames } from './bench-types';
import type { BenchProvider, VariantName } from './bench-types';

/** Command-line options of `bench/run-bench.ts`. */
export interface BenchOptions {
  /** Providers to run, one table each. Default `['segmind']`; `--provider all` runs the three. */
  providers: BenchProvider[];
  /** Concurrent jobs per variant. Default 1000; `--quick` makes it 100. */
  jobs: number;
  /** Variants to run, in order. Default all three. */
  variants: VariantName[];
  /** Fixed polling interval for imagegate and the baseline. Default 100 ms. */
  intervalMs: number;
}

export const benchUsage = `Usage: npx tsx bench/run-bench.ts [--quick] [--jobs N] [--provider segmind|apixo|minimax|all]
                                [--variants imagegate,baseline,imagegate-fetch] [--interval-ms MS]`;

/** Parses argv (without node and script); throws a TypeError naming the bad flag. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { providers: ['segmind'], jobs: 1000, variants: [...variantNames], intervalMs: 100 };
  let jobsGiven = false;
  let quick = false;
  for (let position = 0; position < argv.length; position += 1) {
    const flag = argv[position];
    const valueOf = (): string => {
      const value = argv[position + 1];
      if (value === undefined) throw new TypeError(`${flag} needs a value`);
      position += 1;
      return value;
    };
    if (flag === '--quick') quick = true;
    else if (flag === '--jobs') {
      options.jobs = positiveInteger('--jobs', valueOf(), 20_000);
      jobsGiven = true;
    } else if (flag === '--provider') options.providers = providersFrom(valueOf());
    else if (flag === '--variants') options.variants = variantsFrom(valueOf());
    else if (flag === '--interval-ms') options.intervalMs = positiveInteger('--interval-ms', valueOf(), 10_000);
    else if (flag === '--help' || flag === '-h') throw new TypeError(benchUsage);
    else throw new TypeError(`unknown option ${String(flag)}\n${benchUsage}`);
  }
  if (quick && !jobsGiven) options.jobs = 100;
  return options;
}

function positiveInteger(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new TypeError(`${flag} must be an integer from 1 to ${max}`);
  return value;
}

function providersFrom(text: string): BenchProvider[] {
  if (text === 'all') return [...benchProviders];
  const provider = benchProviders.find((name) => name === text);
  if (provider === undefined) throw new TypeError(`--provider must be one of ${benchProviders.join(', ')} or all`);
  return [provider];
}

function variantsFrom(text: string): VariantName[] {
  return text.split(',').map((part) => {
    const variant = variantNames.find((name) => name === part.trim());
    if (variant === undefined) throw new TypeError(`--variants takes a comma list of ${variantNames.join(', ')}`);
    return variant;
  });
}
