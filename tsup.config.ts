import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    segmind: 'src/providers/segmind/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // One shared core chunk per format, so classes (and instanceof) are shared across entry points.
  splitting: true,
  target: 'node20',
  platform: 'node',
  // p-retry and its dependency are ESM-only: bundle them so `require('imagegate')` works.
  noExternal: ['p-retry', 'is-network-error'],
});
