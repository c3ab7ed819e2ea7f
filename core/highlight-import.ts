/**
 * Reading an exported highlights file back: the whole file is validated before anything is
 * written, and any problem refuses the import with every reason listed. A file is the reader's,
 * but it may have been edited or made by anyone: what the extension derives itself (the
 * normalised URL, the site, clean tags, times not in the future) is derived again, not trusted.
 */

import { EXPORT_FORMAT, EXPORT_VERSION } from './highlight-export';
import { cleanTags, validateHighlight, type HighlightRecord } from './highlight-record';
import { normalizePageUrl } from './page-url';
import { siteOfUrl } from './site';
import { formatIssues, type Issue } from './validate';

/** Largest file accepted, in characters: ten times a 10,000-highlight export. */
export const MAX_IMPORT_CHARS = 60_000_000;
export const MAX_IMPORT_HIGHLIGHTS = 100_000;

export type ImportParse = { ok: true; highlights: HighlightRecord[] } | { ok: false; errors: string[] };

const fail = (...errors: string[]): ImportParse => ({ ok: false, errors });

/**
 * What the extension itself derives for a record, derived again: the URL normalised as a save
 * would, the site from that URL, tags cleaned as the popup cleans them, and times capped at `now`
 * (a future `updatedAt` would otherwise win every later merge).
 */
export function rederive(h: HighlightRecord, now: number): HighlightRecord {
  const url = normalizePageUrl(h.url);
  const createdAt = Math.min(h.createdAt, now);
  return {
    ...h,
    url,
    site: siteOfUrl(url),
    tags: cleanTags(h.tags),
    createdAt,
    updatedAt: Math.min(Math.max(h.updatedAt, createdAt), now),
  };
}

/** Parses and validates an export file's text; `now` caps the times it may carry. */
export function parseImport(text: string, now: number): ImportParse {
  if (text.length > MAX_IMPORT_CHARS) {
    return fail(
      `The file is too large (${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_IMPORT_CHARS / 1e6} million).`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return fail(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Was it cut short?`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail('The file is not a Song ngữ highlights export: it should be a JSON object.');
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) {
    return fail(
      `The file is not a Song ngữ highlights export (format is ${JSON.stringify(d.format ?? null)}, expected "${EXPORT_FORMAT}").`,
    );
  }
  if (d.version !== EXPORT_VERSION) {
    return fail(
      `The file is version ${JSON.stringify(d.version ?? null)} of the export format; this version of Song ngữ reads version ${EXPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(d.highlights)) return fail('The file has no list of highlights ("highlights" must be an array).');
  if (d.highlights.length > MAX_IMPORT_HIGHLIGHTS) {
    return fail(
      `The file holds ${d.highlights.length} highlights; at most ${MAX_IMPORT_HIGHLIGHTS} can be imported at once.`,
    );
  }
  const issues: Issue[] = [];
  const highlights: HighlightRecord[] = [];
  const ids = new Map<string, number>();
  d.highlights.forEach((raw, i) => {
    const r = validateHighlight(raw, `highlights[${i}]`);
    if (!r.ok) {
      issues.push(...r.issues);
      return;
    }
    const first = ids.get(r.value.id);
    if (first !== undefined)
      issues.push({ path: `highlights[${i}].id`, message: `repeats the id of highlights[${first}]` });
    else ids.set(r.value.id, i);
    highlights.push(rederive(r.value, now));
  });
  if (issues.length > 0) {
    return fail(
      `Nothing was imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the file.`,
      ...formatIssues(issues, 50).split('\n'),
    );
  }
  return { ok: true, highlights };
}

/**
 * How an import merges with what is stored: a highlight whose id exists is kept in whichever
 * version was updated last; new ids are added.
 */
export function planMerge(
  incoming: readonly HighlightRecord[],
  existing: ReadonlyMap<string, HighlightRecord>,
): { write: HighlightRecord[]; added: number; updated: number; unchanged: number } {
  const write: HighlightRecord[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const h of incoming) {
    const old = existing.get(h.id);
    if (!old) {
      added++;
      write.push(h);
    } else if (h.updatedAt > old.updatedAt) {
      updated++;
      write.push(h);
    } else {
      unchanged++;
    }
  }
  return { write, added, updated, unchanged };
}
