import { scaledSize } from './image-sizes';
import type { ImageSize } from './image-sizes';
import { renderPng } from './png-image';
import type { ImageRecipe } from './png-image';
import type { SandboxProvider } from './sandbox-types';
import { hashBytes } from './stable-hash';

/** A generated image the sandbox serves at `/files/{name}.png`. */
export interface ImageFile {
  /** `{provider}-{hash}`; the same for the same provider, prompt, seed, index and size. */
  name: string;
  recipe: ImageRecipe;
  /** The size actually encoded (the documented size scaled down by `imageScale`). */
  outputSize: ImageSize;
}

/** Registers images by name and encodes each once, on first use. */
export class ImageFiles {
  readonly #files = new Map<string, ImageFile>();
  readonly #bytes = new Map<string, Buffer>();
  readonly #imageScale: number | 'auto';

  constructor(imageScale: number | 'auto') {
    this.#imageScale = imageScale;
  }

  /** Registers (or finds) the image for a recipe. */
  register(provider: SandboxProvider, recipe: ImageRecipe): ImageFile {
    const digest = hashBytes(recipe.prompt, recipe.seed ?? 'no-seed', recipe.index, recipe.size.width, recipe.size.height)
      .toString('hex')
      .slice(0, 24);
    const name = `${provider}-${digest}`;
    const existing = this.#files.get(name);
    if (existing !== undefined) return existing;
    const file: ImageFile = { name, recipe, outputSize: scaledSize(recipe.size, this.#imageScale) };
    this.#files.set(name, file);
    return file;
  }

  find(name: string): ImageFile | undefined {
    return this.#files.get(name);
  }

  /** The PNG bytes, encoded on first call and cached. */
  bytes(file: ImageFile): Buffer {
    const cached = this.#bytes.get(file.name);
    if (cached !== undefined) return cached;
    const encoded = renderPng(file.recipe, file.outputSize);
    this.#bytes.set(file.name, encoded);
    return encoded;
  }

  /** Absolute URL of a file on the given origin. */
  static url(origin: string, file: ImageFile): string {
    return `${origin}/files/${file.name}.png`;
  }
}
