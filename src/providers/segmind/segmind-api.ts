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

/** The image URLs of a result: `images[].url` when present, else `output` in any of its shapes. */
export function segmindImageSources(result: SegmindResult): { url: string; mediaType?: string }[] {
  if (result.images && result.images.length > 0) {
    return result.images.map((image) => (image.content_type ? { url: image.url, mediaType: image.content_type } : { url: image.url }));
  }
  const output = result.output;
  if (output === undefined) return [];
  const items = Array.isArray(output) ? output : [output];
  return items.map((item) => ({ url: typeof item === 'string' ? item : item.url })).filter((item) => item.url !== '');
}

/** The text of a Segmind error body (`{"error": "..."}`), when there is one. */
export function segmindErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  for (const key of ['error', 'message', 'detail']) {
    const value = (body as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
