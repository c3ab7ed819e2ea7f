import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { toJson } from '@/core/highlight-export';
import type { HighlightRecord } from '@/core/highlight-record';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { DB_NAME, DB_VERSION, openDatabase } from './db';
import { highlightHandlers } from './highlight-handlers';
import { HighlightStore } from './highlight-store';

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
    await store.delete(seen.slice(0, 3));
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

  test('delete returns the records, and putting them back undoes it', async () => {
    await store.put(SAMPLE_HIGHLIGHTS);
    const deleted = await store.delete(['h_0002bbbb']);
    expect(deleted.map((h) => h.id)).toEqual(['h_0002bbbb']);
    expect((await store.list({}, null, 10)).total).toBe(2);
    expect((await store.list({ search: 'dot kich' }, null, 10)).total).toBe(0);
    await store.put(deleted);
    expect((await store.list({ search: 'dot kich' }, null, 10)).items).toEqual(deleted);
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
  const doImport = (text: string) =>
    handlers().importHighlights({ text }, { tabId: undefined, url: undefined, isExtensionPage: true });

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
    expect(await doImport(text)).toEqual({ ok: true, added: 1, updated: 1, unchanged: 1 });
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
      'script in the note',
      withRecord((r) => (r.note = '<script>alert(1)</script>')),
      /note is plain text: it must not contain HTML/,
    ],
    ['HTML in the note', withRecord((r) => (r.note = 'see <img src=x onerror=alert(1)>')), /note is plain text/],
    ['HTML in a tag', withRecord((r) => (r.tags = ['<b>x</b>'])), /tags\[0\]: a tag is plain text/],
    ['HTML in the title', withRecord((r) => (r.title = '<iframe src=x>')), /title is plain text/],
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
