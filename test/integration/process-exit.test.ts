import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from 'imagegate/testing';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 50, queueTimeMs: 10 });
});
afterAll(() => sandbox.close());

it('leaves no timer or socket keeping the process alive once generate() settles', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/generate-without-close.ts'], {
    env: { ...process.env, SEGMIND_BASE_URL: sandbox.baseUrls.segmind },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  let doneAt = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('done')) doneAt ||= performance.now();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const lingerMs = performance.now() - doneAt;
  expect(errors).toBe('');
  expect(exitCode).toBe(0);
  expect(output).toContain('done');
  // A ref'd keep-alive socket or timer would hold the process for seconds (undici keeps idle
  // sockets 4 s; the default deadline is 600 s).
  expect(lingerMs).toBeLessThan(1_000);
});
