/** The aspect ratios the image-01 family documents. */
export type AspectRatio = '1:1' | '16:9' | '4:3' | '3:2' | '2:3' | '3:4' | '9:16' | '21:9';

/** An explicit size: `'1024x768'` or `{ width, height }`. */
export type ExplicitSize = `${number}x${number}` | { width: number; height: number };

interface RequestCommon {
  /** What to draw. Required; 1–1500 characters (code points) for image-01. */
  prompt: string;
  /** Raw wire fields, merged last into the provider's body (APIXO: into `input`). */
  providerOptions?: Record<string, unknown>;
}

/** Fields of the MiniMax image-01 family (Segmind, APIXO and MiniMax offer different subsets). */
export interface Image01Fields {
  /** Images to generate, 1–9. Default 1. */
  n?: number;
  aspectRatio?: AspectRatio;
  /** 512–2048 per side, multiples of 8 (APIXO and MiniMax). */
  size?: ExplicitSize;
  /** APIXO preset tier, used with `aspectRatio`. */
  resolution?: '1K' | '2K';
  /** APIXO (-1 … 2147483647) and MiniMax. */
  seed?: number;
  /** Omitted: the provider's own default (Segmind true, MiniMax false). */
  promptOptimizer?: boolean;
  /** An https or data: URL: image-to-image (APIXO) or subject reference (MiniMax). */
  referenceImageUrl?: string;
  /** MiniMax: `'url'` (default, expires after 24 h) or `'base64'`. */
  responseFormat?: 'url' | 'base64';
}

/** Fields of Segmind's gpt-image-1-mini. */
export interface GptImage1MiniFields {
  /** Only 1 image per request. */
  n?: 1;
  /** Default `'1024x1024'`. */
  size?: '1024x1024' | '1536x1024' | '1024x1536' | 'auto';
  /** Default `'high'`. */
  quality?: 'low' | 'medium' | 'high' | 'auto';
  /** Default `'opaque'`. */
  background?: 'transparent' | 'opaque';
  /** Default `'auto'`. */
  moderation?: 'low' | 'auto';
  /** Default `'png'`. */
  outputFormat?: 'png' | 'jpeg' | 'webp';
  /** 0–100, default 100. */
  outputCompression?: number;
}

type Forbidden<Fields> = { [Key in keyof Fields]?: never };

/**
 * A request for MiniMax image-01 (the default model), also under its provider names: APIXO's
 * `minimax-image-01` and MiniMax's `image-01-live`. Which fields apply depends on the provider.
 */
export type Image01Request = RequestCommon & { model?: 'image-01' | 'minimax-image-01' | 'image-01-live' } & Image01Fields &
  Forbidden<Omit<GptImage1MiniFields, keyof Image01Fields>>;

/** A request for gpt-image-1-mini (Segmind). */
export type GptImage1MiniRequest = RequestCommon & { model: 'gpt-image-1-mini' } & GptImage1MiniFields &
  Forbidden<Omit<Image01Fields, keyof GptImage1MiniFields>>;

/** Any other provider model slug: only `prompt` and `providerOptions` are sent. */
export type PassThroughRequest = RequestCommon & { model: string & {} } & Forbidden<Image01Fields & GptImage1MiniFields>;

/** What `generate()` and `submit()` take. Checked at runtime before any HTTP request. */
export type ImageRequest = Image01Request | GptImage1MiniRequest | PassThroughRequest;

/** The modelled fields besides `prompt`, `model` and `providerOptions`. */
export const requestFields = [
  'n',
  'aspectRatio',
  'size',
  'resolution',
  'seed',
  'promptOptimizer',
  'referenceImageUrl',
  'responseFormat',
  'quality',
  'background',
  'moderation',
  'outputFormat',
  'outputCompression',
] as const;

export type RequestField = (typeof requestFields)[number];

/** A request after validation: defaults applied, `size` parsed. This is what providers map. */
export interface NormalizedRequest {
  prompt: string;
  /** As the caller named it. */
  model: string;
  n: number;
  aspectRatio?: AspectRatio;
  size?: { width: number; height: number } | 'auto';
  resolution?: '1K' | '2K';
  seed?: number;
  promptOptimizer?: boolean;
  referenceImageUrl?: string;
  responseFormat?: 'url' | 'base64';
  quality?: 'low' | 'medium' | 'high' | 'auto';
  background?: 'transparent' | 'opaque';
  moderation?: 'low' | 'auto';
  outputFormat?: 'png' | 'jpeg' | 'webp';
  outputCompression?: number;
  providerOptions?: Record<string, unknown>;
}
