/**
 * Glossary entries, fetched from the background when a popover or a saved highlight first needs
 * them (the page only receives entry ids with its terms), and kept for the page's life.
 */

import type { GlossaryEntry } from '@/core/glossary-format';
import { sendMessage } from '@/lib/messaging';

export class GlossaryEntries {
  private readonly entries = new Map<number, GlossaryEntry>();
  private readonly titles = new Map<string, { vi: string; en: string }>();

  /** An entry already fetched, if it is. */
  get(id: number): GlossaryEntry | undefined {
    return this.entries.get(id);
  }

  /** The title of a corpus article an entry occurs in, once fetched with the entry. */
  articleTitle(id: string): { vi: string; en: string } | undefined {
    return this.titles.get(id);
  }

  /** Fetches the entries not yet known (with their articles' titles). */
  async ensure(ids: Iterable<number>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (missing.length === 0) return;
    const { entries, articleTitles } = await sendMessage('getEntries', { ids: missing });
    for (const e of entries) this.entries.set(e.id, e);
    for (const [id, title] of Object.entries(articleTitles)) this.titles.set(id, title);
  }
}
