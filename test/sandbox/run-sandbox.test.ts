import { describe, expect, it } from 'vitest';
import { runSandboxForeground } from '../../src/testing';
import type { Sandbox } from '../../src/testing';

describe('sandbox: foreground runner', () => {
  it('prints the base URLs, serves until stopped, then closes', async () => {
    const output: string[] = [];
    const controller = new AbortController();
    let ready: Sandbox | undefined;
    const running = runSandboxForeground({
      write: (line) => output.push(line),
      signal: controller.signal,
      onReady: (sandbox) => {
        ready = sandbox;
      },
    });
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (ready !== undefined) resolve();
        else setTimeout(check, 5);
      };
      check();
    });
    if (ready === undefined) throw new Error('not ready');
    const banner = output.join('');
    expect(banner).toContain(ready.baseUrls.segmind);
    expect(banner).toContain(ready.baseUrls.apixo);
    expect(banner).toContain(ready.baseUrls.minimax);
    expect((await fetch(ready.url)).status).toBe(200);
    const listenersBefore = process.listenerCount('SIGINT');
    controller.abort();
    await running;
    expect(process.listenerCount('SIGINT')).toBe(listenersBefore - 1);
    expect(output.at(-1)).toContain('stopped');
    await expect(fetch(ready.url)).rejects.toThrow();
  });
});
