/**
 * Saved highlights on the page: loaded for the page's normalised URL, anchored again after every
 * pass (exact quote → position → normalised quote → fuzzy quote), painted with the CSS Custom
 * Highlight API as `vr-highlight-<colour>`, and counted: anchored in `data-vr-highlights`,
 * unplaceable ones in `data-vr-orphans`.
 */

import { COLOURS, type HighlightRecord } from '@/core/highlight-record';
import { normalize } from '@/core/normalize';
import { normalizePageUrl } from '@/core/page-url';
import { anchor } from '@/core/text-anchor';
import { sendMessage } from '@/lib/messaging';
import type { PageBlock } from './blocks';
import type { PassFeature } from './page-controller';
import { PageText } from './page-text';
import { slicer } from './scheduler';

const FLASH = 'vr-flash';

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightsFeature implements PassFeature {
  private url = '';
  private records: HighlightRecord[] = [];
  private loaded: Promise<void> | null = null;
  private ranges = new Map<string, StaticRange>();
  private reported = '';
  private pageText: PageText = new PageText([]);
  private flashChecked = false;

  /** The page's text model from the last pass, for turning selections into selectors. */
  get text(): PageText {
    return this.pageText;
  }

  private load(): Promise<void> {
    const url = normalizePageUrl(location.href);
    if (url !== this.url || !this.loaded) {
      this.url = url;
      this.reported = '';
      this.loaded = sendMessage('pageHighlights', { url: location.href }).then(
        (records) => void (this.records = records),
        () => void (this.records = []),
      );
    }
    return this.loaded;
  }

  reset(): void {
    this.loaded = null;
    this.flashChecked = false;
  }

  async update(blocks: readonly PageBlock[]): Promise<{ highlights: number; orphans: number }> {
    await this.load();
    this.pageText = new PageText(blocks);
    const slice = slicer();
    const normalized = this.records.length > 0 ? normalize(this.pageText.text) : undefined;
    const ranges = new Map<string, StaticRange>();
    const orphaned: string[] = [];
    for (const h of this.records) {
      const found = anchor(this.pageText.text, h.quote, h.position, normalized);
      const range = found && this.pageText.rangeOf(found.start, found.end);
      if (range) ranges.set(h.id, range);
      else orphaned.push(h.id);
      await slice.check();
    }
    this.ranges = ranges;
    this.paint();
    await this.report([...ranges.keys()], orphaned);
    if (!this.flashChecked) {
      this.flashChecked = true;
      const pending = await sendMessage('takePendingFlash', {}).catch(() => null);
      if (pending) this.flash(pending);
    }
    return { highlights: ranges.size, orphans: orphaned.length };
  }

  private paint(): void {
    if (!highlightsSupported()) return;
    for (const colour of COLOURS) {
      const list = this.records.filter((h) => h.color === colour).flatMap((h) => this.ranges.get(h.id) ?? []);
      if (list.length > 0) CSS.highlights.set(`vr-highlight-${colour}`, new Highlight(...list));
      else CSS.highlights.delete(`vr-highlight-${colour}`);
    }
  }

  private async report(anchored: string[], orphaned: string[]): Promise<void> {
    const key = `${this.url}|${anchored.join()}|${orphaned.join()}`;
    if (key === this.reported || (anchored.length === 0 && orphaned.length === 0)) return;
    this.reported = key;
    await sendMessage('reportAnchoring', { url: location.href, anchored, orphaned }).catch(() => undefined);
  }

  /** Paints a highlight just saved from the current selection. */
  add(record: HighlightRecord, range: StaticRange): { highlights: number } {
    this.records.push(record);
    this.ranges.set(record.id, range);
    this.paint();
    return { highlights: this.ranges.size };
  }

  /** Scrolls to a highlight and flashes it. Returns false when it is not on the page. */
  flash(id: string): boolean {
    const range = this.ranges.get(id);
    if (!range || !highlightsSupported()) return false;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    let on = true;
    let times = 0;
    CSS.highlights.set(FLASH, new Highlight(range));
    const timer = window.setInterval(() => {
      on = !on;
      if (on) CSS.highlights.set(FLASH, new Highlight(range));
      else CSS.highlights.delete(FLASH);
      if (++times >= 5) {
        window.clearInterval(timer);
        CSS.highlights.delete(FLASH);
      }
    }, 350);
    return true;
  }
}
