import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '@/scripts/lib/paths';
import { SAMPLE_BACKUP } from '@/tests/fixtures/words-sample';
import { BACKUP_LIMITS, BACKUP_LISTS, describeCounts, parseBackup, toBackupJson } from './backup';

const GOLDEN = join(REPO_ROOT, 'tests/fixtures/golden');
const NOW = new Date(Date.UTC(2026, 0, 5, 9, 0));

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const text = toBackupJson(SAMPLE_BACKUP, NOW);
type Loose = Record<string, unknown>;
type Doc = Loose &
  Record<'highlights' | 'cards' | 'reviewLogs' | 'history', Loose[]> & {
    words: (Loose & { contexts: Loose[] })[];
    articles: { article: Loose & { paragraphs: Loose[] }; savedAt: number }[];
  };
/** The golden backup with one change made to its parsed form. */
const edited = (change: (doc: Doc) => void): string => {
  const doc = JSON.parse(text) as Doc;
  change(doc);
  return JSON.stringify(doc);
};
const errorsOf = (t: string) => {
  const r = parseBackup(t, NOW.getTime());
  return r.ok ? [] : r.errors;
};

describe('the JSON backup', () => {
  test('against the golden file', () => golden('backup.json', text));

  test('re-imports to exactly what was exported', () => {
    expect(parseBackup(text, NOW.getTime())).toEqual({ ok: true, data: SAMPLE_BACKUP });
  });

  test('one record per line', () => {
    const lines = text.split('\n');
    const records = BACKUP_LISTS.reduce((n, name) => n + SAMPLE_BACKUP[name].length, 0);
    expect(lines.filter((l) => l.startsWith('    {')).length).toBe(records);
  });

  test('an empty backup is a valid backup', () => {
    const empty = { highlights: [], words: [], cards: [], reviewLogs: [], history: [], articles: [] };
    expect(parseBackup(toBackupJson(empty, NOW), NOW.getTime())).toEqual({ ok: true, data: empty });
  });

  test('times from the future are brought back to now', () => {
    const later = NOW.getTime() + 86_400_000;
    const r = parseBackup(
      edited((d) => (d.history[0]!.at = later)),
      NOW.getTime(),
    );
    expect(r.ok && r.data.history[0]!.at).toBe(NOW.getTime());
  });
});

describe('the reader’s own articles (version 2)', () => {
  const BUNDLED = new Set(['isw-north-korean-troops-kursk']);

  test('a version 1 backup, from before them, still reads, with no articles', () => {
    const v1 = readFileSync(join(GOLDEN, 'backup-v1.json'), 'utf8');
    expect(JSON.parse(v1)).toMatchObject({ version: 1 });
    expect(parseBackup(v1, NOW.getTime(), BUNDLED)).toEqual({ ok: true, data: { ...SAMPLE_BACKUP, articles: [] } });
    // Version 1 had no such list: one there is not what version 1 wrote.
    const withArticles = JSON.stringify({ ...JSON.parse(v1), articles: [] });
    expect(errorsOf(withArticles).slice(1)).toEqual(['articles: is not a known field']);
  });

  test('a version 2 backup needs its list of articles', () => {
    expect(errorsOf(edited((d) => Reflect.deleteProperty(d, 'articles')))).toEqual([
      'The file has no list of articles ("articles" must be an array). Nothing was imported.',
    ]);
  });

  test('an article is checked as strictly as the article import checks it, with the place of each problem', () => {
    const errors = errorsOf(
      edited((d) => {
        const a = d.articles[0]!;
        const copy = (id: string) => ({ ...structuredClone(a), article: { ...structuredClone(a.article), id } });
        d.articles.push(copy('second'), { ...copy('Not a slug'), savedAt: -1 }, copy('third'), copy('third'));
        Reflect.deleteProperty(a.article.paragraphs[0]!, 'en');
        d.articles[1]!.article.paragraphs = [a.article.paragraphs[1]!, a.article.paragraphs[1]!];
      }),
    );
    expect(errors.slice(1)).toEqual([
      'articles[0].article.paragraphs[0].en: is missing',
      'articles[1].article.paragraphs[1].vi: repeats paragraph 0',
      'articles[2].article.id: must be a slug: a-z, 0-9 and single hyphens',
      'articles[2].savedAt: must be ≥ 0',
      'articles[4].article.id: repeats the article.id of articles[3]',
    ]);
  });

  test('an article with the id of one that comes with Song ngữ is refused, as the article import refuses it', () => {
    const clash = edited((d) => (d.articles[0]!.article.id = 'isw-north-korean-troops-kursk'));
    expect(parseBackup(clash, NOW.getTime(), BUNDLED)).toEqual({
      ok: false,
      errors: [
        'Nothing was imported: 1 problem in the file.',
        'articles[0].article.id: “isw-north-korean-troops-kursk” is the id of an article that comes with Song ngữ; give your article another id',
      ],
    });
  });

  test('a time it was saved in the future is brought back to now', () => {
    const r = parseBackup(
      edited((d) => (d.articles[0]!.savedAt = NOW.getTime() + 1)),
      NOW.getTime(),
    );
    expect(r.ok && r.data.articles[0]!.savedAt).toBe(NOW.getTime());
  });
});

describe('bad files are refused whole, saying what is wrong and where', () => {
  test.each<[string, string, string[]]>([
    ['not JSON', '{"format": "song-ngu-backup", "version": 1, "words": [', ['The file is not valid JSON']],
    ['a JSON array', '[]', ['The file is not a Song ngữ backup: it should be a JSON object.']],
    [
      'a highlights export',
      '{"format":"song-ngu-highlights","version":1,"highlights":[]}',
      [
        'The file is not a Song ngữ backup (format is "song-ngu-highlights", expected "song-ngu-backup"). It is a highlights export',
      ],
    ],
    ['another program’s file', '{"deck":"x"}', ['The file is not a Song ngữ backup (format is null']],
    [
      'a later version',
      edited((d) => (d.version = 3)),
      ['The file is version 3 of the backup format; this version of Song ngữ reads versions 1 and 2.'],
    ],
    [
      'a list missing',
      edited((d) => Reflect.deleteProperty(d, 'cards')),
      ['The file has no list of cards ("cards" must be an array).'],
    ],
  ])('%s', (_name, file, starts) => {
    const errors = errorsOf(file);
    expect(errors).toHaveLength(starts.length);
    starts.forEach((s, i) => expect(errors[i]).toContain(s));
    expect(errors.join(' ')).toContain('Nothing was imported');
  });

  test('bad records: every problem listed, each with its record and field', () => {
    const errors = errorsOf(
      edited((d) => {
        d.words[1]!.contexts[0]!.url = 'javascript:alert(1)';
        d.words[0]!.status = 'mastered';
        d.cards[0]!.stability = -3;
        d.reviewLogs[2]!.rating = 0;
        d.history[1]!.headword = '';
        d.highlights[0]!.color = 'red';
        d.extra = true;
      }),
    );
    expect(errors[0]).toBe('Nothing was imported: 7 problems in the file.');
    expect(errors.slice(1)).toEqual([
      'extra: is not a known field',
      'highlights[0].color: must be one of "yellow", "green", "blue", "pink", "purple", got "red"',
      'words[0].status: must be one of "new", "learning", "known", got "mastered"',
      'words[1].contexts[0].url: must be an http(s) URL',
      'cards[0].stability: must be ≥ 0',
      'reviewLogs[2].rating: must be one of 1, 2, 3, 4, got 0',
      'history[1].headword: must not be empty',
    ]);
  });

  test('duplicates name both records', () => {
    const errors = errorsOf(
      edited((d) => {
        d.words.push(d.words[0]!);
        d.reviewLogs.push(d.reviewLogs[1]!);
        d.history.push({ ...d.history[0]!, headword: 'khác' });
      }),
    );
    expect(errors.slice(1)).toEqual([
      'words[3].headword: repeats the headword of words[0]',
      'reviewLogs[4].id: repeats the id of reviewLogs[1]',
      'history[3].id: repeats the id of history[0]',
    ]);
  });

  test('what refers to something must refer to something in the file', () => {
    const errors = errorsOf(
      edited((d) => {
        d.words.splice(1, 1); // chỉ trích, which has a card
        d.highlights.splice(1, 1); // the highlight that has a card
        d.cards.splice(0, 1); // binh sĩ's forward card, which has logs
      }),
    );
    expect(errors.slice(1)).toEqual([
      'cards[1].ref: refers to a saved word the file does not hold ("chỉ trích")',
      'cards[2].ref: refers to a highlight the file does not hold ("h_0002bbbb")',
      'reviewLogs[0].cardId: refers to a card the file does not hold ("word:vi-en:binh sĩ")',
      'reviewLogs[1].cardId: refers to a card the file does not hold ("word:vi-en:binh sĩ")',
      'reviewLogs[2].cardId: refers to a card the file does not hold ("word:vi-en:binh sĩ")',
    ]);
  });

  test('a headword not in normal form is refused (its cards would not find it)', () => {
    const errors = errorsOf(edited((d) => (d.words[2]!.headword = 'Bình  Nhưỡng')));
    expect(errors.slice(1)).toEqual(['words[2].headword: must be in normal form (NFC, single spaces, trimmed)']);
  });

  test('huge files: too many characters, or too many records of a kind, refused before reading records', () => {
    const big = ' '.repeat(BACKUP_LIMITS.chars + 1);
    expect(errorsOf(big)).toEqual([
      `The file is too large (${((BACKUP_LIMITS.chars + 1) / 1e6).toFixed(1)} million characters; the limit is ${BACKUP_LIMITS.chars / 1e6} million). Nothing was imported.`,
    ]);
    const many = `{"format":"song-ngu-backup","version":1,"highlights":[],"words":[],"cards":[],"reviewLogs":[],"history":[${'0,'.repeat(BACKUP_LIMITS.history)}0]}`;
    expect(errorsOf(many)).toEqual([
      `The file holds ${BACKUP_LIMITS.history + 1} lookups; at most ${BACKUP_LIMITS.history} can be imported. Nothing was imported.`,
    ]);
  });

  test('a long list of problems is cut short', () => {
    const errors = errorsOf(edited((d) => (d.history = Array.from({ length: 80 }, () => ({ id: 'bad' })))));
    expect(errors[0]).toMatch(/^Nothing was imported: \d+ problems in the file\.$/);
    expect(errors.at(-1)).toMatch(/^…and \d+ more$/);
  });
});

test('counts in words', () => {
  expect(describeCounts({ words: 1, cards: 4, reviewLogs: 12, history: 0 })).toBe('1 word, 4 cards, 12 reviews');
});
