import { openDB } from 'idb';
import { openPastVersion } from '@/tests/fixtures/past-schemas';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { toJson } from '@/core/highlight-export';
import type { HighlightRecord } from '@/core/highlight-record';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { DB_NAME, DB_VERSION, openDatabase } from './db';
import { TRANSFER_CHUNK_CHARS, type ImportResult } from '@/lib/protocol';
import { highlightHandlers } from './highlight-handlers';
import { HighlightStore, UNDO_WINDOW_MS } from './highlight-store';

function deleteDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error as Error);
    req.onblocked = () => resolve();
  });
}

function make(i: number, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  const base = SAMPLE_HIGHLIGHTS[i % SAMPLE_HIGHLIGHTS.length]!;
  return {
    ...base,
    id: `h_${String(i).padStart(8, '0')}`,
    createdAt: Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 1000, // ties on purpose
    updatedAt: Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 1000,
    ...extra,
  };
}

let store: HighlightStore;

beforeEach(async () => {
  await deleteDb();
  store = new HighlightStore();
});

afterEach(async () => {
  await store.close();
  await deleteDb();
});

describe('schema upgrade', () => {
  test('a version-1 database holding data opens under the current version with every record intact', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        const s = db.createObjectStore('highlights', { keyPath: 'id' });
        s.createIndex('url', 'url');
        s.createIndex('createdAt', 'createdAt');
      },
    });
    const legacy = SAMPLE_HIGHLIGHTS.map(({ tags: _t, site: _s, corpus: _c, orphan: _o, ...rest }) => rest);
    for (const r of legacy) await v1.put('highlights', r);
    v1.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const tx = db.transaction('highlights');
    expect([...tx.store.indexNames].sort()).toEqual(['color', 'createdAt', 'tags', 'url']);
    const all = await tx.store.getAll();
    expect(all).toHaveLength(legacy.length);
    for (const old of legacy) {
      const now = all.find((r) => r.id === old.id)!;
      // Every v1 field is as it was…
      expect(now).toMatchObject(old);
      // …and the later versions' fields are filled in.
      expect(now.tags).toEqual([]);
      expect(now.site).toBe(new URL(old.url).hostname);
      expect(now.corpus).toBeNull();
      expect(now.orphan).toBe(false);
      expect(now.searchText).toContain(
        old.quote.exact
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[đĐ]/g, 'd')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)[0],
      );
    }
    expect(all.find((r) => r.id === 'h_0001aaaa')!.searchText).toContain('binh nhuong');
    expect(all.filter((r) => r.site === 'dantri.com.vn')).toHaveLength(2);
    expect(await db.countFromIndex('highlights', 'color', 'yellow')).toBe(
      legacy.filter((r) => r.color === 'yellow').length,
    );
    db.close();
  });

  test('from version 4: every site is recomputed with the one notion of a site, and the trash exists', async () => {
    // A version-4 database as the previous release left it: sites were hostnames without www.
    const v4 = await openPastVersion(DB_NAME, 4);
    const mobile = {
      ...SAMPLE_HIGHLIGHTS[0]!,
      id: 'h_mobile01',
      url: 'https://m.dantri.com.vn/a.htm',
      site: 'm.dantri.com.vn',
    };
    const desktop = { ...SAMPLE_HIGHLIGHTS[1]!, site: 'dantri.com.vn' };
    const english = {
      ...SAMPLE_HIGHLIGHTS[2]!,
      id: 'h_evnexpr1',
      url: 'https://e.vnexpress.net/news/a',
      site: 'e.vnexpress.net',
    };
    for (const r of [mobile, desktop, english]) await v4.put('highlights', { ...r, searchText: `old ${r.site}` });
    v4.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'cards',
      'highlights',
      'history',
      'reviewDays',
      'reviewLogs',
      'trash',
      'words',
    ]);
    const sites = Object.fromEntries((await db.getAll('highlights')).map((r) => [r.id, [r.site, r.searchText]]));
    expect(sites['h_mobile01']![0]).toBe('dantri.com.vn');
    expect(sites[desktop.id]![0]).toBe('dantri.com.vn');
    expect(sites['h_evnexpr1']![0]).toBe('vnexpress.net');
    // The search text is rebuilt from the record (it no longer holds the old site).
    expect(sites['h_mobile01']![1]).not.toContain('m dantri');
    expect(sites['h_mobile01']![1]).toContain('binh nhuong');
    db.close();
    const facets = await store.facets();
    expect(facets.sites).toEqual([
      ['dantri.com.vn', 2],
      ['vnexpress.net', 1],
    ]);
  });
});

describe('HighlightStore', () => {
  test('saves from two tabs at once lose nothing', async () => {
    const a = Array.from({ length: 20 }, (_, i) => make(i));
    const b = Array.from({ length: 20 }, (_, i) => make(i + 100));
    await Promise.all([...a.map((h) => store.put([h])), ...b.map((h) => store.put([h]))]);
    const page = await store.list({}, null, 500);
    expect(page.total).toBe(40);
  });

  test('pages newest first through the index without gaps or repeats, ties included', async () => {
    const all = Array.from({ length: 137 }, (_, i) => make(i));
    await store.put(all);
    await store.close();
    store = new HighlightStore(); // a fresh start: no search index yet
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await store.list({}, cursor, 25);
      seen.push(...page.items.map((h) => h.id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(137);
    expect(new Set(seen).size).toBe(137);
    const times = seen.map((id) => all.find((h) => h.id === id)!.createdAt);
    expect(times).toEqual([...times].sort((x, y) => y - x));

    // Once a search has built the in-memory index, the same pages come back, and the count it
    // supplies follows later deletes and saves.
    expect((await store.list({ search: 'zzz-nothing' }, null, 10)).total).toBe(0);
    const again: string[] = [];
    cursor = null;
    do {
      const page = await store.list({}, cursor, 25);
      again.push(...page.items.map((h) => h.id));
      expect(page.total).toBe(137);
      cursor = page.next;
    } while (cursor);
    expect(again).toEqual(seen);
    await store.delete(seen.slice(0, 3), Date.now());
    await store.put([make(500)]);
    const first = await store.list({}, null, 5);
    expect(first.total).toBe(135);
    expect(first.items.map((h) => h.id)).toEqual(['h_00000500', ...seen.slice(3, 7)]);
  });

  test('searches without diacritics or case, and filters by colour, tag, site and orphans', async () => {
    await store.put(SAMPLE_HIGHLIGHTS);
    const ids = async (q: Parameters<HighlightStore['list']>[0]) =>
      (await store.list(q, null, 50)).items.map((h) => h.id).sort();
    expect(await ids({ search: 'binh nhuong' })).toEqual(['h_0001aaaa']);
    expect(await ids({ search: 'BÌNH NHƯỠNG' })).toEqual(['h_0001aaaa']);
    expect(await ids({ search: 'pyongyang' })).toEqual(['h_0001aaaa']);
    expect(await ids({ search: 'lang son' })).toEqual(['h_0003cccc']);
    expect(await ids({ search: 'dot kich' })).toEqual(['h_0002bbbb']);
    expect(await ids({ search: 'diplomacy' })).toEqual(['h_0001aaaa']);
    expect(await ids({ search: 'no comment' })).toEqual(['h_0001aaaa']);
    expect(await ids({ color: 'green' })).toEqual(['h_0002bbbb']);
    expect(await ids({ tag: 'E-commerce' })).toEqual(['h_0003cccc']);
    expect(await ids({ site: 'dantri.com.vn' })).toEqual(['h_0001aaaa', 'h_0002bbbb']);
    expect(await ids({ orphans: true })).toEqual(['h_0003cccc']);
    expect(await ids({ search: 'kursk', orphans: true })).toEqual([]);
    const facets = await store.facets();
    expect(facets.total).toBe(3);
    expect(facets.orphans).toBe(1);
    expect(facets.sites).toEqual([
      ['dantri.com.vn', 2],
      ['vnexpress.net', 1],
    ]);
  });

  test('a delete can be undone, after the store is reopened and after further deletes', async () => {
    await store.put(SAMPLE_HIGHLIGHTS);
    const t0 = Date.UTC(2026, 0, 1);
    const first = await store.delete(['h_0002bbbb'], t0);
    expect(first).toMatchObject({ count: 1, deletedAt: t0, quote: SAMPLE_HIGHLIGHTS[1]!.quote.exact });
    expect((await store.list({}, null, 10)).total).toBe(2);
    expect((await store.list({ search: 'dot kich' }, null, 10)).total).toBe(0);
    const second = await store.delete(['h_0001aaaa', 'h_0003cccc'], t0 + 1000);
    expect(second?.count).toBe(2);
    // The popup closed and the service worker restarted: the undo entries are still there.
    await store.close();
    store = new HighlightStore();
    expect((await store.deletions(t0 + 2000)).map((d) => d.undoId)).toEqual([second!.undoId, first!.undoId]);
    expect(await store.undo(first!.undoId, t0 + 3000)).toEqual([SAMPLE_HIGHLIGHTS[1]]);
    expect((await store.list({ search: 'dot kich' }, null, 10)).items).toEqual([SAMPLE_HIGHLIGHTS[1]]);
    expect((await store.deletions(t0 + 3000)).map((d) => d.undoId)).toEqual([second!.undoId]);
    await expect(store.undo(first!.undoId, t0 + 3000)).rejects.toThrow(/can no longer be undone/);
  });

  test('after the undo window the trash is emptied and undo explains why it cannot', async () => {
    await store.put(SAMPLE_HIGHLIGHTS);
    const t0 = Date.UTC(2026, 0, 1);
    const d = await store.delete(['h_0002bbbb'], t0);
    const later = t0 + UNDO_WINDOW_MS + 1;
    expect(await store.deletions(later)).toEqual([]);
    await expect(store.undo(d!.undoId, later)).rejects.toThrow(/kept for 10 minutes/);
    expect(await store.get('h_0002bbbb')).toBeUndefined();
  });

  test('a delete racing an anchoring report or an edit is not undone by them', async () => {
    await store.put(SAMPLE_HIGHLIGHTS);
    // The page reports its anchoring while the popup deletes: whichever order the transactions
    // commit in, the highlight stays deleted.
    await Promise.all([store.delete(['h_0001aaaa'], 1), store.setOrphans([], ['h_0001aaaa'])]);
    expect(await store.get('h_0001aaaa')).toBeUndefined();
    await Promise.all([store.setOrphans(['h_0002bbbb'], []), store.delete(['h_0002bbbb'], 1)]);
    expect(await store.get('h_0002bbbb')).toBeUndefined();
    expect(await store.update('h_0002bbbb', (h) => ({ ...h, note: 'edited' }))).toBeNull();
    expect(await store.get('h_0002bbbb')).toBeUndefined();
  });

  test('an update reads and writes in one transaction', async () => {
    await store.put([make(1)]);
    const a = store.update(make(1).id, (h) => ({ ...h, tags: [...h.tags, 'a'] }));
    const b = store.update(make(1).id, (h) => ({ ...h, tags: [...h.tags, 'b'] }));
    await Promise.all([a, b]);
    expect((await store.get(make(1).id))!.tags).toEqual([...make(1).tags, 'a', 'b']);
  });

  test('a newer version taking the database over closes ours, and the store opens afresh rather than use a dead handle', async () => {
    await store.put([make(1)]);
    // A newer copy of the extension upgrades the database while this one is open.
    const newer = await openDB(DB_NAME, DB_VERSION + 1, { upgrade() {} });
    newer.close();
    // Ours stepped aside; its next request reopens, and learns the database is now newer.
    await expect(store.list({}, null, 10)).rejects.toThrow(/created by a newer version of Song ngữ/);
  });

  test('a full disk reaches the caller as a clear message and nothing is saved', async () => {
    await store.put([make(1)]);
    const db = await openDatabase();
    const proto = Object.getPrototypeOf(db.transaction('highlights', 'readwrite').store) as {
      put: (...a: unknown[]) => unknown;
    };
    db.close();
    const spy = vi
      .spyOn(proto, 'put')
      .mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
    await expect(store.put([make(2)])).rejects.toThrow(/storage is full.*Nothing was changed/);
    spy.mockRestore();
    expect((await store.list({}, null, 10)).items.map((h) => h.id)).toEqual([make(1).id]);
  });
});

describe('import', () => {
  const handlers = () => highlightHandlers(store);
  const count = async () => (await store.list({}, null, 500)).total;
  const POPUP = { tabId: undefined, url: undefined, isExtensionPage: true };
  /** Sends a file's text as the popup does: in chunks, the last one answering. */
  const doImport = async (text: string, chunkSize = TRANSFER_CHUNK_CHARS) => {
    const importId = `import${crypto.randomUUID().replace(/-/g, '')}`;
    const chunks = Math.max(1, Math.ceil(text.length / chunkSize));
    let result: ImportResult | null = null;
    for (let index = 0; index < chunks; index++) {
      const part = text.slice(index * chunkSize, (index + 1) * chunkSize);
      result = await handlers().importHighlights({ importId, index, chunks, text: part }, POPUP);
      if (index < chunks - 1) expect(result).toBeNull();
    }
    return result!;
  };

  test('imports a JSON export, merging duplicates by id (the newer wins)', async () => {
    await store.put([
      { ...SAMPLE_HIGHLIGHTS[0]!, note: 'newer note', updatedAt: SAMPLE_HIGHLIGHTS[0]!.updatedAt + 1000 },
    ]);
    await store.put([{ ...SAMPLE_HIGHLIGHTS[1]!, note: 'older note', updatedAt: SAMPLE_HIGHLIGHTS[1]!.createdAt }]);
    const text = toJson(
      [
        SAMPLE_HIGHLIGHTS[0]!,
        { ...SAMPLE_HIGHLIGHTS[1]!, updatedAt: SAMPLE_HIGHLIGHTS[1]!.createdAt + 5 },
        SAMPLE_HIGHLIGHTS[2]!,
      ],
      new Date(),
    );
    expect(await doImport(text, 1000)).toEqual({ ok: true, added: 1, updated: 1, unchanged: 1 });
    expect((await store.get('h_0001aaaa'))!.note).toBe('newer note');
    expect((await store.get('h_0002bbbb'))!.note).toBe(SAMPLE_HIGHLIGHTS[1]!.note);
    expect(await count()).toBe(3);
  });

  const good = () =>
    JSON.parse(toJson(SAMPLE_HIGHLIGHTS, new Date(0))) as { highlights: Record<string, unknown>[] } & Record<
      string,
      unknown
    >;
  const withRecord = (patch: (r: Record<string, unknown>) => void) => {
    const doc = good();
    patch(doc.highlights[1]!);
    return JSON.stringify(doc);
  };
  const huge = 'x'.repeat(20_000);

  const BAD: [string, string, RegExp][] = [
    ['empty file', '', /not valid JSON/],
    ['truncated JSON', toJson(SAMPLE_HIGHLIGHTS, new Date(0)).slice(0, 500), /not valid JSON.*cut short/],
    ['plain text', 'hello', /not valid JSON/],
    ['a JSON array', '[]', /should be a JSON object/],
    ['a JSON string', '"x"', /should be a JSON object/],
    ['null', 'null', /should be a JSON object/],
    [
      'a foreign file (Hypothesis)',
      JSON.stringify({ total: 1, rows: [{ text: 'x' }] }),
      /not a Song ngữ highlights export/,
    ],
    ['wrong format name', JSON.stringify({ ...good(), format: 'other' }), /format is "other"/],
    ['wrong version', JSON.stringify({ ...good(), version: 2 }), /version 2 of the export format/],
    ['version as a string', JSON.stringify({ ...good(), version: '1' }), /version "1"/],
    ['highlights not a list', JSON.stringify({ ...good(), highlights: {} }), /"highlights" must be an array/],
    ['missing id', withRecord((r) => delete r.id), /highlights\[1\]\.id: is missing/],
    ['id with spaces', withRecord((r) => (r.id = 'bad id here')), /highlights\[1\]\.id: must be 8–64/],
    ['id a number', withRecord((r) => (r.id = 12345678)), /highlights\[1\]\.id: must be a string/],
    [
      'duplicate id in the file',
      withRecord((r) => (r.id = 'h_0001aaaa')),
      /highlights\[1\]\.id: repeats the id of highlights\[0\]/,
    ],
    [
      'url not http',
      withRecord((r) => (r.url = 'javascript:alert(1)')),
      /highlights\[1\]\.url: must be an http\(s\) URL/,
    ],
    ['missing quote', withRecord((r) => delete r.quote), /highlights\[1\]\.quote: is missing/],
    [
      'empty quote',
      withRecord((r) => ((r.quote as Record<string, string>).exact = '  ')),
      /quote\.exact: must not be empty/,
    ],
    [
      'huge quote',
      withRecord((r) => ((r.quote as Record<string, string>).exact = huge)),
      /quote\.exact: must be at most 5000 characters/,
    ],
    ['huge note', withRecord((r) => (r.note = huge)), /highlights\[1\]\.note: must be at most 10000 characters/],
    ['huge title', withRecord((r) => (r.title = huge)), /highlights\[1\]\.title: must be at most 1000/],
    [
      'note not a string',
      withRecord((r) => (r.note = { html: '<b>x</b>' })),
      /highlights\[1\]\.note: must be a string/,
    ],
    ['a blank tag', withRecord((r) => (r.tags = ['ok', '   '])), /highlights\[1\]\.tags\[1\]: must not be empty/],
    ['a url that is not one', withRecord((r) => (r.url = 'https://[bad')), /highlights\[1\]\.url: is not a valid URL/],
    [
      'a data: url',
      withRecord((r) => (r.url = 'data:text/html,<b>x</b>')),
      /highlights\[1\]\.url: must be an http\(s\) URL/,
    ],
    ['unknown colour', withRecord((r) => (r.color = 'red')), /highlights\[1\]\.color: must be one of/],
    ['tags not a list', withRecord((r) => (r.tags = 'a,b')), /highlights\[1\]\.tags: must be an array/],
    [
      'too many tags',
      withRecord((r) => (r.tags = Array.from({ length: 31 }, (_, i) => `t${i}`))),
      /tags: must have at most 30 items/,
    ],
    ['createdAt a string', withRecord((r) => (r.createdAt = '2024-11-14')), /createdAt: must be a finite number/],
    ['negative time', withRecord((r) => (r.createdAt = -5)), /createdAt: must be ≥ 0/],
    ['updated before created', withRecord((r) => (r.updatedAt = 0)), /updatedAt comes before createdAt/],
    ['position backwards', withRecord((r) => (r.position = { start: 10, end: 2 })), /position: end comes before start/],
    ['position a string', withRecord((r) => (r.position = '10-20')), /position: must be an object/],
    ['orphan not a boolean', withRecord((r) => (r.orphan = 'no')), /orphan: must be true or false/],
    ['unknown field', withRecord((r) => (r.colour = 'yellow')), /highlights\[1\]\.colour: is not a known field/],
    [
      'corpus link with a bad article id',
      withRecord((r) => (r.corpus = { articleId: 'Bad Id', paragraphIndex: 0, english: '', terms: [] })),
      /corpus\.articleId: must be an article id/,
    ],
    [
      'a record that is null',
      withRecord((r) => Object.keys(r).forEach((k) => delete r[k])),
      /highlights\[1\]\.id: is missing/,
    ],
    ['a BOM and then garbage', '\ufeff{"format":', /not valid JSON/],
  ];

  test(`refuses ${BAD.length} kinds of bad file with a clear error, writing nothing`, async () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
    await store.put([make(999)]);
    for (const [name, text, message] of BAD) {
      const result = await doImport(text);
      expect(result.ok, name).toBe(false);
      expect(result.ok ? '' : result.errors.join('\n'), name).toMatch(message);
      expect(await count(), name).toBe(1);
    }
  });
});
