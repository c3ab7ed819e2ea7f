/** When the pointer's pause starts preparing a popover (entrypoints/content/pointer-rest.ts). */

/**
 * How long before the rest delay ends a pause starts fetching and laying out the popover (a
 * round trip and a render measured at about 15 ms together, with room for a slow one), and the
 * shortest pause that does: a pointer sweeping across the page must not ask for a caret position
 * (a layout read) and a lookup at every mousemove.
 */
const PAUSE_LEAD_MS = 40;
const PAUSE_MIN_MS = 20;

/** When a pause is long enough to prepare the popover, for a rest delay of `delayMs`; null when there is no time to. */
export function pauseAfter(delayMs: number): number | null {
  return delayMs > PAUSE_MIN_MS ? Math.max(PAUSE_MIN_MS, delayMs - PAUSE_LEAD_MS) : null;
}
