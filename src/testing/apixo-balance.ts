import type { SandboxJob } from './job-store';
import { jobPhaseAt } from './job-timing';

/**
 * The APIXO account balance: a task is precharged for every image asked for; when it finishes,
 * images not delivered (all of them for a failed task) are refunded.
 */
export class ApixoBalance {
  #amount: number;
  readonly #pricePerImage: number;
  readonly #unsettled = new Set<SandboxJob>();

  constructor(initial: number, pricePerImage: number) {
    this.#amount = initial;
    this.#pricePerImage = pricePerImage;
  }

  /** The balance in USD after settling finished tasks. */
  amount(now = Date.now()): number {
    for (const job of this.#unsettled) {
      const phase = jobPhaseAt(job, now);
      if (phase !== 'completed' && phase !== 'failed') continue;
      this.#amount += (job.requestedCount - job.images.length) * this.#pricePerImage;
      this.#unsettled.delete(job);
    }
    return round(this.#amount);
  }

  /** Replaces the balance; refunds still due on running tasks are dropped. */
  set(amount: number): void {
    this.#amount = amount;
    this.#unsettled.clear();
  }

  /** True when the balance covers `imageCount` images. */
  covers(imageCount: number): boolean {
    return this.amount() >= imageCount * this.#pricePerImage;
  }

  precharge(job: SandboxJob): void {
    this.#amount -= job.requestedCount * this.#pricePerImage;
    this.#unsettled.add(job);
  }
}

function round(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
