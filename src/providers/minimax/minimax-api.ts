import { z } from 'zod';

/** MiniMax `POST /v1/image_generation` wire shapes. Only this folder knows these names. */

/** Counts arrive as strings (`"3"`) or integers; anything unreadable counts as unknown. */
const count = z.coerce.number().int().nonnegative().optional().catch(undefined);

/** `base_resp`: `status_code` 0 means success; anything else is an error, even inside HTTP 200. */
export const minimaxBaseResponseSchema = z.object({
  status_code: z.coerce.number().int(),
  status_msg: z.string().optional().catch(undefined),
});

export type MinimaxBaseResponse = z.output<typeof minimaxBaseResponseSchema>;

/** The whole answer. An error answer may hold only `base_resp`. */
export const minimaxResponseSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
    data: z
      .object({
        image_urls: z.array(z.string()).nullish().catch(undefined),
        image_base64: z.array(z.string()).nullish().catch(undefined),
      })
      .passthrough()
      .nullish()
      .catch(undefined),
    metadata: z
      .object({ success_count: count, failed_count: count })
      .passthrough()
      .nullish()
      .catch(undefined),
    /** `null`, `{}` or an unreadable `base_resp` carries no error code: the answer is judged by `data`. */
    base_resp: minimaxBaseResponseSchema.nullish().catch(undefined),
  })
  .passthrough();

export type MinimaxResponse = z.output<typeof minimaxResponseSchema>;

/** The images of an answer: URLs when present, else base64 data. Empty entries are dropped. */
export function minimaxImageSources(response: MinimaxResponse): ({ url: string } | { base64: string })[] {
  const urls = (response.data?.image_urls ?? []).filter((url) => url.trim() !== '');
  if (urls.length > 0) return urls.map((url) => ({ url }));
  return (response.data?.image_base64 ?? []).filter((data) => data.trim() !== '').map((base64) => ({ base64 }));
}

/** Images MiniMax withheld (content safety), or 0 when it did not say. */
export function minimaxFailedCount(response: MinimaxResponse): number {
  return response.metadata?.failed_count ?? 0;
}

/** The non-zero `base_resp` of a body, when it carries an error code. */
export function minimaxErrorBase(body: unknown): MinimaxBaseResponse | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const parsed = minimaxBaseResponseSchema.safeParse((body as Record<string, unknown>)['base_resp']);
  return parsed.success && parsed.data.status_code !== 0 ? parsed.data : undefined;
}

/** The error text of a gateway's error body (`base_resp.status_msg`, `message`, `error`), when there is one. */
export function minimaxErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const parsed = minimaxBaseResponseSchema.safeParse(record['base_resp']);
  if (parsed.success && parsed.data.status_msg) return `${parsed.data.status_msg} (status_code ${parsed.data.status_code})`;
  for (const key of ['error', 'message', 'detail']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
