/** `base_resp.status_msg` for the codes the sandbox can answer. */
export const minimaxMessages: Readonly<Record<number, string>> = {
  0: 'success',
  1000: 'unknown error',
  1001: 'request timeout',
  1002: 'rate limit exceeded',
  1004: "login fail: Please carry the API secret key in the 'Authorization' field of the request header",
  1008: 'insufficient balance',
  1024: 'internal error',
  1026: 'input new_sensitive',
  1027: 'output new_sensitive',
  1033: 'system error',
  1039: 'token limit exceeded',
  1041: 'conn limit exceeded',
  1042: 'illegal characters exceed limit',
  2013: 'invalid params',
  2045: 'rate growth limit exceeded',
  2049: 'invalid api key',
  2056: 'usage limit exceeded',
};

/** Codes answered at once, before any generation (so no job is created). */
export const minimaxImmediateCodes: ReadonlySet<number> = new Set([
  1002, 1004, 1008, 1026, 1039, 1041, 1042, 2013, 2045, 2049, 2056,
]);

const failCodeAliases: Readonly<Record<string, number>> = {
  CONTENT_VIOLATION: 1026,
  NSFW_DETECTED: 1027,
  INSUFFICIENT_BALANCE: 1008,
  INSUFFICIENT_CREDITS: 1008,
  TIMEOUT: 1001,
  RATE_LIMIT: 1002,
};

/** The MiniMax code for a `[fail:…]` marker: a number as given, a known failCode mapped, else 1000. */
export function minimaxCodeFor(requested: string | undefined): number {
  if (requested === undefined) return 1000;
  const numeric = Number(requested);
  if (Number.isInteger(numeric) && numeric > 0) return numeric;
  return failCodeAliases[requested.toUpperCase()] ?? 1000;
}

/** `base_resp` for a code. */
export function minimaxBaseResponse(code: number, detail?: string): { status_code: number; status_msg: string } {
  const message = minimaxMessages[code] ?? 'error';
  return { status_code: code, status_msg: detail === undefined ? message : `${message}, ${detail}` };
}
