import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { childEnvironment, run } from './scratch-project';
import type { ProviderEntryPoint } from './entry-points';

export type ModuleFormat = 'cjs' | 'esm';

/**
 * Runs `body` (the inside of an async function that may `await load(specifier)`) in a real Node
 * process inside the scratch project: `require()` for CJS, `import()` from an ES module for ESM.
 * Resolves with the JSON value the body returns.
 */
export async function runInProject(directory: string, format: ModuleFormat, body: string, nodeOptions: readonly string[] = [], env: Record<string, string> = {}): Promise<unknown> {
  const load = format === 'cjs' ? 'const load = async (specifier) => require(specifier);' : 'const load = (specifier) => import(specifier);';
  const script = [
    load,
    '(async () => {',
    body,
    '})().then(',
    "  (value) => process.stdout.write('\\n@@result ' + JSON.stringify(value) + '\\n'),",
    '  (error) => { console.error(error); process.exitCode = 1; },',
    ');',
  ].join('\n');
  const formatFlags = format === 'esm' ? ['--input-type=module'] : ['--input-type=commonjs'];
  const result = await run(process.execPath, [...nodeOptions, ...formatFlags, '-e', script], { cwd: directory, env: childEnvironment(env) });
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('@@result '));
  if (result.exitCode !== 0 || line === undefined) {
    throw new Error(`node (${format}) exited with ${result.exitCode}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return JSON.parse(line.slice('@@result '.length)) as unknown;
}

/** Per specifier, the names and kinds (`typeof`) of what that entry point exports. */
export function exportsScript(specifiers: readonly string[]): string {
  return `
    const exported = {};
    for (const specifier of ${JSON.stringify(specifiers)}) {
      const module = await load(specifier);
      exported[specifier] = Object.fromEntries(Object.keys(module).filter((key) => key !== '__esModule' && key !== 'default').map((key) => [key, typeof module[key]]));
    }
    return exported;
  `;
}

/**
 * Generates with each provider loaded from its own entry point, with no key in the environment and
 * a fetch that counts calls: the rejection must be the root entry's AuthenticationError.
 */
export function missingKeyScript(providers: readonly ProviderEntryPoint[]): string {
  return `
    const root = await load('imagegate');
    const results = {};
    for (const provider of ${JSON.stringify(providers)}) {
      const entry = await load(provider.specifier);
      let fetchCalls = 0;
      const fetch = async () => { fetchCalls += 1; throw new Error('no request expected'); };
      const client = new root.ImageClient({ provider: entry[provider.name](), fetch });
      const error = await client.generate({ prompt: 'x' }).then(() => undefined, (rejection) => rejection);
      await client.close();
      results[provider.name] = {
        name: error?.name,
        namesKeyVariable: String(error?.message).includes(provider.keyVariable),
        isAuthenticationError: error instanceof root.AuthenticationError,
        isImagegateError: error instanceof root.ImagegateError,
        isValidationError: error instanceof root.ValidationError,
        isRootClass: error?.constructor === root.AuthenticationError,
        fetchCalls,
      };
    }
    return results;
  `;
}

/** From an ES module: errors of each format checked against the other format's classes. */
export function crossFormatScript(providers: readonly ProviderEntryPoint[]): string {
  return `
    const { createRequire } = await import('node:module');
    const require = createRequire(process.cwd() + '/');
    const esmRoot = await import('imagegate');
    const cjsRoot = require('imagegate');
    const fetch = async () => { throw new Error('no request expected'); };
    const failure = async (root, entry, name) => {
      const client = new root.ImageClient({ provider: entry[name](), fetch });
      try { return await client.generate({ prompt: 'x' }).then(() => undefined, (rejection) => rejection); } finally { await client.close(); }
    };
    const results = { distinctClasses: esmRoot.AuthenticationError !== cjsRoot.AuthenticationError };
    for (const provider of ${JSON.stringify(providers)}) {
      const fromEsm = await failure(esmRoot, await import(provider.specifier), provider.name);
      const fromCjs = await failure(cjsRoot, require(provider.specifier), provider.name);
      results[provider.name] = {
        esmErrorIsCjsClass: fromEsm instanceof cjsRoot.AuthenticationError && fromEsm instanceof cjsRoot.ImagegateError,
        cjsErrorIsEsmClass: fromCjs instanceof esmRoot.AuthenticationError && fromCjs instanceof esmRoot.ImagegateError,
        esmErrorIsCjsValidationError: fromEsm instanceof cjsRoot.ValidationError,
        plainErrorIsCjsClass: new Error('plain') instanceof cjsRoot.ImagegateError,
      };
    }
    return results;
  `;
}

/**
 * Submits through a fetch that answers 503 (Retry-After: 0) and then accepts the job: the one retry
 * loop (bundled p-retry) must run in this format.
 */
export function retryScript(): string {
  return `
    const { ImageClient } = await load('imagegate');
    const { segmind } = await load('imagegate/segmind');
    const calls = [];
    const answers = [
      () => new Response(JSON.stringify({ error: 'busy' }), { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '0' } }),
      () => Response.json({ request_id: 'req-retried', status: 'QUEUED' }),
    ];
    const fetch = async (url, init) => { calls.push(init.method + ' ' + url); const answer = answers.shift(); if (!answer) throw new Error('unexpected call'); return answer(); };
    const client = new ImageClient({ provider: segmind({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9' }), fetch });
    const job = await client.submit({ prompt: 'a fox' });
    await client.close();
    return { jobId: job.id, calls };
  `;
}

/** Starts the sandbox from `imagegate/testing`, generates through it with the default transport, stops it. */
export function sandboxScript(): string {
  return `
    const { startSandbox } = await load('imagegate/testing');
    const { ImageClient } = await load('imagegate');
    const { segmind } = await load('imagegate/segmind');
    const sandbox = await startSandbox({ queueTimeMs: 0, jobDurationMs: 0 });
    try {
      const client = new ImageClient({ provider: segmind({ apiKey: 'sandbox-key', baseUrl: sandbox.baseUrls.segmind }) });
      try {
        const result = await client.generate({ prompt: 'a lighthouse at dusk' }, { polling: { initialDelayMs: 5, intervalMs: 5 } });
        const bytes = await result.images[0].bytes();
        return { images: result.images.length, signature: Buffer.from(bytes.subarray(0, 8)).toString('hex') };
      } finally {
        await client.close();
      }
    } finally {
      await sandbox.close();
    }
  `;
}

/** CJS: the files `require()` loaded, after loading `specifiers`. */
export function requiredFilesScript(specifiers: readonly string[]): string {
  return `
    for (const specifier of ${JSON.stringify(specifiers)}) await load(specifier);
    return Object.keys(require.cache);
  `;
}

const loadLogHooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(process.env.IMAGEGATE_LOAD_LOG, url + '\\n');
  return nextLoad(url, context);
}
`;

/**
 * ESM: the files the module loader loaded after importing `specifiers`, recorded by a `load` hook
 * registered with `--import` (so dynamic imports would be seen too).
 */
export async function importedFiles(directory: string, specifiers: readonly string[]): Promise<string[]> {
  await writeFile(join(directory, 'load-log-hooks.mjs'), loadLogHooks);
  await writeFile(join(directory, 'register-load-log.mjs'), "import { register } from 'node:module';\nregister('./load-log-hooks.mjs', import.meta.url);\n");
  const log = join(directory, `load-log-${specifiers.join('+').replaceAll('/', '_')}.txt`);
  await writeFile(log, '');
  const body = `for (const specifier of ${JSON.stringify(specifiers)}) await load(specifier); return true;`;
  await runInProject(directory, 'esm', body, ['--import', './register-load-log.mjs'], { IMAGEGATE_LOAD_LOG: log });
  const lines = (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
  return lines.map((url) => new URL(url).pathname);
}
