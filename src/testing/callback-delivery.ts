import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Scheduler } from './scheduler';

/** One attempt to deliver an APIXO callback. */
export interface CallbackAttempt {
  taskId: string;
  url: string;
  /** 1 for the first delivery, 2… for retries. */
  attempt: number;
  /** `Date.now()` when the attempt was sent. */
  sentAt: number;
  /** HTTP status the receiver answered, when it answered. */
  status?: number;
  /** Network error or timeout, when it did not answer. */
  error?: string;
  /** True when the receiver answered HTTP 200 (APIXO counts nothing else, other 2xx included). */
  delivered: boolean;
}

/**
 * Delivers APIXO callbacks: POSTs the task envelope as JSON to the receiver, and retries after each
 * of `retryDelaysMs` while the receiver does not answer 200 in time (APIXO: the receiver "must
 * answer 200"; a 201 or 204 is retried too).
 */
export class CallbackDelivery {
  readonly #scheduler: Scheduler;
  readonly #retryDelaysMs: readonly number[];
  readonly #timeoutMs: number;
  readonly #attempts: CallbackAttempt[] = [];
  readonly #inFlight = new Set<AbortController>();

  constructor(scheduler: Scheduler, retryDelaysMs: readonly number[], timeoutMs: number) {
    this.#scheduler = scheduler;
    this.#retryDelaysMs = retryDelaysMs;
    this.#timeoutMs = timeoutMs;
  }

  /** Sends `body()` to `url` after `delayMs`, then retries as needed. */
  schedule(url: string, taskId: string, delayMs: number, body: () => unknown): void {
    this.#scheduler.after(delayMs, () => {
      void this.#attempt(url, taskId, 1, JSON.stringify(body()));
    });
  }

  /** Every attempt so far, oldest first. */
  attempts(): CallbackAttempt[] {
    return this.#attempts.map((attempt) => ({ ...attempt }));
  }

  clear(): void {
    this.#attempts.length = 0;
  }

  /** Aborts attempts in flight; pending retries are cleared with the scheduler. */
  close(): void {
    for (const controller of this.#inFlight) controller.abort();
    this.#inFlight.clear();
  }

  async #attempt(url: string, taskId: string, attempt: number, payload: string): Promise<void> {
    const record: CallbackAttempt = { taskId, url, attempt, sentAt: Date.now(), delivered: false };
    this.#attempts.push(record);
    try {
      record.status = await this.#post(url, payload);
      record.delivered = record.status === 200;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    const retryDelay = this.#retryDelaysMs[attempt - 1];
    if (!record.delivered && retryDelay !== undefined && !this.#scheduler.closed) {
      this.#scheduler.after(retryDelay, () => {
        void this.#attempt(url, taskId, attempt + 1, payload);
      });
    }
  }

  #post(url: string, payload: string): Promise<number> {
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const outgoing = send(target, {
        method: 'POST',
        agent: false,
        signal: controller.signal,
        timeout: this.#timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
          'user-agent': 'imagegate-sandbox',
        },
      }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`callback timed out after ${this.#timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(payload);
    }).finally(() => this.#inFlight.delete(controller));
  }
}
