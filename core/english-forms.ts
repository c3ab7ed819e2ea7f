/**
 * Finds a glossary entry's English forms in an English text (a paragraph's rendering), for
 * linking a Vietnamese term with its counterpart: whole words, any case, with typographic
 * quotes and dashes folded (People’s = People's, US–Japan = US-Japan).
 */

import { normalize, toSourceRange } from './normalize';
import { lazyRegExp } from './lazy-regexp';

export interface FormHit {
  readonly start: number;
  readonly end: number;
  /** Which of the forms was found. */
  readonly form: number;
}

const WORD = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]`, 'u');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Occurrences of any of `forms` in `text`, longest form first where they overlap, in text order.
 * Offsets are in `text` as given.
 */
export function findForms(text: string, forms: readonly string[]): FormHit[] {
  const n = normalize(text);
  const haystack = n.text.toLowerCase();
  const order = forms
    .map((f, i) => ({ f: f.trim(), i }))
    .filter((x) => x.f.length > 0)
    .sort((a, b) => b.f.length - a.f.length);
  const taken: [number, number][] = [];
  const hits: FormHit[] = [];
  for (const { f, i } of order) {
    const needle = new RegExp(escapeRegExp(normalize(f).text.toLowerCase()), 'gu');
    for (const m of haystack.matchAll(needle)) {
      const s = m.index;
      const e = s + m[0].length;
      const before = s > 0 ? haystack[s - 1]! : '';
      const after = e < haystack.length ? haystack[e]! : '';
      if ((before && WORD().test(before)) || (after && WORD().test(after))) continue;
      if (taken.some(([a, b]) => s < b && a < e)) continue;
      taken.push([s, e]);
      const [start, end] = toSourceRange(n, s, e);
      hits.push({ start, end, form: i });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
