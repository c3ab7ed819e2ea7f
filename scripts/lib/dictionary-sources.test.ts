import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_DIR } from '../../tests/fixtures/lexicon-sample';
import { loadGlossarySources } from './data-sources';
import { buildSupplement, loadDictionaryRows, loadSupplementSources } from './dictionary-sources';
import { SourceError } from './source-error';

/** The glossary's cited Hán readings, which the supplement's Hán is checked against too. */
const READINGS = loadGlossarySources().hanReadings;
const GOOD = readFileSync(join(FIXTURE_DIR, 'supplement/news.yaml'), 'utf8');

/** A supplement folder holding `files`. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'supplement-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`fixture lacks ${from}`);
  return GOOD.replace(from, to);
};

describe('the dictionary source file', () => {
  test('the shared dictionary parses without a problem', () => {
    expect(loadDictionaryRows().length).toBe(24_602);
  });

  test('a bad row fails the build with the file, the line and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dictionary-'));
    const file = join(dir, 'vi-en.tsv');
    writeFileSync(file, 'headword\tpos\tglosses\than\nbị\tnoun\tbig sack\t\nbị\tverbb\tpassive\t\n');
    expect(problems(() => loadDictionaryRows(file))).toEqual([
      `${file}: line 3, pos: "verbb" is not one of noun, verb, adj, adv, name, pron, num, classifier, particle, conj, prep, det, intj, phrase, proverb, prefix, suffix, affix, character, romanization, syllable`,
    ]);
  });
});

describe('the news supplement', () => {
  test('no folder, or an empty one, is an empty supplement', () => {
    expect(loadSupplementSources(join(tmpdir(), 'no-such-supplement-folder'))).toEqual([]);
    expect(loadSupplementSources(folder({}))).toEqual([]);
  });

  test('a good file loads with each entry’s line', () => {
    const entries = loadSupplementSources(join(FIXTURE_DIR, 'supplement'));
    expect(entries.map((e) => [e.vi, e.pos, e.line])).toEqual([
      ['lên án', 'verb', 3],
      ['Đức Giáo hoàng', 'name', 11],
      ['Đức Phật', 'name', 20],
      ['Mỹ Latinh', 'name', 28],
    ]);
  });

  // Each bad file fails, naming the file, the line, the entry and the field.
  test.each([
    [
      'an unknown part of speech',
      edit('pos: verb', 'pos: verbal'),
      /news\.yaml: line 4, \[0\] \(lên án\)\.pos: must be one of/,
    ],
    ['a missing field', edit('  kind: term\n', ''), /news\.yaml: line 3, \[0\] \(lên án\)\.kind: is missing/],
    [
      'a misspelt field',
      edit('  pos: verb', '  pose: verb'),
      /news\.yaml: line 4, \[0\] \(lên án\)\.pose: is not a known field/,
    ],
    ['an empty English list', edit('en: [condemn, denounce]', 'en: []'), /line 5, \[0\] \(lên án\)\.en: /],
    ['YAML syntax', edit('en: [condemn, denounce]', 'en: [condemn, denounce'), /news\.yaml: line \d+: /],
    ['a duplicate key', edit('  pos: verb', '  pos: verb\n  pos: noun'), /news\.yaml: line 5: .*unique/i],
  ])('%s', (_, text, message) => {
    const found = problems(() => loadSupplementSources(folder({ 'news.yaml': text })));
    expect(
      found.some((p) => message.test(p)),
      found.join('\n'),
    ).toBe(true);
  });

  test('a form claimed twice fails with both places', async () => {
    const dir = folder({ 'a.yaml': GOOD, 'b.yaml': GOOD.slice(0, GOOD.indexOf('- vi: Đức Giáo hoàng')) });
    const entries = loadSupplementSources(dir);
    const found = await buildSupplement(entries, READINGS).then(
      () => [],
      (error: SourceError) => error.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /b\.yaml: line 3, \[0\] \(lên án\): duplicate headword: "lên án" is also .*a\.yaml line 3, \[0\] \(lên án\)/,
    );
  }, 60_000);

  test('Hán that does not read as its syllable fails with the line and the field', async () => {
    const entries = loadSupplementSources(folder({ 'news.yaml': edit('han: 德佛', 'han: 德水') }));
    const found = await buildSupplement(entries, READINGS).then(
      () => [],
      (error: SourceError) => error.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`),
    );
    expect(found).toEqual([
      expect.stringMatching(/news\.yaml: line 20, \[2\] \(Đức Phật\): han: Hán syllable 水 does not read as "Phật"/),
    ]);
  }, 60_000);

  test('the fixture compiles, with Unihan’s glosses of its Hán', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supplement-'));
    mkdirSync(join(dir, 'x'));
    cpSync(join(FIXTURE_DIR, 'supplement/news.yaml'), join(dir, 'x/news.yaml'));
    const compiled = await buildSupplement(loadSupplementSources(join(dir, 'x')), READINGS);
    const pope = compiled.entries.find((e) => e.vi === 'Đức Giáo hoàng')!;
    expect(pope).toMatchObject({ pos: 'name', proper: true, en: ['the Pope', 'His Holiness the Pope'] });
    expect(pope.han?.map((h) => h.char)).toEqual(['德', '教', '皇']);
    expect(pope.han?.[0]?.gloss).toMatch(/virtue/);
  }, 60_000);
});
