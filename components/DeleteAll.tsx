import { useRef, useState } from 'preact/hooks';
import { countOf, NOUNS } from '@/core/plural';
import { TrashIcon } from './icons';

/**
 * "Delete all highlights", behind a confirmation in a modal dialog (focus stays inside it, Esc
 * cancels). Cancel has the focus first, so a stray Enter deletes nothing.
 */
export function DeleteAll({ count, onDelete }: { count: number | null; onDelete: () => Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        class="danger-quiet"
        disabled={!count || busy}
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        <TrashIcon /> Delete all highlights…
      </button>
      <dialog ref={dialog} class="confirm" aria-labelledby="delete-all-title" aria-describedby="delete-all-body">
        <h3 id="delete-all-title">Delete all {count === null ? 'highlights' : countOf(count, NOUNS.highlight)}?</h3>
        <p id="delete-all-body">
          They disappear from every page and from the popup. You can undo this for 10 minutes, here or in the popup.
        </p>
        <div class="form-actions end">
          <button ref={cancel} type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onDelete().finally(() => {
                setBusy(false);
                close();
              });
            }}
          >
            Delete all
          </button>
        </div>
      </dialog>
    </>
  );
}
