import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from 'imagegate/testing';

/**
 * Every TypeScript example in README.md runs, as a user would run it, against the sandbox: keys and
 * base URLs come from the same environment variables a user sets. A block preceded by
 * `<!-- readme-test: skip (reason) -->` is not run; the reason must name where it is tested instead.
 */
const run = promisify(execFile);
const repository = resolve(import.meta.dirname, '..');

function readmeExamples(markdown: string): { line: number; code: string }[] {
  const examples: { line: number; code: string }[] = [];
  const pattern = /(<!-- readme-test: skip[^>]*-->\n)?```ts\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(pattern)) {
    if (match[1]) continue;
    examples.push({ line: markdown.slice(0, match.index).split('\n').length, code: match[2] ?? '' });
  }
  return examples;
}

let sandbox: Sandbox;
let folder: string;
const examples = readmeExamples(await readFile(join(repository, 'README.md'), 'utf8'));

beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 40, queueTimeMs: 10, callbackRetryDelaysMs: [] });
  folder = await mkdtemp(join(tmpdir(), 'imagegate-readme-'));
});
afterAll(async () => {
  await sandbox.close();
  await rm(folder, { recursive: true, force: true });
});

describe('README examples', () => {
  it('has examples to run, and every skipped one says where it is tested', async () => {
    const markdown = await readFile(join(repository, 'README.md'), 'utf8');
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const skip of markdown.matchAll(/<!-- readme-test: skip \(([^)]*)\) -->/g)) expect(skip[1]).toMatch(/\.ts\b/);
  });

  it.concurrent.for(examples)('runs the example at README.md line $line', { timeout: 60_000 }, async ({ line, code }, { expect }) => {
    const file = join(folder, `readme-line-${line}.mts`);
    await writeFile(file, code);
    const environment = {
      ...process.env,
      TSX_TSCONFIG_PATH: join(repository, 'tsconfig.json'),
      SEGMIND_API_KEY: 'readme-key',
      APIXO_API_KEY: 'readme-key',
      MINIMAX_API_KEY: 'readme-key',
      SEGMIND_BASE_URL: sandbox.baseUrls.segmind,
      APIXO_BASE_URL: sandbox.baseUrls.apixo,
      MINIMAX_BASE_URL: sandbox.baseUrls.minimax,
      // Callbacks go to a closed loopback port: never to an outside host.
      PUBLIC_CALLBACK_URL: 'http://127.0.0.1:9/webhooks/apixo',
    };
    const outcome = await run(process.execPath, ['--import', join(repository, 'node_modules/tsx/dist/esm/index.mjs'), file], {
      cwd: folder,
      env: environment,
      timeout: 55_000,
    }).catch((error: { code?: number; stderr?: string }) => ({ stdout: '', stderr: `exit ${String(error.code)}: ${error.stderr ?? ''}` }));
    expect(outcome.stderr).toBe('');
  });
});
