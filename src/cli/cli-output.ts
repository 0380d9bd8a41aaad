import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageResult } from '../core/result';

/** Saves every image of a result under `folder` as `{id}-{index}.{extension}`; returns the paths. */
export async function saveImages(result: ImageResult, folder: string): Promise<string[]> {
  return Promise.all(
    result.images.map(async (image, index) => {
      const bytes = await image.bytes();
      const extension = (image.mediaType ?? 'image/png').split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
      const name = `${result.provider}-${result.id}-${index + 1}.${extension}`.replace(/[^\w.-]+/g, '_');
      await mkdir(folder, { recursive: true });
      const path = join(folder, name);
      await writeFile(path, bytes);
      return path;
    }),
  );
}

/** A plain text table with aligned columns. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}
