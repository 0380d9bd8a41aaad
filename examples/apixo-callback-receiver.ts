/**
 * Receiving APIXO callbacks on node:http.
 *
 * APIXO POSTs the task envelope to `callback_url` when a task ends, delivers it again when it gets no
 * 200 within 30 s, and signs nothing. So this receiver:
 *   1. answers 200 at once, before doing any work, so APIXO has no reason to deliver again;
 *   2. handles each task id once, however often it is delivered;
 *   3. trusts nothing in the body: `client.confirmWebhook()` re-reads the task through statusTask
 *      with your key, and only that answer is used.
 *
 * Offline, against the sandbox (nothing billed):
 *   npx tsx examples/apixo-callback-receiver.ts
 * Against APIXO: also set APIXO_API_KEY and PUBLIC_CALLBACK_URL (a public https:// URL that forwards
 * to this receiver on PORT, default 8787). APIXO requires public HTTPS for callbacks.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { ImageClient, ImagegateError, type ImageResult } from 'imagegate';
import { apixo, apixoCallbackTaskId } from 'imagegate/apixo';
import { startSandbox } from 'imagegate/testing';

export interface CallbackHandlers {
  /** A task confirmed through statusTask as finished with images. */
  onImages(result: ImageResult): void | Promise<void>;
  /** A task confirmed as failed (InferenceFailed, ContentPolicyError, …), or that could not be confirmed. */
  onFailure(error: unknown, taskId: string): void | Promise<void>;
}

export interface CallbackReceiver {
  /** Handles one delivery body and returns the HTTP status to answer at once (200, or 400 for a stray body). */
  receive(body: string): number;
  /** Resolves once every confirmation started so far has settled. */
  settled(): Promise<void>;
  /** A node:http server that reads each POST and answers with `receive()`. */
  server: Server;
}

/** Bodies past this size are refused: an APIXO envelope is a few hundred bytes. */
const maxBodyBytes = 1_000_000;

export function createCallbackReceiver(client: ImageClient, handlers: CallbackHandlers, options: { model?: string } = {}): CallbackReceiver {
  const model = options.model ?? 'image-01';
  // Task ids already in hand. In production, use a unique key in your database instead.
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  const confirm = async (body: string, taskId: string): Promise<void> => {
    try {
      await handlers.onImages(await client.confirmWebhook(body, { model }));
    } catch (error) {
      // Not finished yet by statusTask, or a network failure: wait for the task the normal way.
      if (error instanceof ImagegateError && error.retryable) {
        try {
          await handlers.onImages(await client.job(taskId, { model }).wait({ timeoutMs: 300_000 }));
        } catch (waitError) {
          await handlers.onFailure(waitError, taskId);
        }
        return;
      }
      await handlers.onFailure(error, taskId);
    }
  };

  const receive = (body: string): number => {
    let taskId: string;
    try {
      taskId = apixoCallbackTaskId(body);
    } catch {
      return 400;
    }
    if (seen.has(taskId)) return 200; // A repeated delivery: already handled, or being handled.
    seen.add(taskId);
    const work = confirm(body, taskId).finally(() => inFlight.delete(work));
    inFlight.add(work);
    return 200;
  };

  const server = createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    readBody(request).then(
      (body) => {
        const status = receive(body);
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'not an APIXO callback');
      },
      () => response.writeHead(413).end(),
    );
  });

  return { receive, settled: async () => void (await Promise.allSettled([...inFlight])), server };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Submits one task in callback mode and prints what the receiver confirms. */
async function main(): Promise<void> {
  const publicUrl = process.env['PUBLIC_CALLBACK_URL'];
  const live = Boolean(process.env['APIXO_API_KEY'] && publicUrl);
  const sandbox = live ? undefined : await startSandbox({ jobDurationMs: 500 });
  const client = new ImageClient({ provider: apixo(sandbox ? { apiKey: 'sandbox-key', baseUrl: sandbox.baseUrls.apixo } : {}) });

  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const receiver = createCallbackReceiver(client, {
    onImages: (result) => {
      console.log(`task ${result.id}: ${result.images.length} image(s), ${result.failedCount} withheld`);
      for (const image of result.images) console.log(`  ${image.url}`);
      finish();
    },
    onFailure: (error, taskId) => {
      console.error(`task ${taskId} did not produce images: ${error instanceof Error ? error.message : String(error)}`);
      finish();
    },
  });

  const port = live ? Number(process.env['PORT'] ?? 8787) : 0;
  await new Promise<void>((resolve) => receiver.server.listen(port, '127.0.0.1', resolve));
  const address = receiver.server.address();
  const callbackUrl = publicUrl && live ? publicUrl : `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/apixo`;

  const job = await client.submit({ prompt: 'a lighthouse at dusk, oil painting', n: 2, aspectRatio: '16:9' }, { callbackUrl });
  console.log(`submitted ${job.id} (${live ? 'APIXO' : 'sandbox'}); waiting for the callback at ${callbackUrl}`);
  await finished;
  await receiver.settled();
  receiver.server.close();
  await sandbox?.close();
  await client.close();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
