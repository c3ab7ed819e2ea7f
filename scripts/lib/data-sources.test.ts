import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGlossary, loadArticles, loadGlossarySources, parseArticle, SourceError } from './data-sources';

const GOOD_ARTICLE = `id: sample-article
title:
  vi: "Nga và Triều Tiên"
  en: "Russia and North Korea"
source:
  outlet: null
  author: null
  published: 2025-11-08
  credits: []
  seed: 004_36f7b37c0ef47342.txt
paragraphs:
  - vi: >-
      Hơn 10.000 binh sĩ đã tới Kursk ngày 13/11.
    en: >-
      More than 10,000 soldiers arrived in Kursk on 13 November.
  - kind: caption
    vi: "Bản đồ (Ảnh: ISW)."
    en: "Map (Photo: ISW)."
`;

const edit = (from: string, to: string) => {
  if (!GOOD_ARTICLE.includes(from)) throw new Error(`fixture lacks ${from}`);
  return GOOD_ARTICLE.replace(from, to);
};

describe('corpus source files', () => {
  test('a good file parses', () => {
    const { article, problems } = parseArticle(GOOD_ARTICLE, '/x/sample-article.yaml');
    expect(problems).toEqual([]);
    expect(article?.paragraphs).toHaveLength(2);
    expect(article?.source.published).toBe('2025-11-08');
  });

  // Each bad file must fail, naming the file, the article and the paragraph where there is one.
  test.each([
    ['YAML syntax', edit('paragraphs:', 'paragraphs: [\n'), /line \d+/],
    ['duplicate key', edit('  author: null', '  author: null\n  author: x'), /Map keys must be unique|unique/i],
    [
      'id not a slug',
      edit('id: sample-article', 'id: Sample Article'),
      /sample article|Sample Article.*slug|id: must be a slug/i,
    ],
    [
      'id differs from the file name',
      edit('id: sample-article', 'id: other-article'),
      /id: must equal the file name "sample-article"/,
    ],
    [
      'missing title',
      edit('title:\n  vi: "Nga và Triều Tiên"\n  en: "Russia and North Korea"\n', ''),
      /sample-article › title: is missing/,
    ],
    [
      'empty English',
      edit('    en: >-\n      More than 10,000 soldiers arrived in Kursk on 13 November.', '    en: ""'),
      /sample-article › paragraphs\[0\]\.en: must not be empty/,
    ],
    [
      'blank Vietnamese',
      edit('    vi: "Bản đồ (Ảnh: ISW)."', '    vi: "   "'),
      /paragraphs\[1\]\.vi: must not be empty/,
    ],
    ['unknown paragraph kind', edit('kind: caption', 'kind: photo'), /paragraphs\[1\]\.kind: must be one of/],
    ['misspelt field', edit('  credits: []', '  credit: []'), /source\.credit: is not a known field/],
    [
      'number not carried over',
      edit('More than 10,000', 'More than 1,000'),
      /paragraphs\[0\]\.en: the number 10000 from the Vietnamese is missing/,
    ],
    [
      'date written the Vietnamese way',
      edit('on 13 November', 'on 13/11'),
      /paragraphs\[0\]\.en: English writes the date 13\/11/,
    ],
    ['thousands written the Vietnamese way', edit('More than 10,000', 'More than 10.000'), /paragraphs\[0\]\.en:/],
    [
      'not a real date',
      edit('published: 2025-11-08', 'published: 2025-13-45'),
      /source\.published: is not a real date/,
    ],
    [
      'date in another format',
      edit('published: 2025-11-08', 'published: "08/11/2025"'),
      /source\.published: must be an ISO 8601 date/,
    ],
    [
      'no paragraphs',
      GOOD_ARTICLE.slice(0, GOOD_ARTICLE.indexOf('paragraphs:')) + 'paragraphs: []\n',
      /paragraphs: must have at least 1 item/,
    ],
    [
      'repeated paragraph',
      GOOD_ARTICLE + '  - vi: "Bản đồ (Ảnh: ISW)."\n    en: Map again.\n',
      /paragraphs\[2\]\.vi: repeats paragraph 1/,
    ],
    ['not a mapping', '- just\n- a list\n', /\(no id\) › : must be an object|must be an object/],
  ])('%s', (_name, text, message) => {
    const { article, problems } = parseArticle(text, '/corpus/sample-article.yaml');
    expect(article).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    const report = problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n');
    expect(report).toMatch(message);
    expect(report).toContain('sample-article.yaml');
  });

  test('loadArticles reports every problem across files, and the same paragraph in two articles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(dir, 'sample-article.yaml'), GOOD_ARTICLE);
    writeFileSync(join(dir, 'copy-article.yaml'), GOOD_ARTICLE.replace('id: sample-article', 'id: copy-article'));
    writeFileSync(
      join(dir, 'broken.yaml'),
      edit('id: sample-article', 'id: broken').replace('kind: caption', 'kind: x'),
    );
    let error: unknown;
    try {
      loadArticles(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    const message = (error as SourceError).message;
    expect(message).toMatch(/broken\.yaml: broken › paragraphs\[1\]\.kind/);
    expect(message).toMatch(/sample-article › paragraphs\[0\]: is the same text as copy-article:0/);
  });
});

function glossaryDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'han-readings.yaml'), files['han-readings.yaml'] ?? '{}\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const ENTRY = (fields: string) => `- vi: Triều Tiên
  en: [North Korea]
  kind: country
  proper: true
  note: The DPRK.
${fields}`;

describe('glossary source files', () => {
  test.each([
    ['empty English', ENTRY('').replace('[North Korea]', '[""]'), /\[0\] \(Triều Tiên\)\.en\[0\]: must not be empty/],
    ['no English at all', ENTRY('').replace('  en: [North Korea]\n', ''), /\[0\] \(Triều Tiên\)\.en: is missing/],
    ['unknown kind', ENTRY('').replace('kind: country', 'kind: nation'), /\.kind: must be one of/],
    [
      'two-line note',
      ENTRY('').replace('note: The DPRK.', 'note: "The DPRK.\\nSecond line"'),
      /\.note: must be a single line/,
    ],
    ['Latin letters in han', ENTRY('  han: 朝x'), /\.han: must hold only Hán characters and _/],
    [
      'proper not a boolean',
      ENTRY('').replace('proper: true', 'proper: yes please'),
      /\.proper: must be true or false/,
    ],
  ])('%s fails clearly', (_name, text, message) => {
    const dir = glossaryDir({ 'places.yaml': text });
    expect(() => loadGlossarySources(dir)).toThrow(message);
  });

  test.each([
    [
      'duplicate headword',
      `${ENTRY('')}\n${ENTRY('')}`,
      /duplicate headword: "Triều Tiên" is also .*places\.yaml \[0\] \(Triều Tiên\)/,
    ],
    [
      'variant that is another headword',
      `${ENTRY('')}\n- vi: Bắc Hàn\n  variants: [triều tiên]\n  en: [x]\n  kind: country\n  proper: true\n  note: x\n`,
      /duplicate headword: "triều tiên"/,
    ],
    [
      'the same form in NFD and old tone style',
      `${ENTRY('')}\n- vi: Trie\u0302\u0300u Tie\u0302n\n  en: [x]\n  kind: place\n  proper: true\n  note: x\n`,
      /duplicate headword/,
    ],
    [
      'Hán syllable that does not read as its syllable',
      ENTRY('  han: 朝韓'),
      /Hán syllable 韓 does not read as "Tiên" .*Unihan has no Vietnamese reading/,
    ],
    ['Hán with the wrong number of characters', ENTRY('  han: 朝'), /han "朝" has 1 characters for 2 syllables/],
    ['Hán syllable that reads as another tone', ENTRY('  han: 朝洗'), /Hán syllable 洗 does not read as "Tiên"/],
  ])(
    '%s is a build error',
    async (_name, text, message) => {
      const dir = glossaryDir({ 'places.yaml': text });
      await expect(buildGlossary(loadGlossarySources(dir), [])).rejects.toThrow(message);
    },
    30_000,
  );

  test('a cited supplementary reading makes an Unihan gap acceptable', async () => {
    const dir = glossaryDir({
      'places.yaml': `- vi: Hàn Quốc\n  en: [South Korea]\n  kind: country\n  proper: true\n  note: ROK.\n  han: 韓國\n`,
      'han-readings.yaml': `韓:\n  reading: hàn\n  source: Thiều Chửu, Hán-Việt tự điển, 韓 “hàn”\n`,
    });
    const compiled = await buildGlossary(loadGlossarySources(dir), []);
    const entry = compiled.entries.find((e) => e.vi === 'Hàn Quốc')!;
    expect(entry.han?.map((h) => h.char)).toEqual(['韓', '國']);
    expect(entry.source).toBe('hand');
    // CLDR's own Hàn Quốc (KR) merged into the hand-written entry rather than duplicating it.
    expect(compiled.entries.filter((e) => e.en.includes('South Korea'))).toHaveLength(1);
  }, 30_000);

  test('a supplementary reading without a citation is refused', () => {
    const dir = glossaryDir({ 'places.yaml': ENTRY(''), 'han-readings.yaml': `韓:\n  reading: hàn\n` });
    expect(() => loadGlossarySources(dir)).toThrow(/韓\.source: is missing/);
  });
});
