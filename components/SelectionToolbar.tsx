import { useEffect, useRef, useState } from 'preact/hooks';
import type { Colour } from '@/core/highlight-record';
import type { Rect } from '@/core/placement';
import { usePlacement } from './use-placement';

export type ToolbarStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

export interface SelectionToolbarProps {
  /** The selection, in viewport coordinates: the toolbar sits next to it. */
  anchor: Rect;
  colours: { colour: Colour; meaning: string }[];
  /** The colour the plain "Highlight" button uses. */
  defaultColour: Colour;
  status: ToolbarStatus;
  onHighlight: (colour: Colour, note: string) => void;
  onDismiss: () => void;
}

/** The toolbar shown next to a selection: Highlight, a colour for each meaning, Add note. */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  const [colour, setColour] = useState<Colour>(props.defaultColour);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const placement = usePlacement(ref, props.anchor, [noting, props.status.kind]);
  useEffect(() => {
    if (noting) noteRef.current?.focus();
  }, [noting]);
  const busy = props.status.kind === 'saving';
  return (
    <div
      ref={ref}
      class="panel toolbar"
      role="toolbar"
      aria-label="Save a highlight"
      data-testid="selection-toolbar"
      // Keep the page's selection: clicks inside the toolbar must not move focus to the page.
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
      }}
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        visibility: placement ? 'visible' : 'hidden',
      }}
    >
      {!noting ? (
        <div class="row">
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => props.onHighlight(props.defaultColour, '')}
          >
            Highlight
          </button>
          {props.colours.map((c) => (
            <button
              key={c.colour}
              type="button"
              class={`swatch swatch-${c.colour}`}
              aria-label={`Highlight as ${c.meaning} (${c.colour})`}
              title={c.meaning}
              disabled={busy}
              onClick={() => props.onHighlight(c.colour, '')}
            />
          ))}
          <button type="button" disabled={busy} onClick={() => setNoting(true)}>
            Add note
          </button>
        </div>
      ) : (
        <form
          class="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            props.onHighlight(colour, note.trim());
          }}
        >
          <label>
            Note
            <textarea
              ref={noteRef}
              rows={3}
              maxLength={10_000}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') props.onDismiss();
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) props.onHighlight(colour, note.trim());
              }}
            />
          </label>
          <div class="row">
            {props.colours.map((c) => (
              <button
                key={c.colour}
                type="button"
                class={`swatch swatch-${c.colour}${c.colour === colour ? ' chosen' : ''}`}
                aria-label={`${c.meaning} (${c.colour})`}
                aria-pressed={c.colour === colour}
                title={c.meaning}
                onClick={() => setColour(c.colour)}
              />
            ))}
            <button type="submit" class="primary" disabled={busy}>
              Save
            </button>
            <button type="button" onClick={props.onDismiss}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {props.status.kind === 'saved' && (
        <p class="status" role="status">
          Saved.
        </p>
      )}
      {props.status.kind === 'error' && (
        <p class="status error" role="alert">
          {props.status.message}
        </p>
      )}
    </div>
  );
}
