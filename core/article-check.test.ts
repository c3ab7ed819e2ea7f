import { describe, expect, test } from 'vitest';
import { checkImportedValues, formatArticleProblem, MAX_ARTICLES_PER_IMPORT, refusal } from './article-check';

const article = (id: string, vi = `Bài viết ${id} kể chuyện tuyến metro mới ở Hà Nội chạy thử sáng nay.`) => ({
  id,
  title: { vi: `Tiêu đề ${id}`, en: `Title ${id}` },
  source: { outlet: null, author: null, published: null, credits: [], url: null },
  paragraphs: [{ vi, en: `The article ${id}.` }],
});

/** The background's check of what the options page sends: no file text, no lines, the same rules. */
describe('checkImportedValues', () => {
  test('every article of every file, one or a list per file', () => {
    const r = checkImportedValues(
      [
        { name: 'a.yaml', value: article('a') },
        { name: 'b.yaml', value: [article('b'), article('c', 'Một bài khác về giá vàng miếng sáng nay tăng mạnh.')] },
      ],
      new Set(['bundled']),
    );
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => [a.id, a.source.seed])).toEqual([
      ['a', null],
      ['b', null],
      ['c', null],
    ]);
  });

  test.each([
    [
      'a bundled id',
      [{ name: 'x.yaml', value: article('bundled') }],
      'x.yaml, article “bundled”, field “id”: “bundled” is the id of an article that comes with Song ngữ',
    ],
    [
      'an id in two files',
      [
        { name: 'x.yaml', value: article('same') },
        { name: 'y.yaml', value: [article('same')] },
      ],
      'y.yaml, article “same”, field “id”: “same” is also the id of an article in x.yaml',
    ],
    [
      'a missing field, named by file, article, paragraph and field',
      [{ name: 'x.yaml', value: { ...article('x'), paragraphs: [{ vi: 'Chỉ tiếng Việt.' }] } }],
      'x.yaml, article “x”, paragraph 1, field “en”: is missing',
    ],
    ['a file with no articles', [{ name: 'x.yaml', value: [] }], 'x.yaml: holds no articles'],
    ['not an article at all', [{ name: 'x.yaml', value: 'text' }], 'x.yaml, article “article 1”'],
  ])('%s: refused, nothing accepted', (_, files, message) => {
    const r = checkImportedValues(files, new Set(['bundled']));
    expect(r.articles).toEqual([]);
    expect(r.problems.map(formatArticleProblem).join('\n')).toContain(message);
  });

  test(`at most ${MAX_ARTICLES_PER_IMPORT} articles in one import`, () => {
    const many = Array.from({ length: MAX_ARTICLES_PER_IMPORT + 1 }, (_, k) =>
      article(`a${k}`, `Bài số ${k} kể chuyện tuyến metro mới ở Hà Nội chạy thử sáng nay.`),
    );
    const r = checkImportedValues(
      [
        { name: 'x.yaml', value: many.slice(0, 600) },
        { name: 'y.yaml', value: many.slice(600) },
      ],
      new Set(),
    );
    expect(r.articles).toEqual([]);
    expect(r.problems.map(formatArticleProblem).join('\n')).toContain(
      `one import takes at most ${MAX_ARTICLES_PER_IMPORT} articles, got ${MAX_ARTICLES_PER_IMPORT + 1}`,
    );
  });
});

describe('refusal', () => {
  const problem = (k: number) => ({
    file: `f${k}.yaml`,
    article: null,
    paragraph: null,
    field: null,
    line: k,
    message: 'is not valid YAML',
  });

  test.each([
    [1, ['f1.yaml, line 1: is not valid YAML']],
    [30, Array.from({ length: 30 }, (_, k) => `f${k + 1}.yaml, line ${k + 1}: is not valid YAML`)],
    [
      35,
      [
        ...Array.from({ length: 30 }, (_, k) => `f${k + 1}.yaml, line ${k + 1}: is not valid YAML`),
        '… and 5 more problems.',
      ],
    ],
  ])('%i problems: at most 30 listed, the rest counted, and nothing imported', (count, listed) => {
    const problems = Array.from({ length: count }, (_, k) => problem(k + 1));
    expect(refusal(problems)).toEqual({ ok: false, errors: [...listed, 'Nothing was imported.'] });
  });
});
