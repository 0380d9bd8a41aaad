import { parseArgs } from 'node:util';

export const usage = `Usage:
  imagegate generate "<prompt>" [--provider segmind|apixo|minimax] [--model M] [-n N]
                     [--aspect-ratio R] [--out DIR] [--sandbox] [--json]
  imagegate status <id> --provider P [--model M] [--json]
  imagegate wait <id> --provider P [--model M] [--out DIR] [--json]
  imagegate sandbox [--port N] [--api-key KEY]

Keys come from SEGMIND_API_KEY, APIXO_API_KEY or MINIMAX_API_KEY. --sandbox runs against a local
sandbox server (no key needed). Images are saved under --out (default ./out).`;

export const providerNames = ['segmind', 'apixo', 'minimax'] as const;
export type ProviderName = (typeof providerNames)[number];

export interface CliArguments {
  command: 'generate' | 'status' | 'wait' | 'sandbox' | 'help';
  /** The prompt (generate) or job id (status, wait). */
  subject?: string;
  provider: ProviderName;
  model?: string;
  n?: number;
  aspectRatio?: string;
  out: string;
  sandbox: boolean;
  json: boolean;
  port?: number;
  apiKey?: string;
}

/** Thrown for bad command lines: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function parseCliArguments(argv: readonly string[]): CliArguments {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      provider: { type: 'string', short: 'p' },
      model: { type: 'string', short: 'm' },
      n: { type: 'string', short: 'n' },
      'aspect-ratio': { type: 'string' },
      out: { type: 'string', short: 'o' },
      sandbox: { type: 'boolean' },
      json: { type: 'boolean' },
      port: { type: 'string' },
      'api-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command = 'help', subject] = positionals;
  if (values.help || command === 'help') return { command: 'help', provider: 'segmind', out: 'out', sandbox: false, json: false };
  if (!['generate', 'status', 'wait', 'sandbox'].includes(command)) throw new UsageError(`Unknown command '${command}'.`);
  const provider = values.provider ?? 'segmind';
  if (!(providerNames as readonly string[]).includes(provider)) throw new UsageError(`--provider must be one of ${providerNames.join(', ')}.`);
  if (command !== 'sandbox' && (subject === undefined || subject.trim() === '')) {
    throw new UsageError(command === 'generate' ? 'generate needs a prompt.' : `${command} needs a job id.`);
  }
  if ((command === 'status' || command === 'wait') && values.provider === undefined) throw new UsageError(`${command} needs --provider.`);
  const parsed: CliArguments = {
    command: command as CliArguments['command'],
    provider: provider as ProviderName,
    out: values.out ?? 'out',
    sandbox: values.sandbox ?? false,
    json: values.json ?? false,
  };
  if (subject !== undefined) parsed.subject = subject;
  if (values.model !== undefined) parsed.model = values.model;
  if (values['aspect-ratio'] !== undefined) parsed.aspectRatio = values['aspect-ratio'];
  if (values['api-key'] !== undefined) parsed.apiKey = values['api-key'];
  if (values.n !== undefined) parsed.n = wholeNumber(values.n, '-n');
  if (values.port !== undefined) parsed.port = wholeNumber(values.port, '--port');
  return parsed;
}

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be a whole number, got '${text}'.`);
  return value;
}
