import { useLayoutEffect, useRef } from 'preact/hooks';
import type { GlossaryEntry } from '@/core/glossary-format';
import type { Rect } from '@/core/placement';
import { setSanitizedContent } from '@/lib/sanitize';
import { usePlacement } from './use-placement';

export interface TermPopoverProps {
  entry: GlossaryEntry;
  /** The term on the page, in viewport coordinates: the popover never covers it. */
  anchor: Rect;
  /** The English rendering of the term's paragraph: the popover keeps clear of it where it can. */
  avoid?: Rect[];
  pinned: boolean;
  /** Titles of the corpus articles the term occurs in. */
  articles: { id: string; vi: string; en: string }[];
  canSpeak: boolean;
  /** Each handler gets the event, so the page's synthetic events can be told apart. */
  onSpeak: (e: Event) => void;
  onPin: (e: Event) => void;
  onClose: (e: Event) => void;
  onPointerEnter: (e: Event) => void;
  onPointerLeave: (e: Event) => void;
}

const KIND_LABELS: Record<GlossaryEntry['kind'], string> = {
  country: 'country',
  place: 'place',
  person: 'person',
  organisation: 'organisation',
  media: 'news media',
  treaty: 'treaty',
  event: 'event',
  title: 'title or office',
  term: 'term',
};

/**
 * A glossary note: data that may carry inline formatting, so it goes through the sanitiser. Set in
 * a layout effect, before the popover measures itself to be placed: set later, it would make the
 * popover grow after placement (down over its term, when placed above it).
 */
function Note({ html }: { html: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (ref.current) setSanitizedContent(ref.current, html);
  }, [html]);
  return <p class="note" ref={ref} />;
}

/** The popover of a glossary term: headword, English, kind and note, Hán characters, articles. */
export function TermPopover(props: TermPopoverProps) {
  const { entry } = props;
  const ref = useRef<HTMLDivElement>(null);
  const placement = usePlacement(ref, props.anchor, [entry.id, props.pinned], props.avoid);
  return (
    <div
      ref={ref}
      id="vr-term-popover"
      class={`panel term${props.pinned ? ' pinned' : ''}`}
      role="tooltip"
      data-testid="term-popover"
      data-entry={entry.id}
      onMouseEnter={props.onPointerEnter}
      onMouseLeave={props.onPointerLeave}
      onClick={props.onPin}
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        maxHeight: placement ? `${placement.maxHeight}px` : undefined,
        visibility: placement ? 'visible' : 'hidden',
      }}
    >
      <div class="term-head">
        <span class="headword" lang="vi">
          {entry.vi}
        </span>
        {props.canSpeak && (
          <button
            type="button"
            class="speak"
            aria-label={`Listen to ${entry.vi}`}
            title="Listen (Vietnamese voice)"
            onClick={(e) => {
              e.stopPropagation();
              props.onSpeak(e);
            }}
          >
            🔊
          </button>
        )}
        {props.pinned && (
          <button
            type="button"
            class="close"
            aria-label="Close"
            onClick={(e) => {
              e.stopPropagation();
              props.onClose(e);
            }}
          >
            ×
          </button>
        )}
      </div>
      <p class="english" lang="en" data-testid="term-english">
        {entry.en.join(' · ')}
      </p>
      <p class="kind">{KIND_LABELS[entry.kind]}</p>
      <Note html={entry.note} />
      {entry.han && (
        <ol class="han" aria-label="Hán characters">
          {entry.han.map((h, i) => (
            <li key={i} class={h.char ? '' : 'native'}>
              <span class="char" lang="zh-Hant">
                {h.char ?? '–'}
              </span>
              <span class="reading" lang="vi">
                {h.syllable.toLowerCase()}
              </span>
              {h.gloss && <span class="gloss">{h.gloss}</span>}
            </li>
          ))}
        </ol>
      )}
      {props.articles.length > 0 && (
        <div class="articles">
          <p class="label">In the corpus</p>
          <ul>
            {props.articles.map((a) => (
              <li key={a.id} lang="en">
                {a.en}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!props.pinned && <p class="hint">Click or press P to pin · Esc to close</p>}
    </div>
  );
}
