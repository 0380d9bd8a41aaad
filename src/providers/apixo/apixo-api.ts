import { z } from 'zod';

/**
 * APIXO task API wire shapes. Only this folder knows these names (`taskId`, `resultJson`,
 * `failCode`, `costTime`, snake_case `input` fields).
 */

/**
 * The base URL without one trailing `/api/v1`: APIXO's docs give `https://api.apixo.ai/api/v1` as
 * the base, while the paths below already start with `/api/v1`.
 */
export function apixoBaseWithoutVersion(baseUrl: string): string {
  return baseUrl.replace(/\/api\/v1\/*$/i, '');
}

/** The request path segments appended to the base URL. */
export const apixoPaths = {
  generateTask: (wireModel: string) => `/api/v1/generateTask/${encodeURIComponent(wireModel)}`,
  statusTask: (wireModel: string, taskId: string) => `/api/v1/statusTask/${encodeURIComponent(wireModel)}?taskId=${encodeURIComponent(taskId)}`,
  balance: '/api/v1/apikeys/current-balance',
} as const;

/** `POST /generateTask/{model}` body. */
export interface ApixoTaskBody {
  request_type?: 'async' | 'callback';
  callback_url?: string;
  input: Record<string, unknown>;
}

const taskId = z.union([z.string().min(1), z.number()]).transform(String);
/** A number, or a numeric string (APIXO's documents show both styles for codes and times). */
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
/** Times may be missing or odd: anything but a number is dropped rather than failing the task. */
const looseNumber = numeric.optional().catch(undefined);
/** Codes and messages: a non-empty string (numbers become strings); anything else is dropped. */
const looseText = z
  .unknown()
  .transform((value) => {
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  })
  .optional();

/** Every answer: `{ code, message, data }`. `code` mirrors the HTTP status; 200 means success. */
export const apixoEnvelopeSchema = z.object({
  code: numeric,
  message: z.string().nullish().catch(undefined),
  data: z.unknown().optional(),
});

export type ApixoEnvelope = z.output<typeof apixoEnvelopeSchema>;

/** `data` of a generateTask answer. */
export const apixoSubmitDataSchema = z.object({ taskId });

/** `data` of a statusTask answer, and of a callback delivery (the same envelope). */
export const apixoTaskSchema = z.object({
  taskId,
  state: z.string().min(1),
  /** A JSON string holding `{ resultUrls }` (an already-parsed object is accepted too). */
  resultJson: z.unknown().optional(),
  failCode: looseText,
  failMsg: looseText,
  createTime: looseNumber,
  completeTime: looseNumber,
  costTime: looseNumber,
});

export type ApixoTask = z.output<typeof apixoTaskSchema>;

const resultSchema = z.object({ resultUrls: z.array(z.string().min(1)) });

/**
 * The image URLs of a successful task, or the reason they cannot be read (`resultJson` missing,
 * not JSON, or without `resultUrls`).
 */
export function apixoResultUrls(task: ApixoTask): { ok: true; urls: string[] } | { ok: false; problem: string } {
  let value: unknown = task.resultJson;
  if (value === undefined || value === null || value === '') return { ok: false, problem: 'has no resultJson' };
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { ok: false, problem: 'has a resultJson that is not valid JSON' };
    }
  }
  const parsed = resultSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'has a resultJson without a resultUrls list' };
  return { ok: true, urls: parsed.data.resultUrls };
}

/** `data` of the balance answer: the amount in USD (a number, or a numeric string). */
export const apixoBalanceSchema = numeric;

/**
 * The text of an APIXO error body (`{ code, message, data: { error } }`), when there is one. An
 * error given as an object yields its `message`, `error` or `detail`.
 */
export function apixoErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const data = record['data'];
  const nested = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['error'] : typeof data === 'string' ? data : undefined;
  for (const value of [nested, record['message'], record['error'], record['msg']]) {
    const text = errorTextOf(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** A non-empty string, or the text inside an error object (two levels deep at most). */
function errorTextOf(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value !== 'object' || value === null || depth >= 2) return undefined;
  for (const key of ['message', 'error', 'detail']) {
    const text = errorTextOf((value as Record<string, unknown>)[key], depth + 1);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The `code` of an APIXO body, as a string, when there is one. */
export function apixoBodyCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as Record<string, unknown>)['code'];
  return typeof code === 'number' || (typeof code === 'string' && code !== '') ? String(code) : undefined;
}
