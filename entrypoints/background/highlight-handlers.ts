/** The background's answers to the highlight messages, and the toolbar badge that counts them. */

import { browser } from 'wxt/browser';
import { toAnkiTsv, toCsv, toJson, toMarkdown } from '@/core/highlight-export';
import { parseImport } from '@/core/highlight-import';
import { cleanTags, highlightValidator, newHighlight, type HighlightRecord } from '@/core/highlight-record';
import { normalizePageUrl } from '@/core/page-url';
import { formatIssues, validate } from '@/core/validate';
import { sendTabMessage, type Handlers, type Protocol, type SenderInfo } from '@/lib/messaging';
import { colourMeanings } from '@/lib/settings';
import { StorageError } from './db';
import type { HighlightStore } from './highlight-store';
import { storage } from 'wxt/utils/storage';

type HighlightMessages =
  | 'saveHighlight'
  | 'pageHighlights'
  | 'reportAnchoring'
  | 'takePendingFlash'
  | 'listHighlights'
  | 'highlightFacets'
  | 'updateHighlight'
  | 'deleteHighlights'
  | 'restoreHighlights'
  | 'exportHighlights'
  | 'importHighlights'
  | 'openHighlight';

/** A page may only read and write its own highlights. */
function requireOwnPage(sender: SenderInfo, url: string): string {
  const own = sender.url ? normalizePageUrl(sender.url) : '';
  const asked = normalizePageUrl(url);
  if (!own || own !== asked) throw new Error('refused: a page can only use its own highlights');
  return asked;
}

function newId(): string {
  return `h_${crypto.randomUUID().replace(/-/g, '')}`;
}

const pendingFlashKey = (tabId: number) => `session:pending-flash:${tabId}` as const;

function checked(h: HighlightRecord): HighlightRecord {
  const r = validate(highlightValidator, h);
  if (!r.ok) throw new Error(`invalid highlight: ${formatIssues(r.issues, 5)}`);
  return r.value;
}

const EXPORTS = {
  json: { mime: 'application/json', ext: 'json' },
  markdown: { mime: 'text/markdown', ext: 'md' },
  csv: { mime: 'text/csv', ext: 'csv' },
  anki: { mime: 'text/tab-separated-values', ext: 'txt' },
} as const;

/** Sets the toolbar badge of every open tab showing one of `urls` to its number of highlights. */
export async function updateBadges(store: HighlightStore, urls?: Set<string>): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url || !/^https?:/.test(tab.url)) continue;
    const url = normalizePageUrl(tab.url);
    if (urls && !urls.has(url)) continue;
    const n = await store.countForUrl(url);
    await action.setBadgeText({ tabId: tab.id, text: n > 0 ? String(n) : '' });
    if (n > 0) await action.setBadgeBackgroundColor({ tabId: tab.id, color: '#2563eb' });
  }
}

export function highlightHandlers(store: HighlightStore): Pick<Handlers<Protocol>, HighlightMessages> {
  return {
    saveHighlight: async ({ draft }, sender) => {
      requireOwnPage(sender, draft.url);
      const h = checked(newHighlight(draft, newId(), Date.now()));
      await store.put([h]);
      return h;
    },

    pageHighlights: ({ url }, sender) => store.forUrl(requireOwnPage(sender, url)),

    reportAnchoring: async ({ url, anchored, orphaned }, sender) => {
      const page = requireOwnPage(sender, url);
      const own = new Set((await store.forUrl(page)).map((h) => h.id));
      await store.setOrphans(
        anchored.filter((id) => own.has(id)),
        orphaned.filter((id) => own.has(id)),
      );
      if (sender.tabId !== undefined) await updateBadges(store, new Set([page]));
      return null;
    },

    takePendingFlash: async (_params, sender) => {
      if (sender.tabId === undefined) return null;
      const key = pendingFlashKey(sender.tabId);
      const id = await storage.getItem<string>(key);
      if (id) await storage.removeItem(key);
      return id;
    },

    listHighlights: ({ query, cursor, limit }) => store.list(query, cursor, limit),

    highlightFacets: () => store.facets(),

    updateHighlight: async ({ id, patch }) => {
      const h = await store.get(id);
      if (!h) throw new Error('That highlight no longer exists.');
      const updated = checked({
        ...h,
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(patch.color !== undefined ? { color: patch.color } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        updatedAt: Math.max(Date.now(), h.createdAt),
      });
      await store.put([updated]);
      return updated;
    },

    deleteHighlights: ({ ids }) => store.delete(ids),

    restoreHighlights: async ({ highlights }) => {
      await store.put(highlights);
      return null;
    },

    exportHighlights: async ({ query, format }) => {
      const items = await store.all(query);
      const now = new Date();
      const content =
        format === 'json'
          ? toJson(items, now)
          : format === 'markdown'
            ? toMarkdown(items, await colourMeanings.getValue())
            : format === 'csv'
              ? toCsv(items)
              : toAnkiTsv(items);
      const { mime, ext } = EXPORTS[format];
      return {
        filename: `song-ngu-highlights-${now.toISOString().slice(0, 10)}.${ext}`,
        mime,
        content,
        count: items.length,
      };
    },

    importHighlights: async ({ text }) => {
      const parsed = parseImport(text);
      if (!parsed.ok) return parsed;
      try {
        return { ok: true, ...(await store.import(parsed.highlights)) };
      } catch (error) {
        return { ok: false, errors: [error instanceof StorageError ? error.message : String(error)] };
      }
    },

    openHighlight: async ({ id }) => {
      const h = await store.get(id);
      if (!h) throw new Error('That highlight no longer exists.');
      const [open] = (await browser.tabs.query({})).filter((t) => t.url && normalizePageUrl(t.url) === h.url);
      if (open?.id !== undefined) {
        await browser.tabs.update(open.id, { active: true });
        if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
        try {
          await sendTabMessage(open.id, 'flashHighlight', { id });
          return null;
        } catch {
          // The page is still loading: let it pick the flash up when it is ready.
          await storage.setItem(pendingFlashKey(open.id), id);
          return null;
        }
      }
      const tab = await browser.tabs.create({ url: h.url, active: true });
      if (tab.id !== undefined) await storage.setItem(pendingFlashKey(tab.id), id);
      return null;
    },
  };
}
