import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_COLOUR_MEANINGS, type Colour, type HighlightRecord } from '@/core/highlight-record';
import { sendMessage } from '@/lib/messaging';
import type { Deletion } from '@/lib/protocol';
import { colourMeanings } from '@/lib/settings';
import { ColourDot } from './ColourPicker';
import { NoteEditor } from './NoteEditor';

type View =
  | { kind: 'loading' }
  | { kind: 'shown'; highlight: HighlightRecord; status: string }
  | { kind: 'editing'; highlight: HighlightRecord }
  | { kind: 'deleted'; highlight: HighlightRecord; deletion: Deletion }
  | { kind: 'gone'; message: string };

const messageOf = (e: unknown) => (e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e));
const close = () => void sendMessage('closeFrame', {}).catch(() => undefined);

/**
 * A saved highlight's card, framed next to it on the page: its colour, note and tags, and Edit,
 * Copy and Delete (with undo). An extension page, so the note stays out of the page's reach.
 */
export function HighlightCard({ id }: { id: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [meanings, setMeanings] = useState<Record<Colour, string>>(DEFAULT_COLOUR_MEANINGS);

  const load = useCallback(
    (status = '') =>
      sendMessage('getHighlight', { id }).then(
        (h) =>
          setView(
            h ? { kind: 'shown', highlight: h, status } : { kind: 'gone', message: 'This highlight no longer exists.' },
          ),
        (e: unknown) => setView({ kind: 'gone', message: messageOf(e) }),
      ),
    [id],
  );
  useEffect(() => {
    void load();
    void colourMeanings.getValue().then(setMeanings);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [load]);

  if (view.kind === 'loading') return <p class="card muted">Loading…</p>;
  if (view.kind === 'gone')
    return (
      <p class="card error" role="alert">
        {view.message}
      </p>
    );
  const h = view.highlight;
  if (view.kind === 'editing') {
    return (
      <NoteEditor
        load={() => Promise.resolve({ quote: h.quote.exact, color: h.color, meanings, note: h.note, tags: h.tags })}
        onSave={async (fields) => {
          await sendMessage('updateHighlight', { id, patch: fields });
          await load('Saved.');
        }}
        onCancel={() => load()}
      />
    );
  }
  if (view.kind === 'deleted') {
    return (
      <div class="card" data-testid="card-deleted">
        <p role="status">Highlight deleted.</p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() =>
              void sendMessage('undoDeletion', { undoId: view.deletion.undoId }).then(
                () => load('Restored.'),
                (e: unknown) => setView({ kind: 'gone', message: messageOf(e) }),
              )
            }
          >
            Undo
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="card" data-testid="card">
      <header class="card-head">
        <ColourDot colour={h.color} />
        <span class="meaning">{meanings[h.color]}</span>
        {h.on === 'english' && <span class="muted"> · on the English</span>}
        <button type="button" class="close" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      {h.note ? (
        <p class="note" data-testid="card-note">
          {h.note}
        </p>
      ) : (
        <p class="muted">No note.</p>
      )}
      {h.tags.length > 0 && (
        <p class="tags">
          {h.tags.map((t) => (
            <span key={t} class="tag">
              #{t}
            </span>
          ))}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={() => setView({ kind: 'editing', highlight: h })}>
          Edit
        </button>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(h.note ? `${h.quote.exact}\n\n${h.note}` : h.quote.exact).then(
              () => setView({ ...view, status: 'Copied.' }),
              () => setView({ ...view, status: 'Could not copy.' }),
            )
          }
        >
          Copy
        </button>
        <button
          type="button"
          onClick={() =>
            void sendMessage('deleteHighlights', { ids: [id] }).then(
              (deletion) =>
                deletion
                  ? setView({ kind: 'deleted', highlight: h, deletion })
                  : setView({ kind: 'gone', message: 'This highlight no longer exists.' }),
              (e: unknown) => setView({ ...view, status: messageOf(e) }),
            )
          }
        >
          Delete
        </button>
        {view.status && (
          <span class="status" role="status">
            {view.status}
          </span>
        )}
      </div>
    </div>
  );
}
