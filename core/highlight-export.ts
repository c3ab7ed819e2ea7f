/**
 * Export formats for saved highlights: JSON (complete, versioned, re-importable), Markdown grouped
 * by page, CSV, and an Anki TSV of cloze cards (the quote hidden in its context, the English on
 * the back).
 */

import { DEFAULT_COLOUR_MEANINGS, type Colour, type HighlightRecord } from './highlight-record';
import { compareNewestFirst } from './highlight-query';
import { MONTHS } from './numbers';

export const EXPORT_FORMAT = 'song-ngu-highlights';
export const EXPORT_VERSION = 1;

export interface HighlightExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  highlights: HighlightRecord[];
}

export type ColourMeanings = Record<Colour, string>;

/** JSON: every field of every highlight, with the format and version an import checks. */
export function toJson(highlights: readonly HighlightRecord[], now: Date): string {
  const doc: HighlightExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    highlights: highlights.map((h) => ({ ...h })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** "13 November 2024", in UTC so an export reads the same wherever it is made. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * "13 November 2024, 08:05" in the reader's time zone, for the popup's rows. Not Intl: the first
 * Intl formatter in a fresh extension process loads ICU's locale data, 30–45 ms on the bench
 * machine before the popup can show a single row.
 */
export function formatLocalDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Groups highlights by page, pages ordered by their newest highlight, highlights newest first. */
export function groupByPage(
  highlights: readonly HighlightRecord[],
): { url: string; title: string; site: string; items: HighlightRecord[] }[] {
  const pages = new Map<string, HighlightRecord[]>();
  for (const h of [...highlights].sort(compareNewestFirst)) {
    const list = pages.get(h.url) ?? [];
    list.push(h);
    pages.set(h.url, list);
  }
  return [...pages].map(([url, items]) => ({ url, title: items[0]!.title || url, site: items[0]!.site, items }));
}

/**
 * Escapes text for Markdown so page text can never turn into links, emphasis, code, tables or
 * HTML, nor into a heading or list when it starts a line.
 */
function md(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(#|[+-] |\d+[.)] )/, '\\$1');
}

/**
 * A Markdown code span: nothing inside one is markup. Its fence is one backtick longer than the
 * longest run of backticks in the text (CommonMark's rule), padded when the text starts or ends
 * with one, so a tag can hold any character and still be one inert span.
 */
function mdCode(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(oneLine) ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/**
 * A link destination for Markdown, or null when the URL must not become a link at all (anything
 * but http(s): an imported `javascript:` URL stays text). Written in angle brackets, where only
 * `<`, `>`, line breaks and backslashes could end or bend it, and those are percent-encoded.
 */
function mdLinkTarget(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  return `<${url.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** Markdown: one section per page (a link to it), each highlight as a quote with its English and note. */
export function toMarkdown(
  highlights: readonly HighlightRecord[],
  meanings: ColourMeanings = DEFAULT_COLOUR_MEANINGS,
): string {
  const pages = groupByPage(highlights);
  const lines = ['# Song ngữ highlights', ''];
  lines.push(
    `${highlights.length} highlight${highlights.length === 1 ? '' : 's'} from ${pages.length} page${pages.length === 1 ? '' : 's'}.`,
    '',
  );
  for (const page of pages) {
    const target = mdLinkTarget(page.url);
    lines.push(target ? `## [${md(page.title)}](${target})` : `## ${md(page.title)} (${md(page.url)})`, '');
    lines.push(`${md(page.site)} · ${formatDate(page.items[0]!.createdAt)}`, '');
    for (const h of page.items) {
      lines.push(`> ${md(h.quote.exact)}`);
      const sentence = h.corpus?.englishSentence;
      if (sentence && sentence !== h.corpus?.english) lines.push('>', `> *Sentence:* ${md(sentence)}`);
      if (h.corpus?.english) lines.push('>', `> *English:* ${md(h.corpus.english)}`);
      lines.push('');
      const meta = [`${md(meanings[h.color])} (${h.color})`, formatDate(h.createdAt)];
      if (h.orphan) meta.push('not found on the page at the last visit');
      lines.push(`- ${meta.join(' · ')}`);
      if (h.note) lines.push(`- Note: ${md(h.note)}`);
      if (h.tags.length) lines.push(`- Tags: ${h.tags.map(mdCode).join(' ')}`);
      if (h.corpus?.terms.length)
        lines.push(`- Terms: ${h.corpus.terms.map((t) => `${md(t.vi)} = ${md(t.en)}`).join('; ')}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

/** A CSV cell: quoted per RFC 4180, and guarded against spreadsheet formula injection. */
function csvCell(value: string | number | boolean): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'site',
  'quote',
  'prefix',
  'suffix',
  'color',
  'note',
  'tags',
  'created',
  'updated',
  'article',
  'paragraph',
  'english',
  'orphan',
] as const;

/** CSV: one row per highlight, UTF-8 with a BOM so spreadsheets read the Vietnamese right. */
export function toCsv(highlights: readonly HighlightRecord[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const h of [...highlights].sort(compareNewestFirst)) {
    rows.push(
      [
        h.id,
        h.url,
        h.title,
        h.site,
        h.quote.exact,
        h.quote.prefix,
        h.quote.suffix,
        h.color,
        h.note,
        h.tags.join('; '),
        new Date(h.createdAt).toISOString(),
        new Date(h.updatedAt).toISOString(),
        h.corpus?.articleId ?? '',
        h.corpus ? h.corpus.paragraphIndex : '',
        h.corpus?.english ?? '',
        h.orphan,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** One TSV field: no tabs or line breaks (Anki reads one note per line). */
function tsvField(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

/** The context around a quote, cut back to whole words. */
function contextWords(text: string, side: 'before' | 'after'): string {
  const t = text.replace(/\s+/g, ' ');
  if (side === 'before') return t.includes(' ') ? t.slice(t.indexOf(' ') + 1) : t;
  return t.includes(' ') ? t.slice(0, t.lastIndexOf(' ')) : t;
}

/**
 * Anki TSV for the Cloze note type: the quote as a cloze deletion inside its context on the
 * front, the paragraph's English (and the note) on the back, tags in the third column.
 */
export function toAnkiTsv(highlights: readonly HighlightRecord[]): string {
  const lines = ['#separator:tab', '#html:false', '#notetype:Cloze', '#tags column:3'];
  // Oldest first (the order they were met), the reverse of the one newest-first order.
  for (const h of [...highlights].sort((a, b) => compareNewestFirst(b, a))) {
    // Braces would end Anki's cloze markup early.
    const safe = (s: string) => s.replace(/\{\{|\}\}/g, (m) => (m === '{{' ? '{ {' : '} }'));
    const front = `${safe(contextWords(h.quote.prefix, 'before'))}{{c1::${safe(h.quote.exact)}}}${safe(contextWords(h.quote.suffix, 'after'))}`;
    const back = [h.corpus?.english, h.note ? `Note: ${h.note}` : '', h.title ? `— ${h.title}` : '']
      .filter(Boolean)
      .join(' ');
    const tags = ['song-ngu', ...h.tags.map((t) => t.replace(/\s+/g, '_'))].join(' ');
    lines.push([tsvField(front), tsvField(back), tsvField(tags)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
