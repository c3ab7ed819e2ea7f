/**
 * Keeps the page responsive: long work runs in slices that yield to the main thread, so input and
 * rendering get in between and no task of ours runs long.
 */

type Scheduler = { yield?: () => Promise<void> };

/** Yields to the main thread (scheduler.yield where the browser has it). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Milliseconds of work between yields: well under the 50 ms of a long task. */
export const SLICE_MS = 8;

/**
 * A time budget for slices of work. Loops ask `due()` (a plain call, no promise) and only await
 * `yield()` when the slice is spent: awaiting on every step would cost a promise hop per block.
 */
export class Pacer {
  private started = performance.now();

  constructor(private readonly budget = SLICE_MS) {}

  /** True once this slice has run for its budget. */
  due(): boolean {
    return performance.now() - this.started >= this.budget;
  }

  /** Yields to the page and starts a new slice. */
  async yield(): Promise<void> {
    await yieldToMain();
    this.started = performance.now();
  }

  /** Yields if the slice is spent (for places that await anyway). */
  async check(): Promise<void> {
    if (this.due()) await this.yield();
  }
}

/** A pacer that never yields (tests, and work known to be small). */
export const NO_PACING: Pacer = Object.assign(new Pacer(Infinity), { due: () => false });
