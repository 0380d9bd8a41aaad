import { PNG } from 'pngjs';
import type { ImageSize } from './image-sizes';
import { hashBytes } from './stable-hash';

/** What decides an image's pixels. */
export interface ImageRecipe {
  prompt: string;
  /** `null` when the request gave no seed (or APIXO's -1). */
  seed: number | null;
  /** Position of the image within its job, from 0. */
  index: number;
  /** The documented size; the pattern is laid out on it, so a scaled image looks like a smaller copy. */
  size: ImageSize;
}

/**
 * Encodes a deterministic RGB PNG for the recipe at `outputSize`: a diagonal gradient between two
 * colours with a checker overlay, all derived from a hash of prompt, seed and index.
 */
export function renderPng(recipe: ImageRecipe, outputSize: ImageSize): Buffer {
  const hash = hashBytes(recipe.prompt, recipe.seed ?? 'no-seed', recipe.index);
  const from = [byteAt(hash, 0), byteAt(hash, 1), byteAt(hash, 2)];
  const to = [byteAt(hash, 3), byteAt(hash, 4), byteAt(hash, 5)];
  const cell = 32 + (byteAt(hash, 6) % 96);
  const accent = 24 + (byteAt(hash, 7) % 48);
  const { width, height } = outputSize;
  const scaleX = recipe.size.width / width;
  const scaleY = recipe.size.height / height;
  const png = new PNG({ width, height });
  for (let row = 0; row < height; row += 1) {
    const fullY = row * scaleY;
    for (let column = 0; column < width; column += 1) {
      const fullX = column * scaleX;
      const mix = (fullX / recipe.size.width + fullY / recipe.size.height) / 2;
      const checker = (Math.floor(fullX / cell) + Math.floor(fullY / cell)) % 2 === 0 ? accent : 0;
      const offset = (row * width + column) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        const start = from[channel] ?? 0;
        const end = to[channel] ?? 0;
        png.data[offset + channel] = Math.min(255, Math.round(start + (end - start) * mix) + checker);
      }
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

function byteAt(bytes: Buffer, index: number): number {
  return bytes[index] ?? 0;
}
