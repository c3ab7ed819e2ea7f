/** The reader's articles through the background: import all or nothing, save, delete, export, the v7 upgrade. */

import { openPastVersion } from '@/tests/fixtures/past-schemas';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { articleToYaml, formatArticleProblem, parseArticleFile, readArticleFiles } from '@/core/article-import';
import { compileCorpus, loadCorpus } from '@/core/corpus-format';
import { scoreBlock } from '@/core/corpus-match';
import { LiveCorpus } from '@/core/user-corpus';
import { validate } from '@/core/validate';
import { PROTOCOL_PARAMS, PRIVILEGED, TRANSFER_CHUNK_CHARS, type ArticleImportResult } from '@/lib/protocol';
import { loadArticles } from '@/scripts/lib/data-sources';
import { articleHandlers } from './article-handlers';
import { ArticleStore } from './article-store';
import { DB_NAME, DB_VERSION, openDatabase } from './db';
import { Connection } from './db-connection';
import { takeExportChunk } from './transfers';

const OPTIONS = { tabId: undefined, url: 'chrome-extension://x/options.html', isExtensionPage: true };
const bundled = loadArticles();
const compiled = JSON.stringify(compileCorpus(bundled));

const article = (id: string, vi = `Bài viết ${id} kể chuyện tuyến metro mới ở Hà Nội chạy thử sáng nay.`) => ({
  id,
  title: { vi: `Tiêu đề ${id}`, en: `Title ${id}` },
  source: { outlet: null, author: null, published: null, credits: [], url: `https://vnexpress.net/${id}.html` },
  paragraphs: [{ vi, en: `The article ${id}.` }],
});

function deleteDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error as Error);
    req.onblocked = () => resolve();
  });
}

let store: ArticleStore;
let corpus: LiveCorpus;
let handlers: ReturnType<typeof articleHandlers>;

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDb();
  store = new ArticleStore(new Connection());
  corpus = new LiveCorpus(loadCorpus(JSON.parse(compiled)));
  handlers = articleHandlers({
    store,
    corpus: () => Promise.resolve(corpus),
    pageParagraphs: () => Promise.reject(new Error('no content script')),
    now: () => 1_000,
  });
});

/** Sends read files to the background as the options page does: JSON of [{name, articles}], in chunks. */
async function send(files: { name: string; articles: unknown }[], chunkChars = TRANSFER_CHUNK_CHARS) {
  const text = JSON.stringify(files);
  const chunks = Math.max(1, Math.ceil(text.length / chunkChars));
  let result: ArticleImportResult | null = null;
  for (let index = 0; index < chunks; index++) {
    const params = {
      importId: 'import0123456789ab',
      index,
      chunks,
      text: text.slice(index * chunkChars, (index + 1) * chunkChars),
    };
    expect(validate(PROTOCOL_PARAMS.importArticles, params).ok).toBe(true);
    result = await handlers.importArticles(params, OPTIONS);
    if (index < chunks - 1) expect(result).toBeNull();
  }
  return result!;
}

/** An import as the options page makes it: the files read and checked there, then sent. */
async function importFiles(files: { name: string; text: string }[], chunkChars = TRANSFER_CHUNK_CHARS) {
  const read = readArticleFiles(files);
  if (read.problems.length > 0) {
    return { ok: false as const, errors: [...read.problems.map(formatArticleProblem), 'Nothing was imported.'] };
  }
  return send(
    read.files.map((f) => ({ name: f.name, articles: f.articles })),
    chunkChars,
  );
}

const json = (value: unknown) => JSON.stringify(value);

describe('importArticles', () => {
  test('imports every article of every file, in chunks, and they are recognised at once', async () => {
    const result = await importFiles(
      [
        { name: 'a.json', text: json(article('user-a')) },
        {
          name: 'more.json',
          text: json([article('user-b', 'Giá vàng miếng hôm nay tăng thêm năm trăm nghìn đồng mỗi lượng.')]),
        },
      ],
      100,
    );
    expect(result).toEqual({ ok: true, added: 2, replaced: 0, ids: ['user-a', 'user-b'] });
    expect((await store.list()).map((r) => r.id)).toEqual(['user-a', 'user-b']);
    const [best] = scoreBlock(corpus.index, article('user-a').paragraphs[0]!.vi).candidates;
    expect(corpus.articles[best!.article]!.id).toBe('user-a');
    const summaries = await handlers.listArticles({}, OPTIONS);
    expect(summaries.filter((s) => s.user).map((s) => [s.id, s.url, s.paragraphs])).toEqual([
      ['user-a', 'https://vnexpress.net/user-a.html', 1],
      ['user-b', 'https://vnexpress.net/user-b.html', 1],
    ]);
    expect(summaries.filter((s) => !s.user)).toHaveLength(bundled.length);
  });

  test('re-importing an id replaces that article', async () => {
    await importFiles([{ name: 'a.json', text: json(article('user-a')) }]);
    const again = article('user-a', 'Một phiên bản đã sửa của bài viết về tuyến metro mới ở Hà Nội.');
    expect(await importFiles([{ name: 'a.json', text: json(again) }])).toEqual({
      ok: true,
      added: 0,
      replaced: 1,
      ids: ['user-a'],
    });
    expect((await store.list()).map((r) => r.article.paragraphs[0]!.vi)).toEqual([again.paragraphs[0]!.vi]);
    expect(corpus.userArticles).toHaveLength(1);
  });

  const badFiles: [string, { name: string; text: string }, RegExp][] = [
    [
      'missing English',
      { name: 'x.json', text: json({ ...article('x'), paragraphs: [{ vi: 'Chỉ tiếng Việt thôi nhé.' }] }) },
      /x\.json, article “x”, paragraph 1, field “en”: is missing/,
    ],
    ['a bundled id', { name: 'x.json', text: json(article(bundled[0]!.id)) }, /comes with Song ngữ/],
    ['bad YAML', { name: 'x.yaml', text: 'id: [unclosed\n' }, /x\.yaml, line \d+: is not valid YAML/],
    [
      'a script in a field',
      { name: 'x.json', text: json(article('x', 'Xin chào <script>alert(1)</script> mọi người.')) },
      /field “vi”: must be plain text/,
    ],
  ];

  /** A refused import: the error says where, the list ends "Nothing was imported.", nothing is written. */
  async function expectRefused(result: ArticleImportResult, message: RegExp) {
    expect(result.ok).toBe(false);
    const errors = (result as { errors: string[] }).errors;
    expect(errors.join('\n')).toMatch(message);
    expect(errors.at(-1)).toBe('Nothing was imported.');
    expect(await store.list()).toEqual([]);
    expect(corpus.userArticles).toEqual([]);
  }

  test.each(badFiles)('%s: the error says where, and nothing is written', async (_kind, bad, message) => {
    await expectRefused(await importFiles([{ name: 'good.json', text: json(article('good')) }, bad]), message);
  });

  test.each(badFiles.filter(([kind]) => kind !== 'bad YAML'))(
    '%s, sent past the options page: the background refuses it too, and nothing is written',
    async (_kind, bad, message) => {
      const files = [
        { name: 'good.json', articles: article('good') },
        { name: bad.name, articles: JSON.parse(bad.text) as unknown },
      ];
      await expectRefused(await send(files), message);
    },
  );

  test('a duplicate id across files: nothing is written', async () => {
    const result = await importFiles([
      { name: 'one.json', text: json(article('same')) },
      { name: 'two.json', text: json(article('same')) },
    ]);
    expect(result).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('also the id of an article in one.json'), 'Nothing was imported.'],
    });
    // And sent past the options page.
    expect(
      await send([
        { name: 'one.json', articles: article('same') },
        { name: 'two.json', articles: [article('same')] },
      ]),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('also the id of an article in one.json'), 'Nothing was imported.'],
    });
    expect(await store.list()).toEqual([]);
  });

  test('an import that is not a list of files is refused', async () => {
    const params = { importId: 'import0123456789ab', index: 0, chunks: 1, text: '{"not":"files"}' };
    expect(await handlers.importArticles(params, OPTIONS)).toMatchObject({ ok: false });
  });

  test('only the extension’s own pages may import, save, delete or list', () => {
    for (const type of [
      'importArticles',
      'saveArticle',
      'deleteArticle',
      'exportArticle',
      'listArticles',
      'getPageParagraphs',
    ] as const) {
      expect(PRIVILEGED.has(type)).toBe(true);
    }
  });
});

describe('saveArticle, deleteArticle, exportArticle', () => {
  test('a saved article takes a free id; deleting it forgets it at once', async () => {
    await importFiles([{ name: 'a.json', text: json(article('page-article')) }]);
    const draft = article('page-article', 'Một bài viết khác hẳn về giá vàng miếng trong nước sáng nay.');
    expect(validate(PROTOCOL_PARAMS.saveArticle, { article: draft }).ok).toBe(true);
    expect(await handlers.saveArticle({ article: draft }, OPTIONS)).toEqual({ id: 'page-article-2' });
    expect((await store.list()).map((r) => r.id)).toEqual(['page-article', 'page-article-2']);
    expect(await handlers.deleteArticle({ articleId: 'page-article-2' }, OPTIONS)).toEqual({ deleted: true });
    expect(corpus.userArticles.map((a) => a.id)).toEqual(['page-article']);
    expect(
      scoreBlock(corpus.index, draft.paragraphs[0]!.vi).candidates.map((c) => corpus.articles[c.article]!.id),
    ).not.toContain('page-article-2');
    await expect(handlers.deleteArticle({ articleId: bundled[0]!.id }, OPTIONS)).rejects.toThrow(/cannot be deleted/);
  });

  test('an export is the corpus format and imports back as it was', async () => {
    await importFiles([{ name: 'a.json', text: json(article('round-trip')) }]);
    const prepared = await handlers.exportArticle({ articleId: 'round-trip' }, OPTIONS);
    expect(prepared).toMatchObject({ filename: 'round-trip.yaml', count: 1, chunks: 1 });
    // The options page writes the article's JSON as the YAML file.
    const text = articleToYaml(JSON.parse(takeExportChunk(prepared.exportId, 0)) as never);
    const back = parseArticleFile(prepared.filename, text);
    expect(back.problems).toEqual([]);
    expect(back.articles[0]).toEqual(corpus.userArticles[0]);
  });

  test('a tab without a content script has no paragraphs to give', async () => {
    expect(await handlers.getPageParagraphs({ tabId: 3 }, OPTIONS)).toBeNull();
  });
});

describe('schema upgrade from v6', () => {
  test('from version 6: every store kept, the articles store added and usable', async () => {
    const v6 = await openPastVersion(DB_NAME, 6);
    const word = { headword: 'metro', status: 'new' };
    await v6.put('words', word);
    v6.close();

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
    expect(await db.get('words', 'metro')).toEqual(word);
    db.close();

    await importFiles([{ name: 'a.json', text: json(article('after-upgrade')) }]);
    expect((await store.list()).map((r) => r.id)).toEqual(['after-upgrade']);
  });
});
