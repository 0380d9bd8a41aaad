import type { ValidationIssue } from './errors';
import type { NormalizedRequest, RequestField } from './request';

/** Inclusive bounds. */
export interface Range {
  min: number;
  max: number;
}

/**
 * What one provider offers for one model: which request fields it accepts and their limits. The
 * client validates every request against this before any HTTP request is made.
 */
export interface ModelCapabilities {
  /** The model as the caller named it. */
  model: string;
  /** True for a slug the SDK does not model: only `prompt` and `providerOptions` are sent. */
  passThrough: boolean;
  /** Fields this model accepts besides `prompt`, `model` and `providerOptions`. */
  fields: readonly RequestField[];
  /** Longest prompt in characters (code points). */
  promptMaxLength?: number;
  /** Allowed `n`. Default range 1–1 when `n` is not in `fields`. */
  n?: Range;
  seed?: Range;
  /** Explicit sizes: either bounds per side or a list of allowed values (`'auto'` included). */
  size?: { side: Range; multipleOf: number } | { values: readonly string[] };
  /** Cross-field rules (e.g. "aspectRatio and size together"). */
  rules?: (request: NormalizedRequest) => ValidationIssue[];
  /** Where to look for what the model offers, quoted in messages. */
  documentation?: string;
}
