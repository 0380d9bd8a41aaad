/**
 * Every timer the sandbox starts goes through here, so `close()` can clear them all and nothing
 * keeps the process alive afterwards.
 */
export class Scheduler {
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #wakers = new Set<() => void>();
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `task` after `delayMs` unless the sandbox closes first. */
  after(delayMs: number, task: () => void): void {
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      task();
    }, Math.max(0, delayMs));
    this.#timers.add(timer);
  }

  /** Resolves after `delayMs`, or at once when the sandbox closes (check `closed` afterwards). */
  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.#closed) {
        resolve();
        return;
      }
      const wake = (): void => {
        this.#wakers.delete(wake);
        resolve();
      };
      this.#wakers.add(wake);
      this.after(delayMs, wake);
    });
  }

  /** Clears every pending timer and wakes every sleeper. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const wake of [...this.#wakers]) wake();
  }
}
