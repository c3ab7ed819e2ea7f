import { useRef, useState } from 'preact/hooks';
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
  /** What the toolbar must not cover: the English under the paragraph the selection is in. */
  avoid?: Rect[];
  colours: { colour: Colour; meaning: string }[];
  /** The colour the plain "Highlight" button uses. */
  defaultColour: Colour;
  status: ToolbarStatus;
  /** Each action gets the event, so the page's synthetic clicks can be told apart. */
  onHighlight: (colour: Colour, e: Event) => void;
  onAddNote: (colour: Colour, e: Event) => void;
  onDismiss: () => void;
}

/** The toolbar shown next to a selection: Highlight, a colour for each meaning, Add note. */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const placement = usePlacement(ref, props.anchor, [props.status.kind], props.avoid);
  const busy = props.status.kind === 'saving';
  /** The meaning of the colour under the pointer or the keyboard focus, shown as text. */
  const [hint, setHint] = useState<string | null>(null);
  return (
    <div
      ref={ref}
      class="panel toolbar"
      role="toolbar"
      aria-label="Save a highlight"
      data-testid="selection-toolbar"
      // Keep the page's selection: clicks inside the toolbar must not move focus to the page.
      onMouseDown={(e) => e.preventDefault()}
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        visibility: placement ? 'visible' : 'hidden',
      }}
    >
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={(e) => props.onHighlight(props.defaultColour, e)}
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
            onClick={(e) => props.onHighlight(c.colour, e)}
            onMouseEnter={() => setHint(c.meaning)}
            onMouseLeave={() => setHint(null)}
            onFocus={() => setHint(c.meaning)}
            onBlur={() => setHint(null)}
          />
        ))}
        <button type="button" disabled={busy} onClick={(e) => props.onAddNote(props.defaultColour, e)}>
          Add note
        </button>
      </div>
      {hint && (
        <p class="swatch-hint" aria-hidden="true">
          {hint}
        </p>
      )}
      {props.status.kind === 'saved' && (
        <p class="status fading" role="status">
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
