/**
 * Glossary entries, fetched from the background when a popover or a saved highlight first needs
 * them (the page only receives entry ids with its terms), and kept for the page's life.
 */

import type { GlossaryEntry } from '@/core/glossary-format';
import { sendMessage } from '@/lib/messaging';

export class GlossaryEntries {
  private readonly entries = new Map<number, GlossaryEntry>();
  private readonly titles = new Map<string, { vi: string; en: string }>();
  /** Entries asked for and not yet answered: a popover opening asks for what its rest fetched already. */
  private readonly pending = new Map<number, Promise<void>>();

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
    const wanted = [...new Set(ids)].filter((id) => !this.entries.has(id));
    const inFlight = new Set(wanted.flatMap((id) => this.pending.get(id) ?? []));
    const missing = wanted.filter((id) => !this.pending.has(id));
    if (missing.length > 0) {
      const fetched = sendMessage('getEntries', { ids: missing }).then(({ entries, articleTitles }) => {
        for (const e of entries) this.entries.set(e.id, e);
        for (const [id, title] of Object.entries(articleTitles)) this.titles.set(id, title);
      });
      const settled = fetched.finally(() => {
        for (const id of missing) if (this.pending.get(id) === settled) this.pending.delete(id);
      });
      for (const id of missing) this.pending.set(id, settled);
      inFlight.add(settled);
    }
    await Promise.all(inFlight);
  }
}
