/**
 * The saved highlights of the page: loaded from the background for the page's normalised URL
 * (again after navigation, or when the background says they changed elsewhere), and anchored in
 * a snapshot's text: exact quote → position → normalised quote → fuzzy quote. What cannot be
 * placed is an orphan, never painted on other text. Highlights made on the English renderings are
 * anchored in the English of their paragraph.
 */

import { isTitleKey } from './headline';
import type { HighlightRecord } from '@/core/highlight-record';
import { normalize } from '@/core/normalize';
import { normalizePageUrl } from '@/core/page-url';
import { anchor } from '@/core/text-anchor';
import { sendMessage } from '@/lib/messaging';
import { textRange } from './dom-ranges';
import type { AnchoredHighlights } from './page-snapshot';
import type { PageText } from './page-text';
import type { Pacer } from './scheduler';

export class PageHighlights {
  private url = '';
  private loading: Promise<HighlightRecord[]> | null = null;
  private added: HighlightRecord[] = [];

  /** The page's records, loaded once per page and kept until {@link reload}. */
  records(): Promise<HighlightRecord[]> {
    const url = normalizePageUrl(location.href);
    if (url !== this.url || !this.loading) {
      this.url = url;
      this.added = [];
      this.loading = sendMessage('pageHighlights', { url: location.href }).catch(() => []);
    }
    return this.loading.then((records) => [
      ...records,
      ...this.added.filter((a) => !records.some((r) => r.id === a.id)),
    ]);
  }

  /** Loads the records again (they changed elsewhere, or the page navigated). */
  reload(): void {
    this.loading = null;
  }

  /** A record just saved on this page. */
  add(record: HighlightRecord): void {
    this.added.push(record);
  }
}

/** The key of the corpus paragraph a highlight on the English is in. */
const paragraphKeyOf = (h: HighlightRecord) => (h.corpus ? `${h.corpus.articleId}:${h.corpus.paragraphIndex}` : '');

/** The English text node of each rendered corpus paragraph, by `articleId:index`. */
export function englishNodesOf(renderings: Iterable<HTMLElement>): Map<string, Text> {
  const nodes = new Map<string, Text>();
  for (const rendering of renderings) {
    for (const p of rendering.querySelectorAll('vr-p[data-vr-paragraph]')) {
      const node = p.firstChild;
      const key = p.getAttribute('data-vr-paragraph')!;
      // A headline's English is no corpus paragraph: a highlight on it would have none to name.
      if (node?.nodeType === Node.TEXT_NODE && !isTitleKey(key)) nodes.set(key, node as Text);
    }
  }
  return nodes;
}

/**
 * Anchors records: those on the page's text in that text (sliced, it can be long), those on the
 * English in their paragraph's rendering. A highlight on the English of a paragraph this page does
 * not show is an orphan here.
 */
export async function anchorHighlights(
  text: PageText,
  english: ReadonlyMap<string, Text>,
  records: readonly HighlightRecord[],
  pacer: Pacer,
): Promise<AnchoredHighlights> {
  const onPage = records.filter((h) => h.on !== 'english');
  const normalized = onPage.length > 0 ? normalize(text.text) : undefined;
  const ranges = new Map<string, StaticRange>();
  const orphans: string[] = [];
  for (const h of records) {
    let range: StaticRange | null = null;
    if (h.on === 'english') {
      const node = english.get(paragraphKeyOf(h));
      const found = node && anchor(node.data, h.quote, h.position);
      if (node && found) range = textRange(node, found.start, found.end);
    } else {
      const found = anchor(text.text, h.quote, h.position, normalized);
      range = found && text.rangeOf(found.start, found.end);
      if (pacer.due()) await pacer.yield();
    }
    if (range) ranges.set(h.id, range);
    else orphans.push(h.id);
  }
  return { records, ranges, orphans };
}
