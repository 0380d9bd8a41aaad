import { ValidationError } from '../../core/errors';
import { apixoEnvelopeSchema, apixoTaskSchema } from './apixo-api';
import { apixoName } from './apixo-errors';

/** A callback body, read: the parsed envelope, its text and the task id it names. */
export interface ApixoCallback {
  value: unknown;
  text: string;
  taskId: string;
}

const expected = 'expected the JSON envelope APIXO posts to callback_url: { code, message, data: { taskId, state, ... } }';

/**
 * Reads a callback body (the raw text, its bytes, or the parsed object). Anything that is not an
 * APIXO task envelope is a ValidationError, so a receiver can answer 400 to stray requests.
 */
export function readApixoCallback(body: unknown): ApixoCallback {
  let value: unknown = body;
  let text: string;
  if (body instanceof Uint8Array) value = new TextDecoder().decode(body);
  if (typeof value === 'string') {
    text = value;
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw notAnEnvelope('the body is not JSON');
    }
  } else {
    text = safeStringify(value);
  }
  const envelope = apixoEnvelopeSchema.safeParse(value);
  const task = envelope.success ? apixoTaskSchema.safeParse(envelope.data.data) : undefined;
  if (!envelope.success) throw notAnEnvelope('it has no numeric code');
  if (!task?.success) throw notAnEnvelope('its data has no taskId and state');
  return { value, text, taskId: task.data.taskId };
}

/**
 * The task id a callback body names, to deduplicate deliveries (APIXO retries a callback that was
 * not answered 200 in time). Throws ValidationError for a body that is not an APIXO envelope.
 */
export function apixoCallbackTaskId(body: string | Uint8Array | object): string {
  return readApixoCallback(body).taskId;
}

function notAnEnvelope(reason: string): ValidationError {
  return new ValidationError([{ path: 'body', message: `is not an APIXO callback (${reason}); ${expected}.` }], {
    provider: apixoName,
    summary: 'Not an APIXO callback',
  });
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
