import { useLayoutEffect, useState } from 'preact/hooks';
import { countOf, noun } from '@/core/plural';
import type { DueCount } from '@/lib/protocol';

/**
 * The popup's review line: how many cards are due now, and the way to the review page. Shown
 * once the count is known; nothing while it is not, so the popup never jumps for a count of 0.
 * The count is asked for in the popup's head (lib/popup-start.ts), before its modules load.
 */
export function DueLine({ due: counting }: { due: Promise<DueCount | null> }) {
  const [due, setDue] = useState<number | null>(null);
  // Before the first paint when the count is in already (it usually is): not a frame later.
  useLayoutEffect(() => {
    void counting.then(
      (r) => setDue(r?.due ?? null),
      () => setDue(null),
    );
  }, [counting]);
  if (due === null) return null;
  return (
    <p class="due-line" data-testid="popup-due" data-review-due={due}>
      <span>{due === 0 ? 'No cards due' : `${countOf(due, noun('card'))} due`}</span>
      <a class="button small" href="/review.html" target="_blank" rel="noopener">
        Review
      </a>
    </p>
  );
}
