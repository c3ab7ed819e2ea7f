/**
 * Saved words as an Anki import file: tab-separated, one Cloze note per word, the word hidden in
 * the newest sentence it was met in (its English gloss as the cloze hint), and on the back the
 * sense, the sentence's English, the Hán and the page. Anki reads the header lines: the
 * separator, that fields are HTML (so every text is escaped), the note type, the deck, and the
 * tags column.
 */

import type { HanSyllable } from './glossary-format';
import type { SavedWord } from './saved-word';
import { splitSentence } from './review-face';

export const ANKI_DECK = 'Song ngữ';

/** Escapes text for an HTML field. */
function html(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Text that cannot end or split Anki's cloze markup ({{c1::text::hint}}). */
function clozeSafe(s: string): string {
  return s.replace(/\{\{|\}\}|::/g, (m) => `${m[0]} ${m[1]}`);
}

/** One TSV field: no tabs or line breaks (Anki reads one note per line). */
function field(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

/** "合作 (hợp: combine; tác: make)". */
export function hanLine(han: readonly HanSyllable[]): string {
  const chars = han.map((h) => h.char ?? '·').join('');
  const glosses = han.filter((h) => h.char && h.gloss).map((h) => `${h.syllable}: ${h.gloss}`);
  return glosses.length ? `${chars} (${glosses.join('; ')})` : chars;
}

/** A tag Anki keeps as one tag: no spaces. */
const tag = (s: string) => s.trim().replace(/\s+/g, '_');

/** The Anki TSV of the saved words (words only marked known have no sentence and are left out). */
export function toWordsAnkiTsv(words: readonly SavedWord[]): string {
  const lines = ['#separator:tab', '#html:true', '#notetype:Cloze', `#deck:${ANKI_DECK}`, '#tags column:3'];
  const saved = words
    .filter((w) => w.saved && w.contexts.length > 0)
    .sort((a, b) => a.createdAt - b.createdAt || (a.headword < b.headword ? -1 : a.headword > b.headword ? 1 : 0));
  for (const w of saved) {
    const context = w.contexts[w.contexts.length - 1]!;
    const { before, word, after } = splitSentence(context);
    const hint = w.sense ? `::${clozeSafe(html(w.sense.gloss))}` : '';
    const front = `${clozeSafe(html(before))}{{c1::${clozeSafe(html(word))}${hint}}}${clozeSafe(html(after))}`;
    const back = [
      w.sense
        ? `<b>${html(w.headword)}</b> <i>${html(w.sense.pos)}</i> ${html(w.sense.gloss)}`
        : `<b>${html(w.headword)}</b>`,
      context.english ? `<i>${html(context.english.text)}</i>` : '',
      w.han ? html(hanLine(w.han)) : '',
      `<small><a href="${html(context.url)}">${html(context.title || context.url)}</a></small>`,
    ]
      .filter(Boolean)
      .join('<br>');
    const tags = ['song-ngu', w.sense ? tag(w.sense.pos) : '', w.status].filter(Boolean).join(' ');
    lines.push([field(front), field(back), field(tags)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
