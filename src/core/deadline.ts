import type { Clock } from './clock';

/**
 * The end of a whole operation (`timeoutMs`). Its signal aborts when the time is up, so a request in
 * flight at that moment is cancelled at once; `dispose()` clears the timer.
 */
export class Deadline {
  readonly startedAt: number;
  readonly expiresAt: number;
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #clock: Clock;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number, clock: Clock) {
    this.#clock = clock;
    this.startedAt = clock.now();
    this.expiresAt = this.startedAt + timeoutMs;
    this.signal = this.#controller.signal;
    if (Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => this.#controller.abort(new DeadlineReached()), Math.max(0, timeoutMs));
    }
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.#clock.now());
  }

  elapsedMs(): number {
    return Math.round(this.#clock.now() - this.startedAt);
  }

  /** True once the time is up, by the clock or by the timer. */
  get expired(): boolean {
    return this.signal.aborted || this.remainingMs() <= 0;
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** The abort reason a Deadline uses, so callers can tell "time is up" from the user's own abort. */
export class DeadlineReached extends Error {
  constructor() {
    super('The operation deadline was reached');
    this.name = 'DeadlineReached';
  }
}
