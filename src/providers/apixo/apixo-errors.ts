import {
  ContentPolicyError,
  InferenceFailed,
  InsufficientCreditsError,
  NotFoundError,
  type ImagegateError,
  type ImagegateErrorOptions,
} from '../../core/errors';
import { errorForStatus } from '../../core/http-errors';
import { bodyText, readJson } from '../../core/json-body';
import { retryAfterFromHeaders } from '../../core/retry-policy';
import type { TransportResponse } from '../../core/transport';
import { apixoBodyCode, apixoErrorText } from './apixo-api';

export const apixoName = 'apixo';
export const apixoKeyVariable = 'APIXO_API_KEY';

/** Which call answered: the advice for 404 depends on it. */
export type ApixoRoute = 'submit' | 'status' | 'balance';

/** Where the error happened, for messages and the fields every error carries. */
export interface ApixoErrorScene {
  route: ApixoRoute;
  /** The wire model id (the one in the path). */
  wireModel: string;
  taskId?: string | undefined;
}

/** `code` values inside an HTTP 200 that mean "nothing happened, try again" (they mirror HTTP statuses). */
export const apixoRetryCodes = {
  /** For generateTask: the answers that mean the task was not created. */
  submit: ['429', '500', '502', '503'],
  /** For statusTask and the balance: every transient answer. */
  read: ['408', '429', '500', '502', '503', '504'],
} as const;

/** Maps an HTTP error answer (JSON envelope or not) to the error class users catch. */
export function apixoHttpError(response: TransportResponse, scene: ApixoErrorScene): ImagegateError {
  const read = readJson(response);
  const detail = read.ok ? apixoErrorText(read.value) : undefined;
  const code = read.ok ? apixoBodyCode(read.value) : undefined;
  if (response.status === 404) return new NotFoundError(notFoundMessage(scene, `HTTP 404${detail ? `: ${detail}` : ''}`), { provider: apixoName, status: 404, code, requestId: scene.taskId, detail });
  return errorForStatus({
    provider: apixoName,
    status: response.status,
    detail,
    code,
    requestId: scene.taskId,
    retryAfterMs: retryAfterFromHeaders(response.headers, Date.now()),
    body: read.ok ? undefined : bodyText(response),
    apiKeyVariable: apixoKeyVariable,
  });
}

/**
 * An envelope whose `code` is not 200 inside an HTTP 200. `code` mirrors HTTP statuses, so it picks
 * the class as a status would; the error reports `status: 200` and the code as `code`.
 */
export function apixoCodeError(code: number, detail: string | undefined, scene: ApixoErrorScene, body: string): ImagegateError {
  if (code === 404) {
    return new NotFoundError(notFoundMessage(scene, `code 404${detail ? `: ${detail}` : ''}`), { provider: apixoName, status: 200, code: '404', requestId: scene.taskId, detail });
  }
  return errorForStatus({
    provider: apixoName,
    status: code,
    carriedIn: { httpStatus: 200, description: `code ${code} inside an HTTP 200` },
    code: String(code),
    detail,
    requestId: scene.taskId,
    body,
    apiKeyVariable: apixoKeyVariable,
  });
}

function notFoundMessage(scene: ApixoErrorScene, said: string): string {
  if (scene.route === 'status') {
    return `APIXO has no task ${scene.taskId ?? ''} for model '${scene.wireModel}' (${said}). A task is found only under the model it was submitted with: check both the id and the model.`;
  }
  if (scene.route === 'submit') return `APIXO does not offer the model '${scene.wireModel}' (${said}). Check the model id in APIXO's catalogue.`;
  return `APIXO has no balance endpoint at this base URL (${said}). Check the baseUrl option.`;
}

/** What a task's `failCode` means to a caller. */
export type ApixoFailureKind = 'balance' | 'content' | 'other';

/** failCodes APIXO documents or our seed pages show, matched exactly (case ignored) before any word rule. */
const knownFailCodes: Readonly<Record<string, ApixoFailureKind>> = {
  INVALID_PARAMETER: 'other',
  INVALID_IMAGE_URL: 'other',
  INSUFFICIENT_BALANCE: 'balance',
  INSUFFICIENT_CREDITS: 'balance',
  UPSTREAM_ERROR: 'other',
  TIMEOUT: 'other',
  CONTENT_VIOLATION: 'content',
  NSFW_DETECTED: 'content',
  SENSITIVECONTENTDETECTED: 'content',
  MODEL_UNAVAILABLE: 'other',
  GENERATION_FAILED: 'other',
};

/** Whole words that put an unknown failCode in a family (`INPUT_IMAGE_INSUFFICIENT_RESOLUTION` has none). */
const balanceWords = new Set(['BALANCE', 'CREDIT', 'CREDITS', 'FUNDS']);
const contentWords = new Set(['CONTENT', 'NSFW', 'SENSITIVE', 'SAFETY', 'MODERATION']);

/** The words of a code: split at `_`, `-`, spaces and CamelCase humps, upper-cased. */
function codeWords(code: string): string[] {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toUpperCase());
}

/**
 * Classifies an open-ended `failCode`: the known codes exactly (`INSUFFICIENT_BALANCE`,
 * `CONTENT_VIOLATION`, `SensitiveContentDetected`, …), then by whole words: balance, credit(s) or
 * funds → balance; content, NSFW, sensitive, safety or moderation → content; anything else → other.
 */
export function apixoFailureKind(failCode: string | undefined): ApixoFailureKind {
  const code = (failCode ?? '').trim();
  const known = knownFailCodes[code.toUpperCase()];
  if (known !== undefined) return known;
  const words = codeWords(code);
  if (words.some((word) => balanceWords.has(word))) return 'balance';
  if (words.some((word) => contentWords.has(word))) return 'content';
  return 'other';
}

/** A task that ended `failed`: the class follows its failCode; each carries requestId, code and detail. */
export function apixoTaskFailed(details: { taskId: string; failCode?: string | undefined; failMsg?: string | undefined }): ImagegateError {
  const { taskId } = details;
  const code = details.failCode ?? 'FAILED';
  const detail = details.failMsg ?? details.failCode ?? 'no reason given';
  const options: ImagegateErrorOptions = { provider: apixoName, status: 200, code, requestId: taskId, detail };
  const said = `APIXO task ${taskId} failed (${code}): ${detail}.`;
  switch (apixoFailureKind(details.failCode)) {
    case 'balance':
      return new InsufficientCreditsError(`${said} Add balance to the APIXO account, then submit again.`, options);
    case 'content':
      return new ContentPolicyError(`${said} APIXO refused the content; change the prompt or reference image.`, options);
    default: {
      const advice = /^INVALID/i.test(code)
        ? 'Fix the request (mode, size, resolution, aspect_ratio, image_urls) before submitting again.'
        : 'Failed images are not charged; submitting again may succeed.';
      return new InferenceFailed(`${said} ${advice}`, options);
    }
  }
}
