/** The background's answers to the highlight messages. */

import { browser } from 'wxt/browser';
import { toAnkiTsv, toCsv, toJson, toMarkdown } from '@/core/highlight-export';
import { parseImport } from '@/core/highlight-import';
import {
  cleanTags,
  highlightValidator,
  newHighlight,
  type HighlightDraft,
  type HighlightRecord,
} from '@/core/highlight-record';
import { normalizePageUrl } from '@/core/page-url';
import { RateLimiter } from '@/core/rate-limit';
import { formatIssues, validate } from '@/core/validate';
import { sendTabMessage, type Handlers, type Protocol, type SenderInfo } from '@/lib/messaging';
import { colourMeanings } from '@/lib/settings';
import { StorageError } from './db';
import type { HighlightStore } from './highlight-store';
import { notifyPages, updateBadges } from './page-notify';
import { newToken, peekStaged, stage, unstage } from './staged-highlights';
import { setPendingFlash, takePendingFlash } from './tab-state';
import { holdExport, receiveImportChunk, takeExportChunk } from './transfers';

type HighlightMessages =
  | 'saveHighlight'
  | 'stageHighlight'
  | 'getStagedHighlight'
  | 'commitStagedHighlight'
  | 'discardStagedHighlight'
  | 'getHighlight'
  | 'closeFrame'
  | 'pageHighlights'
  | 'reportAnchoring'
  | 'takePendingFlash'
  | 'listHighlights'
  | 'highlightFacets'
  | 'updateHighlight'
  | 'deleteHighlights'
  | 'listDeletions'
  | 'undoDeletion'
  | 'exportHighlights'
  | 'exportChunk'
  | 'importHighlights'
  | 'openHighlight';

/**
 * New highlights a tab may save: a reader highlighting as fast as they can read stays far below
 * this; a page clicking our buttons for itself is stopped.
 */
export const SAVE_LIMIT = { burst: 30, perSecond: 1 } as const;

/** A page may only read and write its own highlights. */
function requireOwnPage(sender: SenderInfo, url: string): string {
  const own = sender.url ? normalizePageUrl(sender.url) : '';
  const asked = normalizePageUrl(url);
  if (!own || own !== asked) throw new Error('refused: a page can only use its own highlights');
  return asked;
}

function requireTab(sender: SenderInfo): number {
  if (sender.tabId === undefined) throw new Error('refused: this message comes from a page in a tab');
  return sender.tabId;
}

function newId(): string {
  return `h_${crypto.randomUUID().replace(/-/g, '')}`;
}

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

export function highlightHandlers(store: HighlightStore): Pick<Handlers<Protocol>, HighlightMessages> {
  const saves = new RateLimiter(SAVE_LIMIT);
  browser.tabs.onRemoved.addListener((tabId) => saves.forget(tabId));

  /** A new highlight from a tab's page, within the tab's allowance. */
  const createFromPage = async (draft: HighlightDraft, tabId: number, fields: Partial<HighlightRecord> = {}) => {
    if (!saves.take(tabId, Date.now())) {
      throw new Error('Too many highlights saved on this page in a short time. Wait a moment and try again.');
    }
    const h = checked({ ...newHighlight(draft, newId(), Date.now()), ...fields });
    await store.put([h]);
    return h;
  };

  return {
    saveHighlight: async ({ draft }, sender) => {
      requireOwnPage(sender, draft.url);
      const tabId = requireTab(sender);
      const h = await createFromPage(draft, tabId);
      await notifyPages(new Set([h.url]), tabId);
      return h;
    },

    stageHighlight: async ({ draft }, sender) => {
      requireOwnPage(sender, draft.url);
      const token = newToken();
      await stage(token, { tabId: requireTab(sender), draft, stagedAt: Date.now() });
      return { token };
    },

    getStagedHighlight: async ({ token }) => {
      const staged = await peekStaged(token, Date.now());
      if (!staged) throw new Error('This highlight can no longer be saved: select the text again.');
      return { quote: staged.draft.quote.exact, color: staged.draft.color };
    },

    commitStagedHighlight: async ({ token, note, color, tags }) => {
      const staged = await peekStaged(token, Date.now());
      if (!staged) throw new Error('This highlight can no longer be saved: select the text again.');
      const h = await createFromPage(
        { ...staged.draft, note: note.trim(), color, tags: cleanTags(tags) },
        staged.tabId,
      );
      await unstage(token);
      await notifyPages(new Set([h.url]));
      await sendTabMessage(staged.tabId, 'stagedHighlightDone', { token, saved: true }).catch(() => undefined);
      return h;
    },

    discardStagedHighlight: async ({ token }) => {
      const staged = await peekStaged(token, Date.now());
      await unstage(token);
      if (staged)
        await sendTabMessage(staged.tabId, 'stagedHighlightDone', { token, saved: false }).catch(() => undefined);
      return null;
    },

    getHighlight: async ({ id }) => (await store.get(id)) ?? null,

    closeFrame: async (_params, sender) => {
      // A frame of ours inside a tab: tell that tab's content script to take it away.
      if (sender.tabId !== undefined) await sendTabMessage(sender.tabId, 'closeFrame', {}).catch(() => undefined);
      return null;
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
      if (sender.tabId === undefined || !sender.url) return null;
      return takePendingFlash(sender.tabId, sender.url);
    },

    listHighlights: ({ query, cursor, limit }) => store.list(query, cursor, limit),

    highlightFacets: () => store.facets(),

    updateHighlight: async ({ id, patch }) => {
      const updated = await store.update(id, (h) =>
        checked({
          ...h,
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.color !== undefined ? { color: patch.color } : {}),
          ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
          updatedAt: Math.max(Date.now(), h.createdAt),
        }),
      );
      if (!updated) throw new Error('That highlight no longer exists.');
      await notifyPages(new Set([updated.url]));
      return updated;
    },

    deleteHighlights: async ({ ids }) => {
      const before = await store.getMany(ids);
      const deletion = await store.delete(ids, Date.now());
      await notifyPages(new Set(before.map((h) => h.url)));
      return deletion;
    },

    listDeletions: () => store.deletions(Date.now()),

    undoDeletion: async ({ undoId }) => {
      const restored = await store.undo(undoId, Date.now());
      await notifyPages(new Set(restored.map((h) => h.url)));
      return { restored: restored.length };
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
      const exportId = newToken();
      return {
        exportId,
        filename: `song-ngu-highlights-${now.toISOString().slice(0, 10)}.${ext}`,
        mime,
        count: items.length,
        chunks: holdExport(exportId, content, now.getTime()),
      };
    },

    exportChunk: ({ exportId, index }) => takeExportChunk(exportId, index),

    importHighlights: async ({ importId, index, chunks, text }) => {
      const whole = receiveImportChunk(importId, index, chunks, text, Date.now());
      if (whole === null) return null;
      const parsed = parseImport(whole, Date.now());
      if (!parsed.ok) return parsed;
      try {
        const result = await store.import(parsed.highlights);
        await notifyPages(new Set(parsed.highlights.map((h) => h.url)));
        return { ok: true, ...result };
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
          await setPendingFlash(open.id, { id, url: h.url });
          return null;
        }
      }
      const tab = await browser.tabs.create({ url: h.url, active: true });
      if (tab.id !== undefined) await setPendingFlash(tab.id, { id, url: h.url });
      return null;
    },
  };
}
