import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from 'vitest';

/**
 * Every script in examples/ runs as a user would run it (`npx tsx examples/NAME.ts`) with no API keys
 * set, so each falls back to the local sandbox. The demo has its own test (test/integration/demo.test.ts).
 */
const run = promisify(execFile);
const repository = resolve(import.meta.dirname, '..');
const examples = (await readdir(join(repository, 'examples'))).filter((file) => file.endsWith('.ts') && file !== 'demo.ts');

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imagegate-examples-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('examples', () => {
  it.concurrent.for(examples)('%s runs to completion without keys', { timeout: 60_000 }, async (file, { expect }) => {
    const environment: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: join(repository, 'tsconfig.json') };
    for (const name of ['SEGMIND_API_KEY', 'APIXO_API_KEY', 'MINIMAX_API_KEY', 'PUBLIC_CALLBACK_URL']) delete environment[name];
    const outcome = await run(process.execPath, ['--import', join(repository, 'node_modules/tsx/dist/esm/index.mjs'), join(repository, 'examples', file)], {
      cwd: folder,
      env: environment,
      timeout: 55_000,
    }).catch((error: { code?: number; stderr?: string; stdout?: string }) => ({ stdout: error.stdout ?? '', stderr: `exit ${String(error.code)}: ${error.stderr ?? ''}` }));
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout.trim()).not.toBe('');
  });
});
