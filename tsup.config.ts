import { defineConfig } from 'tsup';

/**
 * pngjs is CommonJS and calls `require('zlib')` and friends. Bundled into an ES module, esbuild turns
 * those calls into a `__require` shim that throws "Dynamic require of 'zlib' is not supported" unless a
 * real `require` is in scope, so every ESM file gets one made from its own URL. The CJS build has its own.
 */
const esmRequireBanner = [
  "import { createRequire as __imagegateCreateRequire } from 'node:module';",
  'const require = __imagegateCreateRequire(import.meta.url);',
].join('\n');

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    segmind: 'src/providers/segmind/index.ts',
    apixo: 'src/providers/apixo/index.ts',
    minimax: 'src/providers/minimax/index.ts',
    testing: 'src/testing/index.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  // One declaration set per format: `.d.ts` next to the ESM files, `.d.cts` next to the CJS files.
  dts: true,
  sourcemap: true,
  clean: true,
  // One shared core chunk per format, so classes (and instanceof) are shared across entry points.
  splitting: true,
  target: 'node20',
  platform: 'node',
  // p-retry and is-network-error are ESM-only: bundle them so `require('imagegate')` works.
  // pngjs (the sandbox's PNG encoder) is bundled into `imagegate/testing` only, so it is not a runtime
  // dependency of the SDK; no other entry imports it.
  noExternal: ['p-retry', 'is-network-error', 'pngjs'],
  banner: ({ format }) => (format === 'esm' ? { js: esmRequireBanner } : {}),
});
