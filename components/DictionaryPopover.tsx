import type { WordView } from '@/core/lookup-view';
import { HanList, Note } from './PopoverParts';
import { PopoverShell, type PopoverPlacing } from './PopoverShell';
import { WordActions, type WordActionsProps } from './WordActions';

export interface DictionaryPopoverProps extends PopoverPlacing {
  /** The word under the pointer first, then the shorter and overlapping words. */
  words: WordView[];
  onAbout: (e: Event) => void;
  actions?: WordActionsProps | null;
}

const POS_LABELS: Record<string, string> = {
  adj: 'adjective',
  adv: 'adverb',
  conj: 'conjunction',
  det: 'determiner',
  intj: 'interjection',
  num: 'numeral',
  prep: 'preposition',
  pron: 'pronoun',
  particle: 'particle',
  classifier: 'classifier',
};

/** One word's entries: glossary and supplement entries, then the dictionary's senses by part of speech. */
function Word({ word, main }: { word: WordView; main: boolean }) {
  return (
    <section class={main ? 'word main' : 'word'} lang="en" data-testid="dictionary-word">
      {!main && (
        <p class="subhead" lang="vi">
          {word.headword}
        </p>
      )}
      {word.personName && <p class="kind">Probably a person’s name here</p>}
      {word.entries.map((e) => (
        <div key={`${e.source}:${e.id}`} class={`entry ${e.source}`}>
          <p class="english" data-testid="dictionary-english">
            {e.en.join(' · ')}
          </p>
          <p class="kind">{e.source === 'supplement' ? `${POS_LABELS[e.label] ?? e.label} · news usage` : e.label}</p>
          {e.note && <Note html={e.note} />}
        </div>
      ))}
      {word.senses.length > 0 && (
        <dl class="senses">
          {word.senses.map((s) => (
            <div key={s.pos}>
              <dt class="kind">{POS_LABELS[s.pos] ?? s.pos}</dt>
              <dd class="english" data-testid="dictionary-english">
                {s.glosses.join('; ')}
                {s.see.length > 0 && <span class="see"> (see {s.see.join(', ')})</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {main && word.han && word.han.some((h) => h.char) && <HanList han={word.han} />}
    </section>
  );
}

/**
 * The dictionary popover of any word on the page: the longest word covering the hovered syllable,
 * then the words around and inside it. Same role and look as the glossary popover.
 */
export function DictionaryPopover(props: DictionaryPopoverProps) {
  const [main, ...others] = props.words;
  const key = props.words.map((w) => w.headword).join('|');
  if (!main) return null;
  return (
    <PopoverShell
      {...props}
      id="vr-dictionary-popover"
      variant="dictionary"
      testId="dictionary-popover"
      data={{ headword: main.headword }}
      headword={main.headword}
      placeOn={[key, props.pinned]}
    >
      <Word word={main} main />
      {others.length > 0 && (
        <div class="others" aria-label="Shorter and overlapping words">
          {others.map((w) => (
            <Word key={`${w.headword}:${w.text}`} word={w} main={false} />
          ))}
        </div>
      )}
      {props.actions && <WordActions {...props.actions} />}
      <p class="credit">
        <a
          href="#about"
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            props.onAbout(e);
          }}
        >
          Dictionary data from Wiktionary, CC BY-SA 3.0
        </a>
      </p>
      {!props.pinned && <p class="hint">Click or press P to pin · S to save · Esc to close</p>}
    </PopoverShell>
  );
}
