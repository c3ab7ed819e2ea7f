import { useEffect, useState } from 'preact/hooks';
import { countOf, noun } from '@/core/plural';
import { sendMessage } from '@/lib/messaging';

/**
 * The popup's review line: how many cards are due now, and the way to the review page. Shown
 * once the count is known; nothing while it is not, so the popup never jumps for a count of 0.
 */
export function DueLine() {
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    void sendMessage('countDue', {}).then(
      (r) => setDue(r.due),
      () => setDue(null),
    );
  }, []);
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
