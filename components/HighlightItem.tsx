import { useState } from 'preact/hooks';
import { formatLocalDateTime } from '@/core/highlight-export';
import { type Colour, type HighlightPatch, type HighlightRecord } from '@/core/highlight-record';
import { informativePairs } from '@/core/term-pairs';
import { ColourDot, ColourPicker } from './ColourPicker';

export interface HighlightItemProps {
  highlight: HighlightRecord;
  meanings: Record<Colour, string>;
  onOpen: (h: HighlightRecord) => void;
  onSave: (h: HighlightRecord, patch: HighlightPatch) => Promise<void>;
  onDelete: (h: HighlightRecord) => void;
}

/**
 * One saved highlight: the quote first and largest, then its English and the glossary pairs worth
 * listing (those whose English differs), the note, and a line of colour, tags and date with the
 * actions.
 */
export function HighlightItem({ highlight: h, meanings, onOpen, onSave, onDelete }: HighlightItemProps) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const [colour, setColour] = useState<Colour>(h.color);
  const [tags, setTags] = useState(h.tags.join(', '));
  const [error, setError] = useState('');
  const pairs = h.corpus ? informativePairs(h.corpus.terms) : [];
  return (
    <li class={`highlight colour-${h.color}${h.orphan ? ' orphan' : ''}`} data-testid="highlight" data-id={h.id}>
      <blockquote lang="vi">{h.quote.exact}</blockquote>
      {h.corpus?.english && (
        <p class="english" lang="en">
          {h.corpus.english}
        </p>
      )}
      {pairs.length > 0 && (
        <p class="terms">
          {pairs.map((t) => (
            <span key={t.vi} class="term">
              <span lang="vi">{t.vi}</span>
              <span class="eq"> = </span>
              <span lang="en">{t.en}</span>
            </span>
          ))}
        </p>
      )}
      {h.note && !editing && <p class="note">{h.note}</p>}
      <div class="meta">
        <span class="meaning">
          <ColourDot colour={h.color} />
          {meanings[h.color]}
        </span>
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
      </div>
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
          <label class="field">
            <span>Note</span>
            <textarea rows={3} value={note} maxLength={10_000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Tags (comma-separated)</span>
            <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <ColourPicker value={colour} meanings={meanings} name={`colour-${h.id}`} onChange={setColour} />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary small">
              Save
            </button>
            <button type="button" class="small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="small" onClick={() => onOpen(h)}>
            Open
          </button>
          <button type="button" class="small ghost" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" class="small ghost danger-quiet" onClick={() => onDelete(h)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
