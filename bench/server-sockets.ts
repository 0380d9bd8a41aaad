import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/**
 * Counts TCP connections accepted by servers in this process (the sandbox) through Node's
 * `net.server.socket` diagnostics channel: sockets opened since the last {@link restart}, and the
 * most open at once.
 */
export class ServerSocketCounter {
  #opened = 0;
  #open = 0;
  #peakOpen = 0;

  readonly #onSocket = (message: unknown): void => {
    const socket = (message as { socket?: Socket }).socket;
    this.#opened += 1;
    this.#open += 1;
    this.#peakOpen = Math.max(this.#peakOpen, this.#open);
    socket?.once('close', () => {
      this.#open -= 1;
    });
  };

  start(): void {
    subscribe('net.server.socket', this.#onSocket);
  }

  stop(): void {
    unsubscribe('net.server.socket', this.#onSocket);
  }

  /** Starts a new count; sockets still open stay counted as open. */
  restart(): void {
    this.#opened = 0;
    this.#peakOpen = this.#open;
  }

  get opened(): number {
    return this.#opened;
  }

  get peakOpen(): number {
    return this.#peakOpen;
  }

  get open(): number {
    return this.#open;
  }
}
