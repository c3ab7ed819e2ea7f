import { useRef } from 'preact/hooks';
import type { GlossaryEntry } from '@/core/glossary-format';
import type { Rect } from '@/core/placement';
import { CorpusArticles, HanList, Note } from './PopoverParts';
import { usePlacement } from './use-placement';
import { WordActions, type WordActionsProps } from './WordActions';

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
  /** Save word, I know this, the lookup count: given by the overlay once the word's actions are ready. */
  actions?: WordActionsProps | null;
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
      {entry.han && <HanList han={entry.han} />}
      <CorpusArticles articles={props.articles} />
      {props.actions && <WordActions {...props.actions} />}
      {!props.pinned && <p class="hint">Click or press P to pin · S to save · Esc to close</p>}
    </div>
  );
}
