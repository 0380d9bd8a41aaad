import { ImageClient } from '../core/client';
import { ImagegateError } from '../core/errors';
import type { ImageRequest } from '../core/request';
import { parseCliArguments, usage, UsageError, type CliArguments } from './cli-arguments';
import { formatTable, saveImages } from './cli-output';
import { cliProvider } from './cli-providers';

export interface CliIo {
  write(text: string): void;
  writeError(text: string): void;
}

const standardIo: CliIo = {
  write: (text) => void process.stdout.write(text),
  writeError: (text) => void process.stderr.write(text),
};

/** Runs one CLI command; resolves the exit code (0 ok, 1 failed, 2 bad command line). */
export async function runCli(argv: readonly string[], io: CliIo = standardIo): Promise<number> {
  let parsed: CliArguments;
  try {
    parsed = parseCliArguments(argv);
  } catch (error) {
    io.writeError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  if (parsed.command === 'help') {
    io.write(`${usage}\n`);
    return 0;
  }
  try {
    if (parsed.command === 'sandbox') {
      const { runSandboxForeground } = await import('../testing');
      await runSandboxForeground({ ...(parsed.port === undefined ? {} : { port: parsed.port }), ...(parsed.apiKey === undefined ? {} : { apiKey: parsed.apiKey }), write: io.write });
      return 0;
    }
    await runClientCommand(parsed, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.writeError(`${error.message}\n`);
      return 2;
    }
    if (parsed.json && error instanceof ImagegateError) io.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
    else io.writeError(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    return 1;
  }
}

async function runClientCommand(parsed: CliArguments, io: CliIo): Promise<void> {
  const sandbox = parsed.sandbox ? await (await import('../testing')).startSandbox() : undefined;
  const client = new ImageClient({ provider: cliProvider(parsed.provider, sandbox?.baseUrls[parsed.provider]) });
  const subject = parsed.subject ?? '';
  try {
    if (parsed.command === 'status') {
      const status = await client.job(subject, parsed.model === undefined ? {} : { model: parsed.model }).status();
      io.write(parsed.json ? `${JSON.stringify(status, null, 2)}\n` : `${status.state}${status.error ? `: ${status.error}` : ''}\n`);
      return;
    }
    const onStatus = parsed.json ? undefined : (status: { state: string }) => io.writeError(`${status.state}\n`);
    // The sandbox finishes jobs in well under a second: poll it often instead of at provider pace.
    const polling = sandbox ? { polling: { initialDelayMs: 100, intervalMs: 100, backoffFactor: 1 } } : {};
    const result =
      parsed.command === 'wait'
        ? await client.job(subject, parsed.model === undefined ? {} : { model: parsed.model }).wait({ ...polling, ...(onStatus ? { onStatus } : {}) })
        : await client.generate(generateRequest(parsed), {
            ...polling,
            ...(onStatus ? { onStatus } : {}),
            onSubmitted: (job) => io.writeError(`submitted ${JSON.stringify(job.toJSON())}\n`),
          });
    const paths = await saveImages(result, parsed.out);
    if (parsed.json) {
      io.write(`${JSON.stringify({ ...result, raw: undefined, files: paths }, null, 2)}\n`);
      return;
    }
    io.write(`${formatTable([['provider', 'model', 'id', 'images', 'ms', 'file'], ...paths.map((path) => [result.provider, result.model, result.id, String(result.images.length), String(result.timings.totalMs), path])])}\n`);
  } finally {
    await client.close();
    await sandbox?.close();
  }
}

function generateRequest(parsed: CliArguments): ImageRequest {
  const request: Record<string, unknown> = { prompt: parsed.subject ?? '' };
  if (parsed.model !== undefined) request['model'] = parsed.model;
  if (parsed.n !== undefined) request['n'] = parsed.n;
  if (parsed.aspectRatio !== undefined) request['aspectRatio'] = parsed.aspectRatio;
  // Runtime validation is the authority: a bad value here gets the full ValidationError.
  return request as unknown as ImageRequest;
}
