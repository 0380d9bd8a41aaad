import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli';

function captured() {
  const output = { stdout: '', stderr: '' };
  return { output, io: { write: (text: string) => void (output.stdout += text), writeError: (text: string) => void (output.stderr += text) } };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imagegate-cli-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('imagegate CLI', () => {
  it.each(['segmind', 'apixo', 'minimax'])('generates through the sandbox with %s and saves PNG files (--json)', async (provider) => {
    const { output, io } = captured();
    const code = await runCli(['generate', 'a cli fox', '--provider', provider, '-n', '2', '--sandbox', '--json', '--out', folder], io);
    expect(code).toBe(0);
    const printed = JSON.parse(output.stdout) as { provider: string; images: unknown[]; files: string[] };
    expect(printed.provider).toBe(provider);
    expect(printed.files).toHaveLength(2);
    const bytes = await readFile(printed.files[0]!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('exits 1 with the full validation message for a request the model refuses, before any request', async () => {
    const { output, io } = captured();
    const code = await runCli(['generate', 'x', '-n', '12', '--sandbox'], io);
    expect(code).toBe(1);
    expect(output.stderr).toMatch(/ValidationError: .*\n- n: must be from 1 to 9/s);
  });

  it('exits 2 with the usage for a bad command line', async () => {
    for (const argv of [['frobnicate'], ['generate'], ['status', 'abc'], ['generate', 'x', '--provider', 'dalle'], ['generate', 'x', '-n', 'two']]) {
      const { output, io } = captured();
      expect(await runCli(argv, io)).toBe(2);
      expect(output.stderr).toContain('Usage:');
    }
  });

  it('prints the usage for help and exits 0', async () => {
    const { output, io } = captured();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(output.stdout).toContain('imagegate generate');
  });
});
