import type { SandboxOptions } from './sandbox-options';
import { startSandbox } from './start-sandbox';
import type { Sandbox } from './start-sandbox';

/** Options of {@link runSandboxForeground}. */
export interface ForegroundSandboxOptions extends SandboxOptions {
  /** Where the banner goes. Default: standard output. */
  write?: (text: string) => void;
  /** Stops the sandbox when aborted, as SIGINT/SIGTERM do. Default: none. */
  signal?: AbortSignal;
  /** Called once the sandbox listens. Default: none. */
  onReady?: (sandbox: Sandbox) => void;
}

/**
 * Starts a sandbox, prints its base URLs and keeps it running until SIGINT, SIGTERM or the
 * `signal` aborts; resolves once it has closed. Backs `npm run sandbox` and `imagegate sandbox`.
 */
export async function runSandboxForeground(options: ForegroundSandboxOptions = {}): Promise<void> {
  const { write = (text: string) => void process.stdout.write(text), signal, onReady, ...sandboxOptions } = options;
  const sandbox = await startSandbox(sandboxOptions);
  write([
    `imagegate sandbox listening on ${sandbox.url}`,
    `  segmind  baseUrl: ${sandbox.baseUrls.segmind}`,
    `  apixo    baseUrl: ${sandbox.baseUrls.apixo}`,
    `  minimax  baseUrl: ${sandbox.baseUrls.minimax}`,
    `  admin: GET ${sandbox.url}/_sandbox/requests, POST ${sandbox.url}/_sandbox/faults`,
    sandboxOptions.apiKey === undefined ? '  any non-empty API key is accepted' : '  only the configured API key is accepted',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'));
  onReady?.(sandbox);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted === true) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  await sandbox.close();
  write('imagegate sandbox stopped\n');
}
