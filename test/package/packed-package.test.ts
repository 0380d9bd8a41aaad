import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crossFormatScript,
  exportsScript,
  importedFiles,
  missingKeyScript,
  requiredFilesScript,
  retryScript,
  runInProject,
  sandboxScript,
  type ModuleFormat,
} from './child-scripts';
import {
  codeEntryPoints,
  exportTargets,
  packageExports,
  pngjsMarker,
  providerEntryPoints,
  providerMarkers,
  type PackageExports,
} from './entry-points';
import { assertBuilt, createScratchProject, repositoryRoot, run, type ScratchProject } from './scratch-project';

/*
 * The package as users get it: `npm pack` of the current dist/ (npm test builds it first), installed
 * offline into a scratch project, then loaded by real Node processes in both module formats.
 */

const formats: readonly ModuleFormat[] = ['cjs', 'esm'];
let exports: PackageExports;
let project: ScratchProject;

beforeAll(async () => {
  await assertBuilt();
  exports = await packageExports();
  project = await createScratchProject();
}, 60_000);

afterAll(async () => {
  await project?.remove();
});

function installedFile(path: string): string {
  return join(project.directory, 'node_modules', 'imagegate', path);
}

/** Loaded files of the installed package, with their contents. */
async function packageFiles(paths: readonly string[]): Promise<{ path: string; text: string }[]> {
  const packageDirectory = join(project.directory, 'node_modules', 'imagegate') + sep;
  const own = paths.filter((path) => path.startsWith(packageDirectory) && !path.endsWith('package.json'));
  return Promise.all(own.map(async (path) => ({ path: path.slice(packageDirectory.length), text: await readFile(path, 'utf8') })));
}

async function loadedFiles(format: ModuleFormat, specifiers: readonly string[]): Promise<string[]> {
  if (format === 'esm') return importedFiles(project.directory, specifiers);
  return (await runInProject(project.directory, 'cjs', requiredFilesScript(specifiers))) as string[];
}

describe('the packed tarball', () => {
  it('ships dist/ and the package metadata only, including every file that exports points at', () => {
    const unexpected = project.packedFiles.filter((path) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(path));
    expect(unexpected).toEqual([]);
    expect(project.packedFiles.filter((path) => path.includes('.test.'))).toEqual([]);
    for (const target of exportTargets(exports)) expect(project.packedFiles).toContain(target);
  });

  it('imports at run time only Node built-ins and its declared dependencies (p-retry and pngjs are bundled)', async () => {
    const manifest = JSON.parse(await readFile(installedFile('package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const allowed = new Set([...Object.keys(manifest.dependencies ?? {}), ...builtinModules]);
    const code = project.packedFiles.filter((path) => /\.c?js$/.test(path));
    const undeclared: string[] = [];
    for (const path of code) {
      const text = await readFile(installedFile(path), 'utf8');
      const pattern = /(?:\bfrom\s*|\bimport\s*|\brequire\(\s*)["']([^"'./][^"']*)["']/g;
      for (const match of text.matchAll(pattern)) {
        const specifier = (match[1] ?? '').replace(/^node:/, '');
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
        if (!allowed.has(name) && !allowed.has(specifier)) undeclared.push(`${path}: ${specifier}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('p-retry');
  });

  it('passes publint (strict) with no suggestions', async () => {
    const result = await run(join(repositoryRoot, 'node_modules', '.bin', 'publint'), ['run', project.tarball, '--strict'], { cwd: repositoryRoot });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('All good!');
    expect(result.exitCode).toBe(0);
  });

  it('passes @arethetypeswrong/cli with the node16 profile', async () => {
    const result = await run(join(repositoryRoot, 'node_modules', '.bin', 'attw'), [project.tarball, '--profile', 'node16', '--format', 'json'], { cwd: repositoryRoot });
    const report = JSON.parse(result.stdout) as { problems?: Record<string, { kind: string; entrypoint?: string; resolutionKind?: string }[]> };
    // The node16 profile ignores node10 resolution (no `exports` support there), as attw's own summary does.
    const problems = Object.values(report.problems ?? {}).flat().filter((problem) => problem.resolutionKind !== 'node10');
    expect(problems).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});

describe.each(formats)('the installed package in %s', (format) => {
  it('loads every entry point with the exports each promises', async () => {
    const entries = codeEntryPoints(exports);
    const all = (await runInProject(project.directory, format, exportsScript(entries.map((entry) => entry.specifier)))) as Record<string, Record<string, string>>;
    for (const entry of entries) {
      const exported = all[entry.specifier] ?? {};
      if (entry.subpath === '.') {
        for (const name of ['ImageClient', 'Job', 'ImagegateError', 'AuthenticationError', 'ValidationError', 'InferenceTimeout']) {
          expect(exported[name], `${entry.specifier} exports ${name}`).toBe('function');
        }
        for (const provider of providerEntryPoints(exports)) expect(exported[provider.name], `${entry.specifier} exports ${provider.name}`).toBe('function');
      } else if (entry.subpath === './testing') {
        expect(exported['startSandbox']).toBe('function');
      } else {
        expect(exported[entry.subpath.slice(2)], `${entry.specifier} exports its factory`).toBe('function');
      }
    }
  });

  it('rejects a keyless generate from each provider entry with the root entry\'s AuthenticationError, without a request', async () => {
    const providers = providerEntryPoints(exports);
    const results = (await runInProject(project.directory, format, missingKeyScript(providers))) as Record<string, Record<string, unknown>>;
    expect(Object.keys(results).sort()).toEqual(providers.map((provider) => provider.name).sort());
    for (const provider of providers) {
      expect(results[provider.name], provider.name).toEqual({
        name: 'AuthenticationError',
        namesKeyVariable: true,
        isAuthenticationError: true,
        isImagegateError: true,
        isValidationError: false,
        isRootClass: true,
        fetchCalls: 0,
      });
    }
  });

  it('retries a 503 on submit through the bundled p-retry', async () => {
    const result = (await runInProject(project.directory, format, retryScript())) as { jobId: string; calls: string[] };
    expect(result.jobId).toBe('req-retried');
    expect(result.calls).toEqual(['POST http://127.0.0.1:9/v2/image-01', 'POST http://127.0.0.1:9/v2/image-01']);
  });

  it('loads neither the sandbox nor pngjs for the root and provider entry points', async () => {
    const specifiers = codeEntryPoints(exports).filter((entry) => entry.subpath !== './testing').map((entry) => entry.specifier);
    const loaded = await loadedFiles(format, specifiers);
    expect(loaded.filter((path) => path.includes('pngjs'))).toEqual([]);
    const files = await packageFiles(loaded);
    expect(files.map((file) => file.path)).toContain(format === 'esm' ? 'dist/index.js' : 'dist/index.cjs');
    expect(files.filter((file) => /testing\.c?js$/.test(file.path) || file.text.includes(pngjsMarker)).map((file) => file.path)).toEqual([]);
  });

  it('loads only its own provider\'s code for each provider entry point', async () => {
    const providers = providerEntryPoints(exports);
    const loaded = await Promise.all(providers.map(async (provider) => packageFiles(await loadedFiles(format, [provider.specifier]))));
    for (const [index, provider] of providers.entries()) {
      const files = loaded[index] ?? [];
      const marker = providerMarkers[provider.name];
      expect(marker, `a marker string for ${provider.name} in entry-points.ts`).toBeDefined();
      expect(files.some((file) => file.text.includes(marker ?? '')), `${provider.specifier} loads its own code`).toBe(true);
      for (const [other, otherMarker] of Object.entries(providerMarkers)) {
        if (other === provider.name) continue;
        expect(files.filter((file) => file.text.includes(otherMarker)).map((file) => file.path), `${provider.specifier} loads no ${other} code`).toEqual([]);
      }
    }
  });

  it('runs a whole generate against the sandbox from imagegate/testing and stops it', async () => {
    if (exports['./testing'] === undefined) throw new Error('package.json exports no ./testing');
    const result = (await runInProject(project.directory, format, sandboxScript())) as { images: number; signature: string };
    expect(result).toEqual({ images: 1, signature: '89504e470d0a1a0a' });
  });
});

describe('across module formats', () => {
  it('keeps instanceof between an ESM error and the CJS classes, and the other way round', async () => {
    const providers = providerEntryPoints(exports);
    const results = (await runInProject(project.directory, 'esm', crossFormatScript(providers))) as Record<string, unknown>;
    expect(results['distinctClasses']).toBe(true);
    for (const provider of providers) {
      expect(results[provider.name], provider.name).toEqual({
        esmErrorIsCjsClass: true,
        cjsErrorIsEsmClass: true,
        esmErrorIsCjsValidationError: false,
        plainErrorIsCjsClass: false,
      });
    }
  });
});
