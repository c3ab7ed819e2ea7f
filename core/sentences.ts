/**
 * Sentence splitting for Vietnamese and English news text, with character offsets.
 *
 * `Intl.Segmenter` (granularity `sentence`, UAX #29) was the starting point, but on real news it
 * breaks after every title and abbreviation (TS. | Vũ Đăng Minh, Tp. | Hồ Chí Minh, Mr. | Smith,
 * The U.S. | Army, Jean H. | Lee), inside a quotation that the attribution closes
 * (“Chúng tôi sẽ chiến đấu. | Không lùi bước”, ông nói), before a lower-case continuation after
 * “?” or “!” (“Tại sao?” | rồi bỏ đi), and it never breaks after “…”. Its answers also depend on
 * the engine's ICU version (Chrome, Node and Firefox's ICU4X differ), while the spans computed at
 * build time must agree with the ones the extension computes on a page. So this is a small scanner
 * of its own, following the same idea (a run of terminators and closing marks, spaces, then the
 * next word decides) with the news-specific exceptions built in.
 */

import { lazyRegExp } from './lazy-regexp';

/** The language of the text: it decides which abbreviations and initials can end a sentence. */
export type SentenceLang = 'vi' | 'en';

/** A sentence: [start, end) in the text, without surrounding white space. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const TERMINATORS = '.!?…';
/** Closing marks that stay with the sentence they end: `.”`, `?"`, `.)`. */
const CLOSERS = '”"’\'»)]';
/** Opening marks that may start the next sentence: `. “Ông`, `. (Ảnh`. */
const OPENERS = '“"‘\'«([';
/** After a terminator and a space, these continue the sentence: `U.S., `, `v.v.; `. */
const CONTINUATION_MARKS = ',;:';

const UPPER = lazyRegExp(String.raw`\p{Lu}`, 'u');
const LOWER = lazyRegExp(String.raw`\p{Ll}`, 'u');
const LETTER = lazyRegExp(String.raw`[\p{L}\p{M}]`, 'u');
const DIGIT = lazyRegExp(String.raw`\p{Nd}`, 'u');
/** One letter, alone: "Q" in "Q. 1". */
const SINGLE_LETTER = lazyRegExp(String.raw`^\p{L}$`, 'u');
const SPACE = /[^\S\n\r\u2028\u2029]/u;
const HARD_BREAK = /[\n\r\u2028\u2029]/u;

const words = (list: string) => new Set(list.split(' '));

/** Titles that always lead into a name, never end a sentence. */
const TITLES: Record<SentenceLang, ReadonlySet<string>> = {
  // Academic and professional titles, and the abbreviated place words before a name (TP. Hà Nội).
  vi: words('TS ThS PGS GS BS BSCKI BSCKII KS LS NS NSƯT NSND Tp TP TT TX Mr Mrs Ms Dr St'),
  en: words(
    'Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Cmdr Sgt Adm Sen Rep Gov Pres Rev Hon St Mt Ft vs ' +
      'Jan Feb Aug Sept Oct Nov Dec TS ThS PGS GS',
  ),
};

/**
 * Abbreviations that lead into a number (No. 1, tr. 5): only a number after them continues the
 * sentence, for No is also a Korean surname (Mr No. He said …).
 */
const BEFORE_NUMBER: Record<SentenceLang, ReadonlySet<string>> = {
  vi: words('Tr tr No'),
  en: words('No Nos Vol Vols Fig Figs Art p pp'),
};

/**
 * English abbreviations that may end a sentence (the U.S. | The …) or not (the U.S. Army): they
 * end one only when a word that usually starts a sentence follows. Dotted acronyms (U.N., E.U.,
 * J.R.R.) are treated the same way.
 */
const SOMETIMES_FINAL_EN = new Set(['Inc', 'Ltd', 'Co', 'Corp', 'Jr', 'Sr', 'Bros', 'etc', 'Ave', 'Rd', 'Blvd']);

/** Words that begin English sentences far more often than they follow an abbreviation. */
const SENTENCE_STARTERS_EN = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our My There Here ' +
    'In On At For From By With Without To Of But And Or So Yet Nor However Meanwhile Moreover Still ' +
    'After Before When While If As Since Although Though Because Until Unless Once Whether ' +
    'According Some Many Most Other Others Both Each Every All Several Few Such Also Not Then ' +
    'What Who Why How Where Which'
  ).split(' '),
);

/** Vietnamese words before a name: after them an initial stands for the whole name (bà P.). */
const HONORIFICS_VI = new Set(
  'ông bà anh chị em cô chú bác cháu cụ dì cậu mợ thím con vợ chồng'.split(' ').concat(['Ông', 'Bà', 'Anh', 'Chị']),
);

const isTerminator = (c: string | undefined) => c !== undefined && TERMINATORS.includes(c);
const isCloser = (c: string | undefined) => c !== undefined && CLOSERS.includes(c);
const test = (re: RegExp, c: string | undefined) => c !== undefined && re.test(c);

/** The token of letters and dots that ends at `end` (exclusive): "U.S", "v.v", "TS", "H". */
function tokenBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && (test(LETTER(), text[s - 1]) || (text[s - 1] === '.' && test(LETTER(), text[s - 2])))) s--;
  return text.slice(s, end);
}

/** The word that ends just before `index`, skipping spaces: the word before an initial. */
function wordBefore(text: string, index: number): string {
  let e = index;
  while (e > 0 && test(SPACE, text[e - 1])) e--;
  let s = e;
  while (s > 0 && test(LETTER(), text[s - 1])) s--;
  return text.slice(s, e);
}

/** The word that starts at `index`. */
function wordAt(text: string, index: number): string {
  let e = index;
  while (e < text.length && test(LETTER(), text[e])) e++;
  return text.slice(index, e);
}

/**
 * Whether a full stop after `token` (followed by a space and an upper-case word `next`) ends the
 * sentence.
 */
function dotEndsSentence(text: string, token: string, tokenStart: number, next: string, lang: SentenceLang): boolean {
  if (TITLES[lang].has(token)) return false;
  if (token.length === 1 && UPPER().test(token)) {
    // An initial. Jean H. Lee, J. K. Rowling, ", P. Bến Nghé": a middle initial or an abbreviated
    // place word. "cho bà P. Do ông T." (vi) or "group B. The" (en): a name that ends a sentence.
    const before = wordBefore(text, tokenStart);
    if (lang === 'vi') return HONORIFICS_VI.has(before);
    return before !== '' && LOWER().test(before[0]!);
  }
  if (lang === 'en' && (token.includes('.') || SOMETIMES_FINAL_EN.has(token))) return SENTENCE_STARTERS_EN.has(next);
  return true;
}

interface Boundary {
  /** Where the sentence ends: after its terminators and closing marks. */
  readonly end: number;
  /** Where the next sentence starts. */
  readonly next: number;
  /** First terminator of the run, or -1 for a line break. */
  readonly run: number;
  readonly hard: boolean;
}

/** Decides the run of terminators [i, j) followed by white space up to `k`. */
function runEndsSentence(text: string, i: number, j: number, k: number, lang: SentenceLang): boolean {
  const run = text.slice(i, j);
  const terminators = run.replace(/[^.!?…]/gu, '');
  const closed = terminators.length < run.length;
  const kind = /[!?]/.test(terminators) ? 'strong' : terminators === '.' ? 'dot' : 'ellipsis';
  if (k >= text.length) return true;
  if (k === j) {
    // No space: "2.5", "TP.HCM", "Q.1", "vnexpress.net" stay whole; "fight."He left" and a space
    // lost in scraping ("nói.Sau đó", a lower-case word then a capitalised one) are breaks.
    const next = text[k];
    if (!test(UPPER(), next)) return false;
    if (closed || kind !== 'dot' || isCloser(text[i - 1])) return true;
    const before = tokenBefore(text, i);
    return (
      before.length >= 2 &&
      !before.includes('.') &&
      LOWER().test(before) &&
      !UPPER().test(before) &&
      test(LOWER(), text[k + 1])
    );
  }
  let m = k;
  while (m < text.length && OPENERS.includes(text[m]!)) m++;
  const c = text[m];
  if (c === undefined) return true;
  if (test(LOWER(), c) || CONTINUATION_MARKS.includes(c) || isCloser(c) || isTerminator(c)) return false;
  const token = kind === 'dot' && !closed ? tokenBefore(text, i) : '';
  if (test(DIGIT(), c)) {
    // "14A-130... 23 lần", "No. 1", "Q. 1": the number continues the sentence.
    if (kind === 'ellipsis') return false;
    if (
      kind === 'dot' &&
      !closed &&
      (TITLES[lang].has(token) || BEFORE_NUMBER[lang].has(token) || SINGLE_LETTER().test(token))
    )
      return false;
    return true;
  }
  if (kind !== 'dot' || closed || token === '') return true;
  return dotEndsSentence(text, token, i - token.length, wordAt(text, m), lang);
}

/** Characters the scanners stop at; everything else is skipped with one regular-expression search. */
const INTERESTING = /[.!?…\n\r\u2028\u2029]/g;
const CONTAINER_MARKS = /[“”()[\]«»"\n\r\u2028\u2029]/g;

/** Candidate boundaries: terminator runs that end a sentence, and line breaks. */
function boundaries(text: string, lang: SentenceLang): Boundary[] {
  const out: Boundary[] = [];
  INTERESTING.lastIndex = 0;
  for (let m = INTERESTING.exec(text); m; m = INTERESTING.exec(text)) {
    const i = m.index;
    if (HARD_BREAK.test(m[0])) {
      let k = i + 1;
      while (k < text.length && /\s/u.test(text[k]!)) k++;
      out.push({ end: i, next: k, run: -1, hard: true });
      INTERESTING.lastIndex = k;
      continue;
    }
    let j = i;
    while (j < text.length && (isTerminator(text[j]) || isCloser(text[j]))) j++;
    let k = j;
    while (k < text.length && test(SPACE, text[k])) k++;
    if (k < text.length && !HARD_BREAK.test(text[k]!) && runEndsSentence(text, i, j, k, lang)) {
      out.push({ end: j, next: k, run: i, hard: false });
    }
    INTERESTING.lastIndex = j;
  }
  return out;
}

const PAIRS: Record<string, string> = { '“': '”', '(': ')', '[': ']', '«': '»', '"': '"' };

/** Quotations and brackets closed on the same line: [opening index, closing index]. */
function containers(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: { char: string; at: number }[] = [];
  CONTAINER_MARKS.lastIndex = 0;
  for (let m = CONTAINER_MARKS.exec(text); m; m = CONTAINER_MARKS.exec(text)) {
    const c = m[0];
    const i = m.index;
    if (HARD_BREAK.test(c)) {
      stack.length = 0;
      continue;
    }
    // A straight quote opens after a space or an opening mark and closes after anything else.
    const opens = c === '"' ? (i === 0 || /[\s([“‘]/u.test(text[i - 1]!)) && !test(/\s/u, text[i + 1]) : c in PAIRS;
    if (opens) {
      stack.push({ char: c, at: i });
      continue;
    }
    let depth = stack.length - 1;
    while (depth >= 0 && PAIRS[stack[depth]!.char] !== c) depth--;
    if (depth >= 0) {
      out.push([stack[depth]!.at, i]);
      stack.length = depth;
    }
  }
  return out;
}

/**
 * Splits `text` into sentences. A quotation or parenthesis whose closing mark does not itself end
 * a sentence (“… Không lùi bước”, ông nói.) is kept in one sentence with its attribution; one that
 * does (“… Không lùi bước.” Sau đó …) keeps its inner breaks. Line breaks always end a sentence.
 */
export function splitSentences(text: string, lang: SentenceLang): Span[] {
  let found = boundaries(text, lang);
  const quoted = containers(text);
  if (quoted.length > 0) {
    const suppressed = new Set<Boundary>();
    for (const [open, close] of quoted) {
      const endsOwnSentence = found.some((b) => !b.hard && b.run <= close && close < b.end);
      if (endsOwnSentence) continue;
      for (const b of found) if (!b.hard && b.end > open && b.end <= close) suppressed.add(b);
    }
    found = found.filter((b) => !suppressed.has(b));
  }
  const spans: Span[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const b of found) {
    push(start, b.end);
    start = b.next;
  }
  push(start, text.length);
  return spans;
}

/** The sentences' text, for tests and logs. */
export function sentenceTexts(text: string, lang: SentenceLang): string[] {
  return splitSentences(text, lang).map((s) => text.slice(s.start, s.end));
}
