import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resultMarker } from './bench-types';
import type { VariantConfig, VariantReport } from './bench-types';

const variantEntry = fileURLToPath(new URL('./variant.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs one variant in a fresh `node --expose-gc --import tsx` process (cwd: the repository, so tsx
 * finds tsconfig.json and its `imagegate` paths) and returns the report it printed. The child is
 * killed if it outlives `timeoutMs`.
 */
export function spawnVariant(config: VariantConfig, timeoutMs: number): Promise<VariantReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', variantEntry, JSON.stringify(config)], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith(resultMarker));
      if (line === undefined) {
        reject(new Error(`variant ${config.variant} exited (code ${String(code)}, signal ${String(signal)}) without a result`));
        return;
      }
      resolve(JSON.parse(line.slice(resultMarker.length)) as VariantReport);
    });
  });
}
