import { z } from 'zod';

/** Segmind queue API v2 wire shapes. Only this file and segmind-provider.ts know these names. */

const requestId = z.union([z.string().min(1), z.number()]).transform(String);

/** `metrics`: `{}` while queued; seconds and credits later. Numbers may arrive as strings. */
export const segmindMetricsSchema = z
  .object({
    inference_time: z.coerce.number().optional(),
    queue_time: z.coerce.number().optional(),
    total_time: z.coerce.number().optional(),
    cost: z.coerce.number().optional(),
    remaining_credits: z.coerce.number().optional(),
  })
  .partial()
  .passthrough()
  .catch({});

export type SegmindMetrics = z.output<typeof segmindMetricsSchema>;

/** `POST /v2/{model}` → 200. */
export const segmindSubmitSchema = z.object({
  request_id: requestId,
  status: z.string().optional(),
  status_url: z.string().optional(),
  response_url: z.string().optional(),
  poll_url: z.string().optional(),
});

/** `GET /v2/requests/{id}/status` → 200, or 422 with `status: FAILED`. */
export const segmindStatusSchema = z.object({
  status: z.string(),
  request_id: requestId.optional(),
  error: z.unknown().optional(),
  metrics: segmindMetricsSchema.optional(),
});

export type SegmindStatus = z.output<typeof segmindStatusSchema>;

const urlObject = z.object({ url: z.string() }).passthrough();

/** `output` is a URL string, an array of URLs (or `{url}` objects), or one `{url}` object. */
const outputSchema = z.union([z.string(), urlObject, z.array(z.union([z.string(), urlObject]))]);

/** `GET /v2/requests/{id}` after COMPLETED. */
export const segmindResultSchema = z.object({
  status: z.string().optional(),
  output: outputSchema.optional().catch(undefined),
  images: z
    .array(z.object({ url: z.string(), content_type: z.string().optional() }).passthrough())
    .optional()
    .catch(undefined),
  metrics: segmindMetricsSchema.optional(),
  error: z.unknown().optional(),
});

export type SegmindResult = z.output<typeof segmindResultSchema>;

/** One image of a result: a URL (`http(s)://` or `data:`), or base64 data given bare. */
export type SegmindImageSource = { url: string; mediaType?: string } | { base64: string };

/** `http(s)://` and `data:` strings are URLs; any other string in `output` is base64 image data. */
const urlPattern = /^(https?:\/\/|data:)/i;

/**
 * The images of a result: `images[].url` when present, else `output` in any of its shapes. A
 * string in `output` that is not a URL is base64 data (decoded locally; its media type sniffed).
 */
export function segmindImageSources(result: SegmindResult): SegmindImageSource[] {
  if (result.images && result.images.length > 0) {
    return result.images.map((image) => (image.content_type ? { url: image.url, mediaType: image.content_type } : { url: image.url }));
  }
  const output = result.output;
  if (output === undefined) return [];
  const items = Array.isArray(output) ? output : [output];
  const sources: SegmindImageSource[] = [];
  for (const item of items) {
    if (typeof item !== 'string') {
      if (item.url !== '') sources.push({ url: item.url });
      continue;
    }
    const text = item.trim();
    if (text === '') continue;
    sources.push(urlPattern.test(text) ? { url: text } : { base64: text });
  }
  return sources;
}

/**
 * The text of a Segmind error body (`{"error": "..."}`), when there is one. An error given as an
 * object (`{"error": {"message": "..."}}`) yields its `message`, `error` or `detail`.
 */
export function segmindErrorText(body: unknown): string | undefined {
  return errorTextOf(body, 0, false);
}

/** A non-empty string, or the text inside an error object (a few levels deep at most). */
function errorTextOf(value: unknown, depth: number, acceptString = true): string | undefined {
  if (typeof value === 'string') return acceptString && value.trim() !== '' ? value.trim() : undefined;
  if (typeof value !== 'object' || value === null || depth > 2) return undefined;
  for (const key of ['error', 'message', 'detail']) {
    const text = errorTextOf((value as Record<string, unknown>)[key], depth + 1);
    if (text !== undefined) return text;
  }
  return undefined;
}
