import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by name, as users do, and run against the sources (the packed
    // build has its own tests in test/package). Mirrors `paths` in tsconfig.json.
    alias: [
      { find: /^imagegate$/, replacement: source('index.ts') },
      { find: /^imagegate\/segmind$/, replacement: source('providers/segmind/index.ts') },
      { find: /^imagegate\/apixo$/, replacement: source('providers/apixo/index.ts') },
      { find: /^imagegate\/minimax$/, replacement: source('providers/minimax/index.ts') },
      { find: /^imagegate\/testing$/, replacement: source('testing/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
