import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExports, exportTargets } from './entry-points';

/** The repository root (where package.json and dist/ live). */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ScratchProject {
  /** The packed `imagegate-<version>.tgz`. */
  tarball: string;
  /** Paths inside the tarball, without the `package/` prefix. */
  packedFiles: string[];
  /** A project that installed the tarball; `node_modules/imagegate` is the package as users get it. */
  directory: string;
  /** Removes every temporary directory. */
  remove(): Promise<void>;
}

/**
 * The environment of child processes: no provider keys, and none of the `npm_*` variables of the
 * surrounding `npm test` (`npm_config_local_prefix` would point a child npm at the repository).
 */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile', 'npm_config_registry']);
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(name) && !keep.has(name.toLowerCase())) continue;
    if (/_API_KEY$/.test(name) || name === 'INIT_CWD' || name === 'NODE_OPTIONS') continue;
    environment[name] = value;
  }
  return { ...environment, ...extra };
}

/** Runs a command to completion; never rejects on a non-zero exit (the caller asserts on it). */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? childEnvironment(), timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ exitCode, stdout, stderr: error !== null && stderr === '' ? String(error) : stderr });
      },
    );
  });
}

/** Runs a command and throws with its output when it fails. */
export async function runOrThrow(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  const result = await run(command, args, options);
  if (result.exitCode !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.exitCode}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Fails with a clear message when the build this test checks is not there. */
export async function assertBuilt(): Promise<void> {
  const exports = await packageExports();
  const missing = exportTargets(exports).filter((target) => !existsSync(join(repositoryRoot, target)));
  if (missing.length > 0) {
    throw new Error(`The build is missing ${missing.join(', ')}: run \`npm run build\` first (\`npm test\` does it before vitest).`);
  }
}

/**
 * Packs the repository (from the existing dist/, scripts ignored) and installs the tarball into a
 * fresh project, offline: its dependencies come from the npm cache that `npm ci` filled.
 */
export async function createScratchProject(): Promise<ScratchProject> {
  const root = await mkdtemp(join(tmpdir(), 'imagegate-package-'));
  const packDirectory = join(root, 'pack');
  const directory = join(root, 'project');
  await mkdir(packDirectory);
  await mkdir(directory);
  const packOutput = await runOrThrow('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDirectory], { cwd: repositoryRoot });
  const [packed] = JSON.parse(packOutput) as { filename: string; files: { path: string }[] }[];
  if (packed === undefined) throw new Error(`npm pack printed no package:\n${packOutput}`);
  const tarball = join(packDirectory, packed.filename);
  await writeFile(join(directory, 'package.json'), JSON.stringify({ name: 'imagegate-scratch', version: '1.0.0', private: true }));
  await runOrThrow('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: directory });
  return {
    tarball,
    packedFiles: packed.files.map((file) => file.path),
    directory,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
