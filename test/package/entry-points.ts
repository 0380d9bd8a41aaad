import { readFile } from 'node:fs/promises';

/** One `exports` entry with both conditions, as package.json declares them. */
interface ConditionalExport {
  import: { types: string; default: string };
  require: { types: string; default: string };
}

export type PackageExports = Record<string, ConditionalExport | string>;

export interface EntryPoint {
  /** `'.'`, `'./segmind'`, `'./testing'` … */
  subpath: string;
  /** What a user imports: `'imagegate'`, `'imagegate/segmind'` … */
  specifier: string;
}

export interface ProviderEntryPoint extends EntryPoint {
  /** The provider name, which is also its factory's name (`segmind()`). */
  name: string;
  /** The environment variable holding its key. */
  keyVariable: string;
}

/**
 * A wire string that only one provider's code contains. A provider entry's loaded files must
 * contain its own and none of the others' (importing one provider must not load the others).
 */
export const providerMarkers: Record<string, string> = {
  segmind: 'status_url',
  apixo: 'generateTask',
  minimax: 'image_generation',
};

/** A string esbuild leaves in any file that bundles pngjs (a path comment per bundled module). */
export const pngjsMarker = 'node_modules/pngjs';

export async function packageExports(): Promise<PackageExports> {
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: PackageExports };
  return manifest.exports;
}

/** Every file that `exports` points at, relative to the package root (`dist/index.js`). */
export function exportTargets(exports: PackageExports): string[] {
  return Object.values(exports).flatMap((target) =>
    typeof target === 'string'
      ? [target]
      : [target.import.types, target.import.default, target.require.types, target.require.default],
  ).map((target) => target.replace(/^\.\//, ''));
}

/** The code entry points (every subpath but `./package.json`). */
export function codeEntryPoints(exports: PackageExports): EntryPoint[] {
  return Object.keys(exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => ({ subpath, specifier: subpath === '.' ? 'imagegate' : `imagegate/${subpath.slice(2)}` }));
}

/** The provider entry points: every code entry point except the root and the sandbox. */
export function providerEntryPoints(exports: PackageExports): ProviderEntryPoint[] {
  return codeEntryPoints(exports)
    .filter((entry) => entry.subpath !== '.' && entry.subpath !== './testing')
    .map((entry) => {
      const name = entry.subpath.slice(2);
      return { ...entry, name, keyVariable: `${name.toUpperCase()}_API_KEY` };
    });
}
