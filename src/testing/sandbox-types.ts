import type { IncomingHttpHeaders } from 'node:http';

/** The providers whose wire formats the sandbox speaks. */
export type SandboxProvider = 'segmind' | 'apixo' | 'minimax';

/**
 * The kinds of request the sandbox answers, used to aim faults and to read the request log.
 * - `submit`: Segmind `POST /v2/{model}`, APIXO `POST /api/v1/generateTask/{model}`, MiniMax
 *   `POST /v1/image_generation` (MiniMax's only route).
 * - `status`: Segmind `GET /v2/requests/{id}/status`, APIXO `GET /api/v1/statusTask/{model}`.
 * - `result`: Segmind `GET /v2/requests/{id}`.
 * - `balance`: APIXO `GET /api/v1/apikeys/current-balance`.
 * - `file`: `GET /files/{name}.png`, the generated images.
 */
export type SandboxRoute = 'submit' | 'status' | 'result' | 'balance' | 'file';

/** The providers in a fixed order. */
export const sandboxProviders: readonly SandboxProvider[] = ['segmind', 'apixo', 'minimax'];

/** One request as a route handler sees it, body already read. */
export interface SandboxExchange {
  method: string;
  /** Path parameters captured by the route table (model slug, request id, file name). */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
  /** `http://host:port` as the client addressed the sandbox; absolute URLs are built on it. */
  origin: string;
}

/** What a route handler answers; the server writes it (or a fault replaces it). */
export interface RouteReply {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}
