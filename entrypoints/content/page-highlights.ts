/**
 * The saved highlights of the page: loaded from the background for the page's normalised URL
 * (again after navigation, or when the background says they changed elsewhere), and anchored in
 * a snapshot's text: exact quote → position → normalised quote → fuzzy quote. What cannot be
 * placed is an orphan, never painted on other text.
 */

import type { HighlightRecord } from '@/core/highlight-record';
import { normalize } from '@/core/normalize';
import { normalizePageUrl } from '@/core/page-url';
import { anchor } from '@/core/text-anchor';
import { sendMessage } from '@/lib/messaging';
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

/** Anchors records in the page's text. */
export async function anchorHighlights(
  text: PageText,
  records: readonly HighlightRecord[],
  pacer: Pacer,
): Promise<AnchoredHighlights> {
  const normalized = records.length > 0 ? normalize(text.text) : undefined;
  const ranges = new Map<string, StaticRange>();
  const orphans: string[] = [];
  for (const h of records) {
    const found = anchor(text.text, h.quote, h.position, normalized);
    const range = found && text.rangeOf(found.start, found.end);
    if (range) ranges.set(h.id, range);
    else orphans.push(h.id);
    if (pacer.due()) await pacer.yield();
  }
  return { records, ranges, orphans };
}
