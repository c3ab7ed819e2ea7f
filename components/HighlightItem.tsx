import { useState } from 'preact/hooks';
import { formatLocalDateTime } from '@/core/highlight-export';
import { COLOURS, type Colour, type HighlightPatch, type HighlightRecord } from '@/core/highlight-record';

export interface HighlightItemProps {
  highlight: HighlightRecord;
  meanings: Record<Colour, string>;
  onOpen: (h: HighlightRecord) => void;
  onSave: (h: HighlightRecord, patch: HighlightPatch) => Promise<void>;
  onDelete: (h: HighlightRecord) => void;
}

/** One saved highlight: its quote, colour, note, English and status, with its actions. */
export function HighlightItem({ highlight: h, meanings, onOpen, onSave, onDelete }: HighlightItemProps) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const [colour, setColour] = useState<Colour>(h.color);
  const [tags, setTags] = useState(h.tags.join(', '));
  const [error, setError] = useState('');
  return (
    <li class={`highlight colour-${h.color}${h.orphan ? ' orphan' : ''}`} data-testid="highlight" data-id={h.id}>
      <blockquote lang="vi">{h.quote.exact}</blockquote>
      {h.corpus?.english && (
        <p class="english" lang="en">
          {h.corpus.english}
        </p>
      )}
      {h.corpus && h.corpus.terms.length > 0 && (
        <p class="terms">
          {h.corpus.terms.map((t) => (
            <span key={t.vi}>
              <span lang="vi">{t.vi}</span> = <span lang="en">{t.en}</span>
            </span>
          ))}
        </p>
      )}
      {h.note && !editing && <p class="note">{h.note}</p>}
      <p class="meta">
        <span class={`dot dot-${h.color}`} aria-hidden="true" />
        <span>{meanings[h.color]}</span>
        {h.tags.map((t) => (
          <span key={t} class="tag">
            #{t}
          </span>
        ))}
        <time dateTime={new Date(h.createdAt).toISOString()}>{formatLocalDateTime(h.createdAt)}</time>
        {h.orphan && (
          <span class="orphan-badge" title="Not found on the page at the last visit">
            orphan
          </span>
        )}
      </p>
      {editing ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            setError('');
            onSave(h, { note, color: colour, tags: tags.split(',') }).then(
              () => setEditing(false),
              (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
            );
          }}
        >
          <label>
            Note
            <textarea rows={3} value={note} maxLength={10_000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <label>
            Tags (comma-separated)
            <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <fieldset class="colours">
            <legend>Colour</legend>
            {COLOURS.map((c) => (
              <label key={c}>
                <input type="radio" name={`colour-${h.id}`} checked={c === colour} onChange={() => setColour(c)} />
                <span class={`dot dot-${c}`} aria-hidden="true" /> {meanings[c]}
              </label>
            ))}
          </fieldset>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit">Save</button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => onOpen(h)}>
            Open
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" onClick={() => onDelete(h)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
