import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { scaledSize } from 'imagegate/testing';

const run = promisify(execFile);

/** The documented size of each demo run, by the number its files start with. */
const documentedSizes: Record<string, { width: number; height: number }> = {
  '1': { width: 1280, height: 720 }, // Segmind image-01, 16:9
  '2': { width: 1536, height: 1024 }, // Segmind gpt-image-1-mini, 1536x1024
  '3': { width: 1536, height: 2048 }, // APIXO 2K preset for 3:4
  '4': { width: 1280, height: 720 }, // APIXO size 1280x720
  '5': { width: 1024, height: 1024 }, // MiniMax 1:1
  '6': { width: 1024, height: 768 }, // MiniMax 1024x768
};

it('npm run demo writes decodable PNG files of the documented sizes with every provider, and exits 0', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'imagegate-demo-'));
  try {
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/demo.ts', folder], { timeout: 30_000 });
    expect(performance.now() - started).toBeLessThan(30_000);
    for (const provider of ['segmind', 'apixo', 'minimax']) expect(stdout).toContain(provider);
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(7);
    for (const file of files) {
      const bytes = await readFile(join(folder, file));
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const image = PNG.sync.read(bytes);
      const documented = documentedSizes[file.split('-')[0] ?? ''];
      expect(documented, file).toBeDefined();
      expect({ width: image.width, height: image.height }, file).toEqual(scaledSize(documented!, 'auto'));
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
