import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ProviderError } from './errors';
import { decodeBase64, sniffMediaType } from './media-type';

/** Downloads an image URL (without any API key). Provided by the client. */
export type ImageDownloader = (url: string, signal?: AbortSignal) => Promise<Uint8Array>;

export interface ImageSource {
  url?: string | undefined;
  base64?: string | undefined;
  mediaType?: string | undefined;
}

/**
 * One generated image: a remote URL (which expires: 1 h–7 d depending on the provider) or base64
 * data. `JSON.stringify` gives only the data fields.
 */
export class GeneratedImage {
  /** Remote URL, when the provider returned one. */
  declare readonly url?: string;
  /** Base64 data, when the provider returned data. */
  declare readonly base64?: string;
  /** MIME type, when known (sniffed from base64 data). */
  declare readonly mediaType?: string;
  readonly #download: ImageDownloader;

  constructor(source: ImageSource, download: ImageDownloader) {
    if (source.url !== undefined) this.url = source.url;
    if (source.base64 !== undefined) this.base64 = source.base64;
    const mediaType = source.mediaType ?? (source.base64 !== undefined ? sniffMediaType(decodeBase64(source.base64)) : undefined);
    if (mediaType !== undefined) this.mediaType = mediaType;
    this.#download = download;
  }

  /** The image's bytes: decoded locally for base64 and data: URLs, else downloaded (no key sent). */
  async bytes(options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    if (this.base64 !== undefined) return decodeBase64(this.base64);
    if (this.url === undefined) throw new ProviderError('This image has neither a URL nor data: the provider returned an empty image entry.');
    if (this.url.startsWith('data:')) return decodeBase64(this.url);
    return this.#download(this.url, options.signal);
  }

  /** Writes the image to `path` (parent folders created) and returns the absolute path written. */
  async save(path: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    const bytes = await this.bytes(options);
    const target = resolve(path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    return target;
  }

  toJSON(): ImageSource {
    const data: ImageSource = {};
    if (this.url !== undefined) data.url = this.url;
    if (this.base64 !== undefined) data.base64 = this.base64;
    if (this.mediaType !== undefined) data.mediaType = this.mediaType;
    return data;
  }
}
