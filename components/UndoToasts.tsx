import { countOf, NOUNS } from '@/core/plural';
import type { Deletion } from '@/lib/protocol';

/** How a delete is named in its undo line: the quote for one highlight, the count for more. */
export function deletionLabel(d: Pick<Deletion, 'count' | 'quote'>): string {
  return d.count === 1
    ? `“${d.quote.length > 40 ? `${d.quote.slice(0, 40)}…` : d.quote}”`
    : countOf(d.count, NOUNS.highlight);
}

/**
 * The deletes that can still be undone: they are kept in the background for a while, so they are
 * here whenever the popup is opened again within that time, one line each.
 */
export function UndoToasts({ deletions, onUndo }: { deletions: Deletion[]; onUndo: (undoId: string) => void }) {
  if (deletions.length === 0) return null;
  return (
    <ul class="undo-list" aria-label="Recently deleted">
      {deletions.map((d) => (
        <li key={d.undoId} class="toast" role="status">
          <span class="what">Deleted {deletionLabel(d)}.</span>
          <button type="button" onClick={() => onUndo(d.undoId)}>
            Undo
          </button>
        </li>
      ))}
    </ul>
  );
}
