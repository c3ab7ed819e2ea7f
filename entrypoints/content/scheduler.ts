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

/** A time budget for one slice; `check()` yields once the slice has run long enough. */
export function slicer(budget = SLICE_MS): { check(): Promise<void> } {
  let started = performance.now();
  return {
    async check() {
      if (performance.now() - started < budget) return;
      await yieldToMain();
      started = performance.now();
    },
  };
}
