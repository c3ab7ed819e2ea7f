import { RATINGS, RATING_NAMES, type ReviewRating } from '@/core/review-card';
import { formatWait, type ReviewItem } from '@/core/review-face';

/**
 * The review page's buttons: Show answer, then the four ratings with when the card would come
 * back; Undo. Each button names its key; the page listens for the keys themselves.
 */
export function ReviewControls({
  item,
  revealed,
  canUndo,
  onShow,
  onRate,
  onUndo,
}: {
  item: ReviewItem | null;
  revealed: boolean;
  canUndo: boolean;
  onShow: () => void;
  onRate: (rating: ReviewRating) => void;
  onUndo: () => void;
}) {
  return (
    <div class="review-controls">
      {item && !revealed && (
        <button type="button" class="show" aria-keyshortcuts="Space" onClick={onShow}>
          Show answer <kbd>Space</kbd>
        </button>
      )}
      {item && revealed && (
        <div class="ratings" role="group" aria-label="How well did you remember it?">
          {RATINGS.map((r) => (
            <button
              key={r}
              type="button"
              class={`rate rate-${r}`}
              aria-label={RATING_NAMES[r]}
              aria-keyshortcuts={String(r)}
              onClick={() => onRate(r)}
            >
              <span class="rate-name">{RATING_NAMES[r]}</span>
              <span class="rate-wait">{formatWait(item.nextDue[r] - item.readAt)}</span>
              <kbd>{r}</kbd>
            </button>
          ))}
        </div>
      )}
      <button type="button" class="undo" aria-keyshortcuts="Z" disabled={!canUndo} onClick={onUndo}>
        Undo <kbd>Z</kbd>
      </button>
    </div>
  );
}
