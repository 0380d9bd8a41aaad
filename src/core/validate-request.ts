import type { ModelCapabilities, Range } from './capabilities';
import { ValidationError, type ValidationIssue } from './errors';
import { requestFields, type NormalizedRequest, type RequestField } from './request';
import { requestSchema, sizeSchema } from './request-schema';

const knownKeys = new Set<string>(['prompt', 'model', 'providerOptions', ...requestFields]);

/** The model used when a request names none. */
export const defaultModel = 'image-01';

/**
 * Checks a request against the shared schema and the chosen model's capabilities, listing every
 * problem at once. Throws ValidationError; nothing is sent when it does.
 */
export function validateRequest(input: unknown, provider: string, capabilitiesFor: (model: string) => ModelCapabilities): NormalizedRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([{ path: '', message: "The request must be an object, e.g. { prompt: 'a red fox in snow' }." }], { provider });
  }
  const raw = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const model = typeof raw['model'] === 'string' && raw['model'] !== '' ? raw['model'] : defaultModel;
  const capabilities = capabilitiesFor(model);

  for (const key of Object.keys(raw)) {
    if (!knownKeys.has(key) && raw[key] !== undefined) {
      issues.push({ path: key, message: `is not a request field. Put raw wire fields in providerOptions, e.g. providerOptions: { ${key}: ... }.` });
    }
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') continue;
      issues.push({ path, message: issue.message });
    }
  }
  for (const field of requestFields) {
    if (raw[field] !== undefined && !capabilities.fields.includes(field)) {
      issues.push({ path: field, message: notOffered(field, provider, capabilities) });
    }
  }
  issues.push(...limitIssues(raw, provider, capabilities));

  if (issues.length > 0 || !parsed.success) {
    throw new ValidationError(dedupe(issues), { provider, summary: `Invalid request for ${provider} ${model}` });
  }
  const data = parsed.data;
  const normalized = { ...data, model, n: data.n ?? 1 } as NormalizedRequest;
  for (const key of Object.keys(normalized) as (keyof NormalizedRequest)[]) {
    if (normalized[key] === undefined) delete normalized[key];
  }
  const ruleIssues = capabilities.rules?.(normalized) ?? [];
  if (ruleIssues.length > 0) throw new ValidationError(ruleIssues, { provider, summary: `Invalid request for ${provider} ${model}` });
  return normalized;
}

function notOffered(field: RequestField, provider: string, capabilities: ModelCapabilities): string {
  if (capabilities.passThrough) {
    return `is not modelled for the pass-through model '${capabilities.model}': only prompt and providerOptions are sent. Put the provider's own wire field in providerOptions.`;
  }
  const offered = ['prompt', ...capabilities.fields, 'providerOptions'].join(', ');
  const where = capabilities.documentation ? ` (see ${capabilities.documentation})` : '';
  return `is not offered by ${provider} for ${capabilities.model}${where}. Remove it; this model takes: ${offered}.`;
}

function limitIssues(raw: Record<string, unknown>, provider: string, capabilities: ModelCapabilities): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const on = `for ${capabilities.model} on ${provider}`;
  const prompt = raw['prompt'];
  if (typeof prompt === 'string' && capabilities.promptMaxLength !== undefined) {
    const length = [...prompt].length;
    if (length > capabilities.promptMaxLength) {
      issues.push({ path: 'prompt', message: `is ${length} characters; at most ${capabilities.promptMaxLength} are allowed ${on}. Shorten it.` });
    }
  }
  const n = raw['n'];
  if (typeof n === 'number' && Number.isInteger(n) && capabilities.fields.includes('n')) {
    const range = capabilities.n ?? { min: 1, max: 1 };
    if (!within(n, range)) issues.push({ path: 'n', message: `must be from ${range.min} to ${range.max} ${on}; got ${n}.` });
  }
  const seed = raw['seed'];
  if (typeof seed === 'number' && Number.isInteger(seed) && capabilities.seed && capabilities.fields.includes('seed')) {
    if (!within(seed, capabilities.seed)) {
      issues.push({ path: 'seed', message: `must be from ${capabilities.seed.min} to ${capabilities.seed.max} ${on}; got ${seed}.` });
    }
  }
  if (raw['size'] !== undefined && capabilities.size && capabilities.fields.includes('size')) {
    issues.push(...sizeIssues(raw['size'], capabilities.size, on));
  }
  return issues;
}

function sizeIssues(value: unknown, rule: NonNullable<ModelCapabilities['size']>, on: string): ValidationIssue[] {
  const parsed = sizeSchema.safeParse(value);
  if (!parsed.success) return [];
  if ('values' in rule) {
    // Any spelling of an allowed size counts: '1024X1024', '1024*1024' or { width: 1024, height: 1024 }.
    const canonical = parsed.data === 'auto' ? 'auto' : `${parsed.data.width}x${parsed.data.height}`;
    if (rule.values.includes(canonical)) return [];
    return [{ path: 'size', message: `must be one of ${rule.values.map((item) => `'${item}'`).join(', ')} ${on}.` }];
  }
  if (parsed.data === 'auto') return [{ path: 'size', message: `'auto' is not offered ${on}; give an explicit size such as '1024x1024'.` }];
  const issues: ValidationIssue[] = [];
  const prefix = typeof value === 'object' ? 'size.' : 'size';
  for (const side of ['width', 'height'] as const) {
    const pixels = parsed.data[side];
    const path = prefix === 'size' ? 'size' : `size.${side}`;
    if (!within(pixels, rule.side)) {
      issues.push({ path, message: `${side} ${pixels} is outside ${rule.side.min}–${rule.side.max} px ${on}.` });
    } else if (pixels % rule.multipleOf !== 0) {
      const lower = pixels - (pixels % rule.multipleOf);
      issues.push({ path, message: `${side} ${pixels} is not a multiple of ${rule.multipleOf} ${on}; use ${lower} or ${lower + rule.multipleOf} (sizes are never rounded silently).` });
    }
  }
  return issues;
}

function within(value: number, range: Range): boolean {
  return value >= range.min && value <= range.max;
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
