import { describe, expect, test } from 'vitest';
import {
  articleToYaml,
  formatArticleProblem,
  importSizeProblems,
  MAX_ARTICLE_FILE_BYTES,
  parseArticleFile,
  readArticleFiles,
} from './article-import';

const YAML_ARTICLE = `id: hanoi-metro-line
title:
  vi: "Tuyến metro Nhổn - ga Hà Nội chạy thử"
  en: "The Nhổn–Hanoi Station metro line begins trial runs"
source:
  outlet: VnExpress
  author: null
  published: "2024-05-20"
  credits: []
  url: https://vnexpress.net/tuyen-metro-4747474.html
paragraphs:
  - kind: lead
    vi: >-
      Tuyến metro dài 12,5 km bắt đầu chạy thử từ sáng nay.
    en: >-
      The 12.5 km metro line began trial runs this morning.
  - vi: >-
      Mỗi đoàn tàu có 4 toa.
    en: >-
      Each train has four carriages.
`;

const asJson = (value: unknown) => JSON.stringify(value);
const article = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { vi: 'Tiêu đề', en: 'Title' },
  source: { outlet: null, author: null, published: null, credits: [] },
  paragraphs: [{ vi: `Đoạn văn của ${id}.`, en: `The paragraph of ${id}.` }],
  ...extra,
});

describe('parseArticleFile', () => {
  test('reads a YAML article in the corpus format, seed absent, url kept', () => {
    const { articles, problems } = parseArticleFile('metro.yaml', YAML_ARTICLE);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.source).toMatchObject({ seed: null, url: 'https://vnexpress.net/tuyen-metro-4747474.html' });
    expect(articles[0]!.paragraphs[0]).toEqual({
      kind: 'lead',
      vi: 'Tuyến metro dài 12,5 km bắt đầu chạy thử từ sáng nay.',
      en: 'The 12.5 km metro line began trial runs this morning.',
    });
  });

  test('reads JSON: one article, or a list', () => {
    expect(parseArticleFile('one.json', asJson(article('one'))).articles.map((a) => a.id)).toEqual(['one']);
    const list = parseArticleFile('two.json', asJson([article('a'), article('b', { id: 'b' })]));
    expect(list.problems).toEqual([]);
    expect(list.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  test.each([
    [
      'missing English',
      'x.yaml',
      YAML_ARTICLE.replace('    en: >-\n      Each train has four carriages.\n', ''),
      { article: 'hanoi-metro-line', paragraph: 2, field: 'en', message: 'is missing', line: 17 },
    ],
    [
      'blank English',
      'x.yaml',
      YAML_ARTICLE.replace('>-\n      Each train has four carriages.', '"  "'),
      { article: 'hanoi-metro-line', paragraph: 2, field: 'en', line: 19, message: 'must not be empty' },
    ],
    [
      'a script in a field',
      'x.yaml',
      YAML_ARTICLE.replace('Each train has four carriages.', 'Each train <script>alert(1)</script> has four.'),
      { article: 'hanoi-metro-line', paragraph: 2, field: 'en', message: expect.stringContaining('<script>') },
    ],
    [
      'an image tag with a handler in the title',
      'x.json',
      asJson(article('t', { title: { vi: 'Tiêu đề <img src=x onerror=alert(1)>', en: 'Title' } })),
      { article: 't', paragraph: null, field: 'title.vi', message: expect.stringContaining('markup') },
    ],
    [
      'a javascript: source url',
      'x.json',
      asJson(
        article('u', {
          source: { outlet: null, author: null, published: null, credits: [], url: 'javascript:alert(1)' },
        }),
      ),
      { article: 'u', field: 'source.url', message: 'must be an http(s) address' },
    ],
    [
      'bad YAML',
      'broken.yaml',
      'id: x\nparagraphs: [\n',
      { file: 'broken.yaml', article: null, message: expect.stringContaining('is not valid YAML') },
    ],
    [
      'bad JSON',
      'broken.json',
      '{"id": "x",}',
      { file: 'broken.json', article: null, message: expect.stringContaining('is not valid JSON') },
    ],
    ['an id that is not a slug', 'x.json', asJson(article('Not A Slug')), { article: 'Not A Slug', field: 'id' }],
    [
      'no id at all',
      'x.json',
      asJson([article('ok'), { ...article('x'), id: undefined }]),
      { article: 'article 2', field: 'id' },
    ],
    ['a file of nothing', 'x.json', '[]', { message: 'holds no articles' }],
    [
      'a paragraph given twice',
      'x.json',
      asJson(
        article('twice', {
          paragraphs: [
            { vi: 'Một câu.', en: 'A.' },
            { vi: 'Một câu.', en: 'B.' },
          ],
        }),
      ),
      { article: 'twice', paragraph: 2, field: 'vi', message: 'repeats paragraph 1' },
    ],
  ])('%s is a problem that says where', (_kind, name, text, expected) => {
    const { articles, problems } = parseArticleFile(name, text);
    expect(articles).toEqual([]);
    expect(problems[0]).toMatchObject({ file: name, ...expected });
  });

  test('a YAML alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let k = 0; k < 8; k++)
      bomb.push(`${'bcdefghi'[k]}: &${'bcdefghi'[k]} [${Array(9).fill(`*${'abcdefghi'[k]}`).join(',')}]`);
    const { problems } = parseArticleFile('bomb.yaml', bomb.join('\n'));
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('formatArticleProblem', () => {
  test('names file, line, article, paragraph and field', () => {
    const [p] = parseArticleFile(
      'metro.yaml',
      YAML_ARTICLE.replace('>-\n      Each train has four carriages.', '"  "'),
    ).problems;
    expect(formatArticleProblem(p!)).toBe(
      'metro.yaml, line 19, article “hanoi-metro-line”, paragraph 2, field “en”: must not be empty',
    );
  });
});

describe('readArticleFiles', () => {
  const articlesOf = (r: ReturnType<typeof readArticleFiles>) => r.files.flatMap((f) => f.articles);
  const bundled = new Set(['isw-north-korean-troops-kursk']);

  test('takes every article of every file', () => {
    const r = readArticleFiles(
      [
        { name: 'metro.yaml', text: YAML_ARTICLE },
        { name: 'more.json', text: asJson([article('a'), article('b')]) },
      ],
      bundled,
    );
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => [f.name, f.articles.map((a) => a.id)])).toEqual([
      ['metro.yaml', ['hanoi-metro-line']],
      ['more.json', ['a', 'b']],
    ]);
  });

  test('refuses a bundled id, and an id given twice across files; then takes nothing at all', () => {
    const r = readArticleFiles(
      [
        { name: 'one.json', text: asJson([article('isw-north-korean-troops-kursk'), article('a')]) },
        { name: 'two.json', text: asJson(article('a')) },
        { name: 'fine.yaml', text: YAML_ARTICLE },
      ],
      bundled,
    );
    expect(articlesOf(r)).toEqual([]);
    expect(r.problems.map(formatArticleProblem)).toEqual([
      'one.json, article “isw-north-korean-troops-kursk”, field “id”: “isw-north-korean-troops-kursk” is the id of an article that comes with Song ngữ; give your article another id',
      'two.json, article “a”, field “id”: “a” is also the id of an article in one.json',
    ]);
  });

  test('one bad file spoils the whole import', () => {
    const r = readArticleFiles(
      [
        { name: 'good.yaml', text: YAML_ARTICLE },
        { name: 'bad.json', text: asJson(article('b', { paragraphs: [{ vi: 'Chỉ có tiếng Việt.' }] })) },
      ],
      bundled,
    );
    expect(articlesOf(r)).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'bad.json', article: 'b', paragraph: 1, field: 'en' });
  });
});

describe('importSizeProblems', () => {
  test('refuses a huge file by its size alone', () => {
    expect(importSizeProblems([{ name: 'small.yaml', size: 2_000 }])).toEqual([]);
    const [p] = importSizeProblems([{ name: 'huge.yaml', size: MAX_ARTICLE_FILE_BYTES + 1 }]);
    expect(p).toMatchObject({ file: 'huge.yaml', message: expect.stringContaining('too large') });
  });

  test('refuses files too large together', () => {
    const files = Array.from({ length: 5 }, (_, k) => ({ name: `f${k}.yaml`, size: MAX_ARTICLE_FILE_BYTES }));
    expect(importSizeProblems(files)[0]!.message).toContain('too large together');
  });
});

describe('articleToYaml', () => {
  test('an exported article imports back as it was', () => {
    const [original] = parseArticleFile('metro.yaml', YAML_ARTICLE).articles;
    const yaml = articleToYaml(original!);
    expect(yaml).toContain('id: hanoi-metro-line');
    const back = parseArticleFile('export.yaml', yaml);
    expect(back.problems).toEqual([]);
    expect(back.articles[0]).toEqual(original);
  });

  test('text that looks like YAML syntax survives', () => {
    const tricky = article('tricky', {
      paragraphs: [{ vi: '- "Không": #1 & *mọi* thứ: yes', en: "no: [1, 2] | > “quoted” 'single'" }],
    });
    const [a] = parseArticleFile('t.json', asJson(tricky)).articles;
    expect(parseArticleFile('t.yaml', articleToYaml(a!)).articles[0]).toEqual(a);
  });
});
