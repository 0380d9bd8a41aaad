import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { adminPrefix, handleAdmin } from './admin-routes';
import type { AdminTargets } from './admin-routes';
import { htmlFaultReply, malformedReply, statusFaultReply } from './fault-replies';
import type { SandboxFault } from './faults';
import { serveImageFile } from './file-routes';
import { jsonReply } from './http-replies';
import { recordedBody } from './request-log';
import type { RouteMatch } from './route-table';
import { identifyRequest } from './route-table';
import type { ProviderHandler, SandboxContext } from './sandbox-context';
import type { RouteReply, SandboxExchange, SandboxProvider } from './sandbox-types';

/** Largest request body the sandbox reads (MiniMax data: URLs can be large). */
const maxBodyBytes = 25 * 1024 * 1024;

/** Everything the HTTP server dispatches to. */
export interface SandboxServerParts extends AdminTargets {
  context: SandboxContext;
  handlers: Readonly<Record<SandboxProvider, ProviderHandler>>;
  /** Called for `GET /`, to describe the sandbox. */
  describe: () => unknown;
  /** Origin for absolute URLs when a request carries no Host header. */
  defaultOrigin: () => string;
}

/** Creates the sandbox's `node:http` server (not yet listening). */
export function createSandboxServer(parts: SandboxServerParts): Server {
  return createServer((request, response) => {
    dispatch(parts, request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      writeReply(response, jsonReply(500, { error: `sandbox internal error: ${message}` }), request.method);
    });
  });
}

async function dispatch(parts: SandboxServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
  if (url.pathname === adminPrefix || url.pathname.startsWith(`${adminPrefix}/`)) {
    const bodyText = await readBody(request);
    writeReply(response, handleAdmin(parts, method, url.pathname, bodyText), method);
    return;
  }
  if (url.pathname === '/' && (method === 'GET' || method === 'HEAD')) {
    writeReply(response, jsonReply(200, parts.describe()), method);
    return;
  }
  const match = identifyRequest(method, url.pathname);
  const fault = match.route === null ? undefined : parts.faults.take(match.provider, match.route);
  const recorded = {
    provider: match.provider,
    route: match.route,
    method,
    path: request.url ?? '/',
    headers: { ...request.headers },
    receivedAt: Date.now(),
  };
  if (fault?.type === 'reset' && fault.when === 'before-body') {
    parts.log.add({ ...recorded, body: undefined });
    request.socket.resetAndDestroy();
    return;
  }
  const bodyText = await readBody(request);
  parts.log.add({ ...recorded, body: recordedBody(bodyText) });
  const exchange: SandboxExchange = {
    method,
    params: match.params,
    query: url.searchParams,
    headers: request.headers,
    bodyText,
    origin: request.headers.host === undefined ? parts.defaultOrigin() : `http://${request.headers.host}`,
  };
  const handle = (): Promise<RouteReply> => startHandling(parts, match, exchange);
  const reply = await applyFault(parts, fault, match.provider, handle, request);
  if (reply !== undefined && !parts.context.scheduler.closed) writeReply(response, reply, method);
}

/** Runs the route handler; its synchronous part (which creates the job) runs before this returns. */
async function startHandling(parts: SandboxServerParts, match: RouteMatch, exchange: SandboxExchange): Promise<RouteReply> {
  if (match.route === 'file') return serveImageFile(parts.context.images, exchange);
  if (match.provider === null) return jsonReply(404, { error: 'Not found' });
  return parts.handlers[match.provider](match.route, exchange);
}

/** The reply to send, after the fault (if any) had its way; `undefined` when nothing is sent. */
async function applyFault(
  parts: SandboxServerParts,
  fault: SandboxFault | undefined,
  provider: SandboxProvider | null,
  handle: () => Promise<RouteReply>,
  request: IncomingMessage,
): Promise<RouteReply | undefined> {
  if (fault === undefined) return handle();
  const resetMs = parts.context.options.rateLimitResetMs;
  switch (fault.type) {
    case 'reset':
      handle().catch(() => undefined);
      request.socket.resetAndDestroy();
      return undefined;
    case 'status':
      if (fault.processRequest === true) await handle();
      return statusFaultReply(fault, provider, resetMs);
    case 'html':
      if (fault.processRequest === true) await handle();
      return htmlFaultReply(fault);
    case 'malformed-json':
      return malformedReply(await handle());
    case 'delay-headers': {
      const reply = await handle();
      await parts.context.scheduler.sleep(fault.ms);
      return reply;
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error(`request body larger than ${maxBodyBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function writeReply(response: ServerResponse, reply: RouteReply, method: string | undefined): void {
  if (response.headersSent || response.destroyed || response.writableEnded) return;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  response.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.byteLength) });
  response.end(method === 'HEAD' ? undefined : body);
}
