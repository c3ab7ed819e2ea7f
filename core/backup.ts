/**
 * The backup of everything the extension keeps: highlights, saved words, review cards, every review
 * log, the lookup history and the reader's own articles, in one JSON file (one record per line, so
 * a diff of two backups reads). Reading it back is all or nothing: the whole file is checked
 * before anything is written, and each problem names the record and the field
 * (`words[3].contexts[0].url: must be an http(s) URL`). What the extension derives itself (URLs
 * normalised, sites, times not in the future) is derived again rather than trusted; words'
 * statuses are derived again from the cards as they are stored (see the word store's import),
 * and articles' sentence pairs are aligned again.
 *
 * Version 2 added the reader's articles; a version 1 file (which has none) still reads.
 */

import { bundledIdMessage, readerArticleOf } from './article-check';
import { repeatedParagraphIssues, userArticleValidator, type CorpusArticle } from './corpus-schema';
import { rederive } from './highlight-import';
import { validateHighlight, type HighlightRecord } from './highlight-record';
import { lookupEntryValidator, type LookupEntry } from './lookup-history';
import { normalizePageUrl } from './page-url';
import { reviewCardValidator, reviewLogValidator, type ReviewCard, type ReviewLog } from './review-card';
import { headwordKey, savedWordValidator, type SavedWord } from './saved-word';
import { formatIssues, number, object, validate, type Issue, type Validator } from './validate';

export const BACKUP_FORMAT = 'song-ngu-backup';
export const BACKUP_VERSION = 2;
/** The versions this one reads: version 1 had no articles. */
const READABLE_VERSIONS = [1, 2];

/** A reader's own article as a backup holds it: the article in the import's format, and when it was saved. */
export interface BackupArticle {
  article: CorpusArticle;
  savedAt: number;
}

/** What a backup holds. */
export interface BackupData {
  highlights: HighlightRecord[];
  words: SavedWord[];
  cards: ReviewCard[];
  reviewLogs: ReviewLog[];
  history: LookupEntry[];
  articles: BackupArticle[];
}

export const BACKUP_LISTS = ['highlights', 'words', 'cards', 'reviewLogs', 'history', 'articles'] as const;
type ListName = (typeof BACKUP_LISTS)[number];

/** The largest backup read, and the most records of each kind: far beyond a reader's years of use. */
export const BACKUP_LIMITS: { chars: number } & Record<ListName, number> = {
  chars: 300_000_000,
  highlights: 100_000,
  words: 100_000,
  cards: 200_000,
  reviewLogs: 2_000_000,
  history: 100_000,
  articles: 10_000,
};

const NAMES: Record<ListName, [string, string]> = {
  highlights: ['highlight', 'highlights'],
  words: ['word', 'words'],
  cards: ['card', 'cards'],
  reviewLogs: ['review', 'reviews'],
  history: ['lookup', 'lookups'],
  articles: ['article', 'articles'],
};

/** The backup as text: the header fields, then each list with one record per line. */
export function toBackupJson(data: BackupData, now: Date): string {
  const lists = BACKUP_LISTS.map((name) => {
    const items = data[name] as readonly unknown[];
    const body = items.length ? `\n${items.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ` : '';
    return `  ${JSON.stringify(name)}: [${body}]`;
  });
  const head = [
    `  "format": ${JSON.stringify(BACKUP_FORMAT)}`,
    `  "version": ${BACKUP_VERSION}`,
    `  "exportedAt": ${JSON.stringify(now.toISOString())}`,
  ];
  return `{\n${[...head, ...lists].join(',\n')}\n}\n`;
}

export type BackupParse = { ok: true; data: BackupData } | { ok: false; errors: string[] };

const fail = (...errors: string[]): BackupParse => ({ ok: false, errors });

const KEY_OF: Record<ListName, (r: never) => string> = {
  highlights: (h: HighlightRecord) => h.id,
  words: (w: SavedWord) => w.headword,
  cards: (c: ReviewCard) => c.id,
  reviewLogs: (l: ReviewLog) => l.id,
  history: (e: LookupEntry) => e.id,
  articles: (a: BackupArticle) => a.article.id,
};
const KEY_FIELD: Record<ListName, string> = {
  highlights: 'id',
  words: 'headword',
  cards: 'id',
  reviewLogs: 'id',
  history: 'id',
  articles: 'article.id',
};

const backupArticleValidator = object({ article: userArticleValidator, savedAt: number({ int: true, min: 0 }) });

/**
 * Checks a reader's article as strictly as the article import does: its schema, no paragraph
 * given twice, and no id of an article that comes with the extension.
 */
function checkArticle(raw: unknown, path: string, bundledIds: ReadonlySet<string>) {
  const r = validate(backupArticleValidator, raw, path);
  if (!r.ok) return r;
  const value: BackupArticle = { article: readerArticleOf(r.value.article), savedAt: r.value.savedAt };
  const issues = repeatedParagraphIssues(value.article).map((i) => ({ ...i, path: `${path}.article.${i.path}` }));
  if (bundledIds.has(value.article.id)) {
    issues.push({ path: `${path}.article.id`, message: bundledIdMessage(value.article.id) });
  }
  return issues.length > 0 ? { ok: false as const, issues } : { ok: true as const, value };
}

const VALIDATORS: Record<Exclude<ListName, 'highlights' | 'articles'>, Validator<unknown>> = {
  words: savedWordValidator,
  cards: reviewCardValidator,
  reviewLogs: reviewLogValidator,
  history: lookupEntryValidator,
};

/** Times a file may carry, capped at `now`: a future time would win every later merge. */
function capTimes(data: BackupData, now: number): BackupData {
  const cap = (t: number) => Math.min(t, now);
  return {
    highlights: data.highlights.map((h) => rederive(h, now)),
    words: data.words.map((w) => ({
      ...w,
      contexts: w.contexts.map((c) => ({ ...c, url: normalizePageUrl(c.url), at: cap(c.at) })),
      knownAt: w.knownAt === null ? null : cap(w.knownAt),
      createdAt: cap(w.createdAt),
      updatedAt: cap(Math.max(w.updatedAt, w.createdAt)),
    })),
    cards: data.cards.map((c) => ({
      ...c,
      createdAt: cap(c.createdAt),
      lastReview: c.lastReview === null ? null : cap(c.lastReview),
    })),
    reviewLogs: data.reviewLogs.map((l) => ({ ...l, reviewedAt: cap(l.reviewedAt) })),
    history: data.history.map((e) => ({ ...e, url: normalizePageUrl(e.url), at: cap(e.at) })),
    articles: data.articles.map((a) => ({ ...a, savedAt: cap(a.savedAt) })),
  };
}

/** Checks that what refers to something refers to something in the file. */
function checkReferences(data: BackupData, issues: Issue[]): void {
  const savedWords = new Set(data.words.filter((w) => w.saved).map((w) => w.headword));
  const highlights = new Set(data.highlights.map((h) => h.id));
  const cards = new Set(data.cards.map((c) => c.id));
  data.cards.forEach((c, i) => {
    const known = c.source === 'word' ? savedWords.has(c.ref) : highlights.has(c.ref);
    if (!known) {
      issues.push({
        path: `cards[${i}].ref`,
        message: `refers to ${c.source === 'word' ? 'a saved word' : 'a highlight'} the file does not hold (${JSON.stringify(c.ref)})`,
      });
    }
  });
  data.reviewLogs.forEach((l, i) => {
    if (!cards.has(l.cardId)) {
      issues.push({
        path: `reviewLogs[${i}].cardId`,
        message: `refers to a card the file does not hold (${JSON.stringify(l.cardId)})`,
      });
    }
  });
  data.words.forEach((w, i) => {
    if (w.headword !== headwordKey(w.headword)) {
      issues.push({ path: `words[${i}].headword`, message: 'must be in normal form (NFC, single spaces, trimmed)' });
    }
  });
}

/**
 * Parses and checks a backup file's text; `now` caps the times it may carry. `bundledIds` are the
 * ids of the articles that come with the extension, which a reader's article may not take.
 */
export function parseBackup(text: string, now: number, bundledIds: ReadonlySet<string> = new Set()): BackupParse {
  if (text.length > BACKUP_LIMITS.chars) {
    return fail(
      `The file is too large (${(text.length / 1e6).toFixed(1)} million characters; the limit is ${BACKUP_LIMITS.chars / 1e6} million). Nothing was imported.`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return fail(
      `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Was it cut short? Nothing was imported.`,
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail('The file is not a Song ngữ backup: it should be a JSON object. Nothing was imported.');
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== BACKUP_FORMAT) {
    const hint =
      d.format === 'song-ngu-highlights' ? ' It is a highlights export: import it in the popup’s Highlights tab.' : '';
    return fail(
      `The file is not a Song ngữ backup (format is ${JSON.stringify(d.format ?? null)}, expected "${BACKUP_FORMAT}").${hint} Nothing was imported.`,
    );
  }
  if (!READABLE_VERSIONS.includes(d.version as number)) {
    return fail(
      `The file is version ${JSON.stringify(d.version ?? null)} of the backup format; this version of Song ngữ reads versions ${READABLE_VERSIONS.join(' and ')}. Nothing was imported.`,
    );
  }
  // Version 1 came before the reader's articles.
  const lists = d.version === 1 ? BACKUP_LISTS.filter((name) => name !== 'articles') : BACKUP_LISTS;
  const issues: Issue[] = [];
  for (const key of Object.keys(d)) {
    if (!['format', 'version', 'exportedAt', ...lists].includes(key))
      issues.push({ path: key, message: 'is not a known field' });
  }
  for (const name of lists) {
    const list = d[name];
    if (!Array.isArray(list)) {
      return fail(`The file has no list of ${NAMES[name][1]} ("${name}" must be an array). Nothing was imported.`);
    }
    if (list.length > BACKUP_LIMITS[name]) {
      return fail(
        `The file holds ${list.length} ${NAMES[name][1]}; at most ${BACKUP_LIMITS[name]} can be imported. Nothing was imported.`,
      );
    }
  }
  const data = Object.fromEntries(BACKUP_LISTS.map((name) => [name, []])) as unknown as Record<ListName, unknown[]>;
  for (const name of lists) {
    const seen = new Map<string, number>();
    (d[name] as unknown[]).forEach((raw, i) => {
      const path = `${name}[${i}]`;
      const r =
        name === 'highlights'
          ? validateHighlight(raw, path)
          : name === 'articles'
            ? checkArticle(raw, path, bundledIds)
            : validate(VALIDATORS[name], raw, path);
      if (!r.ok) {
        issues.push(...r.issues);
        return;
      }
      const key = (KEY_OF[name] as (r: unknown) => string)(r.value);
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          path: `${path}.${KEY_FIELD[name]}`,
          message: `repeats the ${KEY_FIELD[name]} of ${name}[${first}]`,
        });
      } else seen.set(key, i);
      data[name].push(r.value);
    });
  }
  if (issues.length === 0) checkReferences(data as unknown as BackupData, issues);
  if (issues.length > 0) {
    return fail(
      `Nothing was imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the file.`,
      ...formatIssues(issues, 50).split('\n'),
    );
  }
  return { ok: true, data: capTimes(data as unknown as BackupData, now) };
}

/** What a backup holds, in words: "3 words, 4 cards, 12 reviews". */
export function describeCounts(counts: Partial<Record<ListName, number>>): string {
  return BACKUP_LISTS.filter((n) => counts[n])
    .map((n) => `${counts[n]} ${NAMES[n][counts[n] === 1 ? 0 : 1]}`)
    .join(', ');
}
