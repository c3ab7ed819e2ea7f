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
  Record<'highlights' | 'cards' | 'reviewLogs' | 'history', Loose[]> & { words: (Loose & { contexts: Loose[] })[] };
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
    const empty = { highlights: [], words: [], cards: [], reviewLogs: [], history: [] };
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
    ['a later version', edited((d) => (d.version = 2)), ['The file is version 2 of the backup format']],
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
