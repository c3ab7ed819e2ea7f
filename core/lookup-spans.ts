/**
 * Words read ahead of the hover. While the reader is active the background is running; once they
 * have read for half a minute without moving, the browser stops it, and the next hover would wait
 * for it to start again and load the dictionary (a few hundred milliseconds). So the text near the
 * reader's view is looked up in advance, syllable by syllable, and the page keeps the answers: a
 * hover over that text is answered at once, whatever the background is doing.
 *
 * An answer read ahead is the answer a hover gets, not an approximation of it: both look the word
 * up in the same window of its text node (`hoverWindow`), and `lookupSyllables` gives, for each
 * syllable, what `lookupAt` gives for any character inside it. `lookup-spans.test.ts` checks that
 * on real news text, character by character.
 */

import type { LexiconGlossaryEntry, LexiconSupplementEntry, Lexicon } from './lexicon';
import { lookupSyllables, type LookupEntry } from './lexicon-lookup';
import { hoverWindow, LOOKUP_RADIUS } from './lookup-window';
import type { PackedAnswer, SharedEntry, SpanAnswers } from './span-answers';

/**
 * Numbers the entries of the answers: the same glossary or supplement entry, or dictionary word,
 * once. Entries are known by identity: the dictionary keeps the words it read recently as one
 * object each (`Dictionary.word`), so a word met again is the same object; one it had let go is
 * sent twice, which costs bytes, not correctness.
 */
class EntryTable<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry> {
  readonly entries: SharedEntry<G, S>[] = [];
  private readonly numbers = new Map<object, number>();

  numberOf(e: LookupEntry<G, S>): number {
    let n = this.numbers.get(e.entry);
    if (n === undefined) {
      const { caseFits: _, ...shared } = e;
      n = this.entries.push(shared as SharedEntry<G, S>) - 1;
      this.numbers.set(e.entry, n);
    }
    return 2 * n + (e.caseFits ? 1 : 0);
  }
}

/**
 * Every hover answer of `texts`: for each syllable a hover would find a word under, that answer,
 * read cell by cell as the hovers send them (see `hoverWindow`).
 */
export function lookupSpans<G extends LexiconGlossaryEntry, S extends LexiconSupplementEntry>(
  lexicon: Lexicon<G, S>,
  texts: readonly string[],
): SpanAnswers<G, S> {
  const table = new EntryTable<G, S>();
  const answers: PackedAnswer[] = [];
  const known = new Map<string, number>();
  const spans = texts.map((text) => {
    const flat: number[] = [];
    for (let cell = 0; cell < text.length; cell += LOOKUP_RADIUS) {
      const cellEnd = Math.min(text.length, cell + LOOKUP_RADIUS);
      // Every character of the cell sends this window (see `hoverWindow`).
      const w = hoverWindow(text, cell);
      for (const s of lookupSyllables(lexicon, w.text, cell - w.start, cellEnd - w.start)) {
        // A syllable across the cell's edge is claimed by each cell for its own characters.
        const start = Math.max(w.start + s.start, cell);
        const end = Math.min(w.start + s.end, cellEnd);
        const by = start - w.start;
        const answer: PackedAnswer = {
          start: s.result.start - by,
          end: s.result.end - by,
          words: s.result.words.map((word) => [
            word.start - by,
            word.end - by,
            word.personName ? 1 : 0,
            ...word.entries.map((e) => table.numberOf(e)),
          ]),
        };
        const key = JSON.stringify(answer);
        let a = known.get(key);
        if (a === undefined) {
          a = answers.push(answer) - 1;
          known.set(key, a);
        }
        flat.push(start, end, a);
      }
    }
    return flat;
  });
  return { entries: table.entries, answers, spans };
}
