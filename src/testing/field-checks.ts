/** Small checks for request fields; each returns a problem message or `undefined`. */

export function checkInteger(name: string, value: unknown, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return `${name} must be an integer from ${min} to ${max}`;
  }
  return undefined;
}

export function checkBoolean(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return `${name} must be a boolean`;
}

export function checkOneOf(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value)) return `${name} must be one of ${allowed.join(', ')}`;
  return undefined;
}

export function checkPrompt(name: string, value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return `${name} is required and must be a non-empty string`;
  if ([...value].length > maxLength) return `${name} must be at most ${maxLength} characters`;
  return undefined;
}

/** Problems that are not `undefined`. */
export function problems(...results: readonly (string | undefined)[]): string[] {
  return results.filter((result): result is string => result !== undefined);
}
