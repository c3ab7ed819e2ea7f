import type { GlossaryEntry } from '@/core/glossary-format';
import { CorpusArticles, HanList, Note } from './PopoverParts';
import { PopoverShell, type PopoverPlacing } from './PopoverShell';
import { WordActions, type WordActionsProps } from './WordActions';

export interface TermPopoverProps extends PopoverPlacing {
  entry: GlossaryEntry;
  /** Titles of the corpus articles the term occurs in. */
  articles: { id: string; vi: string; en: string }[];
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
  return (
    <PopoverShell
      {...props}
      id="vr-term-popover"
      testId="term-popover"
      data={{ entry: entry.id }}
      headword={entry.vi}
      placeOn={[entry.id, props.pinned]}
    >
      <p class="english" lang="en" data-testid="term-english">
        {entry.en.join(' · ')}
      </p>
      <p class="kind">{KIND_LABELS[entry.kind]}</p>
      <Note html={entry.note} />
      {entry.han && <HanList han={entry.han} />}
      <CorpusArticles articles={props.articles} />
      {props.actions && <WordActions {...props.actions} />}
      {!props.pinned && <p class="hint">Click or press P to pin · S to save · Esc to close</p>}
    </PopoverShell>
  );
}
