import { PNG } from 'pngjs';

/** A fetch answer with the body read as text and, when it parses, as JSON. */
export interface ReadResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<ReadResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<ReadResponse> {
  return call(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Reads a field of a JSON value by path, for compact assertions. */
export function field(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function text(value: unknown, ...path: (string | number)[]): string {
  const found = field(value, ...path);
  if (typeof found !== 'string') throw new Error(`expected a string at ${path.join('.')}, got ${JSON.stringify(found)}`);
  return found;
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Polls `check` until it returns a value other than `undefined`. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await sleep(10);
  }
}

/** Downloads a PNG and decodes it. */
export async function downloadPng(url: string): Promise<{ bytes: Buffer; image: PNG; headers: Headers }> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, image: PNG.sync.read(bytes), headers: response.headers };
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
