import { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors';

const milliseconds = z.number().finite().nonnegative({ message: 'must be a number of milliseconds, 0 or more' });
const positiveMilliseconds = z.number().finite().positive({ message: 'must be a number of milliseconds above 0' });

const pollingSchema = z
  .object({
    initialDelayMs: milliseconds.optional(),
    intervalMs: milliseconds.optional(),
    maxIntervalMs: milliseconds.optional(),
    backoffFactor: z.number().finite().min(1, { message: 'must be 1 (a fixed interval) or more' }).optional(),
  })
  .optional();

const sharedSchema = {
  maxRetries: z.number().int({ message: 'must be a whole number of retries, 0 or more' }).min(0).max(100).optional(),
  requestTimeoutMs: positiveMilliseconds.optional(),
  polling: pollingSchema,
};

const clientSchema = z.object({ ...sharedSchema, maxConnections: z.number().int().min(1).optional() });
const callSchema = z.object({ ...sharedSchema, timeoutMs: positiveMilliseconds.optional() });

/** Refuses numeric options that would misbehave (NaN timeouts, negative retries) before any request. */
export function validateClientOptions(options: object): void {
  refuse(clientSchema.safeParse(options), undefined, 'Invalid client options');
}

export function validateCallOptions(options: object, provider: string): void {
  refuse(callSchema.safeParse(options), provider, 'Invalid call options');
}

/** An options object without its `undefined` values, so spreading it never hides a default. */
export function definedOnly<T extends object>(options: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function refuse(result: { success: boolean; error?: z.ZodError }, provider: string | undefined, summary: string): void {
  if (result.success || !result.error) return;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ValidationError(issues, { provider, summary });
}
