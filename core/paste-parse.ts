/**
 * Reads English text a reader pastes (plain text or Markdown, copied from a news site, a reader
 * view or a document) into paragraphs ready for alignment.
 *
 * - Paragraphs end at blank lines, headings, list items, block quotes and thematic breaks.
 * - Markdown is reduced to its text: emphasis, code spans, links and images (their alt text),
 *   autolinks, HTML tags and entities, backslash escapes, footnote marks.
 * - Hard-wrapped lines are rejoined. A text is hard-wrapped when most of its lines fill a fixed
 *   width; then a line ends its paragraph only where the next word would have fitted on it.
 *   Otherwise, lines of one block join as Markdown joins them, except where line breaks are
 *   plainly the paragraph separator: no blank lines anywhere (then a line is a paragraph unless
 *   the next one starts in lower case), or lines too long to be wrapped by hand.
 * - A title is recognised when the text opens with one: a heading, or a short first line
 *   without a full stop, followed by more text.
 *
 * Site furniture ("Advertisement", "Read more: …") is kept as paragraphs of its own; the aligner
 * pairs it with nothing.
 */

import { lazyRegExp } from './lazy-regexp';

/** Markdown emphasis by `*` or `_`, not inside a word (snake_case, 2*3*4 stay). */
const STARRED = lazyRegExp(String.raw`(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])`, 'gu');
const UNDERSCORED = lazyRegExp(String.raw`(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])`, 'gu');
/** A line that starts as a sentence does: a capital or a digit, after any opening quote or bracket. */
const STARTS_SENTENCE = lazyRegExp(String.raw`^["“‘(]*[\p{Lu}\p{N}]`, 'u');
const HYPHEN_AFTER_LETTER = lazyRegExp(String.raw`\p{L}-$`, 'u');

export type PastedKind = 'text' | 'heading' | 'item' | 'quote';

export interface PastedParagraph {
  readonly text: string;
  readonly kind: PastedKind;
}

export interface PastedText {
  readonly title: string | null;
  readonly paragraphs: PastedParagraph[];
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+•]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;

/** A line of the input, classified. */
interface Line {
  readonly text: string;
  readonly kind: PastedKind | 'blank' | 'break';
  /** A list item or quote line starts a new paragraph; its continuation lines do not. */
  readonly starts: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

// Private-use characters stand in for escaped Markdown punctuation while emphasis is removed.
const ESCAPE_BASE = 0xe000;

/** Reduces one paragraph's Markdown to its text. */
export function markdownToText(markdown: string): string {
  let s = markdown.replace(/\\([\\`*_{}[\]()#+\-.!>~|"'])/g, (_, c: string) =>
    String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)),
  );
  s = s
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([^]*?\S)~~/g, '$1')
    .replace(STARRED(), '$1')
    .replace(UNDERSCORED(), '$1')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  s = s.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
  return s.replace(/\s+/g, ' ').trim();
}

function classify(lines: readonly string[]): Line[] {
  const out: Line[] = [];
  let inFence = false;
  for (const raw of lines) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      out.push({ text: '', kind: 'break', starts: true });
      continue;
    }
    if (inFence) {
      out.push({ text: raw.trim(), kind: raw.trim() ? 'text' : 'blank', starts: false });
      continue;
    }
    const previous = out[out.length - 1];
    if (raw.trim() === '') out.push({ text: '', kind: 'blank', starts: true });
    else if (SETEXT_UNDERLINE.test(raw) && previous?.kind === 'text' && !raw.includes('*')) {
      out[out.length - 1] = { ...previous, kind: 'heading', starts: true };
      out.push({ text: '', kind: 'break', starts: true });
    } else if (THEMATIC_BREAK.test(raw) || LINK_DEFINITION.test(raw))
      out.push({ text: '', kind: 'break', starts: true });
    else if (ATX_HEADING.test(raw)) out.push({ text: ATX_HEADING.exec(raw)![1] ?? '', kind: 'heading', starts: true });
    else if (QUOTE.test(raw)) {
      const inner = raw.replace(/^(?: {0,3}>[ \t]?)+/, '');
      if (inner.trim() === '') out.push({ text: '', kind: 'blank', starts: true });
      else out.push({ text: inner, kind: 'quote', starts: previous?.kind !== 'quote' });
    } else if (LIST_ITEM.test(raw)) out.push({ text: raw.replace(LIST_ITEM, ''), kind: 'item', starts: true });
    else if (previous && (previous.kind === 'item' || previous.kind === 'quote') && /^\s/.test(raw)) {
      // An indented line continues the list item or quotation above it.
      out.push({ text: raw.trim(), kind: previous.kind, starts: false });
    } else out.push({ text: raw.trim(), kind: 'text', starts: false });
  }
  return out;
}

/**
 * The width a hard-wrapped text was wrapped at, or 0 when it is not hard-wrapped: at least three
 * lines of text, lines no longer than a terminal's, and most of them nearly as long as the longest.
 */
function wrapWidth(lines: readonly Line[]): number {
  // Headings are not wrapped: their length says nothing of the width.
  const lengths = lines
    .filter((l) => l.kind === 'text' || l.kind === 'item' || l.kind === 'quote')
    .map((l) => l.text.length);
  if (lengths.length < 3) return 0;
  const width = Math.max(...lengths);
  if (width > 120) return 0;
  const full = lengths.filter((n) => n >= width * 0.75).length;
  return full >= lengths.length * 0.5 ? width : 0;
}

const firstWordLength = (text: string) => /^\S*/.exec(text.trimStart())![0].length;

/** How lines of a text join into paragraphs. */
interface Layout {
  /** The width the text is hard-wrapped at; 0 when it is not. */
  readonly width: number;
  /** Whether blank lines separate its paragraphs (then a line break alone rarely does). */
  readonly blankLines: boolean;
}

/** Lines longer than this were not wrapped by hand: each is a paragraph of its own. */
const UNWRAPPED_LINE = 120;

/** Whether line `next` continues the paragraph of `line`. */
function continues(line: Line, next: Line, layout: Layout): boolean {
  if (next.starts || next.kind === 'heading' || line.kind === 'heading') return false;
  if (next.kind !== line.kind && !(line.kind === 'item' && next.kind === 'text')) return false;
  // A hard-wrapped line was full (the next word did not fit on it), or the next line plainly
  // continues the sentence.
  const nextStarts = STARTS_SENTENCE().test(next.text);
  if (layout.width > 0) return line.text.length + 1 + firstWordLength(next.text) > layout.width - 1 || !nextStarts;
  // Otherwise lines join as Markdown joins them, unless line breaks are how the text separates
  // its paragraphs (the way browsers copy a web page): when it has no blank lines, a line ends
  // its paragraph unless the next one plainly continues it (lower case, or after a comma); when
  // its text lines are too long to have been wrapped by hand, a line that ends a sentence does.
  if (!layout.blankLines) return !nextStarts || /[,;:\-–—(]$/.test(line.text);
  const endsSentence = /[.!?…]["”’)]*$/.test(line.text);
  return !(line.kind === 'text' && line.text.length > UNWRAPPED_LINE && endsSentence && nextStarts);
}

function joinLines(a: string, b: string): string {
  // A word broken at a hyphen ("Jong-" / "un") is rejoined without a space.
  if (HYPHEN_AFTER_LETTER().test(a)) return a + b;
  return `${a} ${b}`;
}

/** Splits pasted plain text or Markdown into a title and paragraphs. */
export function parsePastedText(input: string): PastedText {
  const lines = classify(input.replace(/\r\n?/g, '\n').split('\n'));
  const layout: Layout = {
    width: wrapWidth(lines),
    blankLines: lines.some((l, k) => l.kind === 'blank' && k > 0 && k < lines.length - 1),
  };
  const blocks: { text: string; kind: PastedKind; lines: number }[] = [];
  let current: { text: string; kind: PastedKind; lines: number } | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'break') {
      current = null;
      previous = null;
      continue;
    }
    if (current && previous && continues(previous, line, layout)) {
      current.text = joinLines(current.text, line.text);
      current.lines++;
    } else {
      current = { text: line.text, kind: line.kind, lines: 1 };
      blocks.push(current);
    }
    previous = line;
  }
  const paragraphs = blocks
    .map((b) => ({ text: markdownToText(b.text), kind: b.kind, lines: b.lines }))
    .filter((p) => p.text.length > 0);
  let title: string | null = null;
  const first = paragraphs[0];
  if (
    first &&
    paragraphs.length > 1 &&
    (first.kind === 'heading' ||
      (first.kind === 'text' && first.lines === 1 && first.text.length <= 150 && !/[.:;,]$/.test(first.text)))
  ) {
    title = first.text;
    paragraphs.shift();
  }
  return { title, paragraphs: paragraphs.map(({ text, kind }) => ({ text, kind })) };
}
