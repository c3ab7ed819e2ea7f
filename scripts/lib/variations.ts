/**
 * The ways real pages vary the same text: Unicode form, tone placement, Ð for Đ, invisible and
 * no-break spaces, quote styles, and small edits. Tests and benchmarks use these to turn corpus
 * paragraphs into the text a news page might really carry. Deterministic: every random choice
 * comes from a seeded generator.
 */

import { applyTone, splitTone } from '../../core/vietnamese-tone';

/** A small seeded PRNG (mulberry32): the same seed gives the same variations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const toNfd = (s: string): string => s.normalize('NFD');

/** Moves tones to the newer placement: hòa → hoà, khỏe → khoẻ, thủy → thuỷ. */
export function toNewToneStyle(s: string): string {
  return s.replace(/\p{L}+/gu, (word) => {
    const letters = [...word.normalize('NFC')];
    const n = letters.length;
    if (n < 2) return word;
    const last2 = letters.slice(n - 2).map((l) => splitTone(l));
    if (!last2[0] || !last2[1] || last2[0].tone === 0 || last2[1].tone !== 0) return word;
    const pair = (last2[0].base + last2[1].base).toLowerCase();
    if (!['oa', 'oe', 'uy'].includes(pair)) return word;
    // qu + y: the u is the onset, the tone already sits where it belongs (quý).
    if (pair === 'uy' && n >= 3 && letters[n - 3]!.toLowerCase() === 'q') return word;
    letters[n - 2] = last2[0].base;
    letters[n - 1] = applyTone(last2[1].base, last2[0].tone);
    return letters.join('');
  });
}

/** Types Ð/ð (U+00D0/U+00F0) for Đ/đ, as some old pages do. */
export const withEth = (s: string): string => s.replace(/Đ/g, '\u00d0').replace(/đ/g, '\u00f0');

/** Replaces some spaces with no-break spaces. */
export function withNoBreakSpaces(s: string, random: () => number, share = 0.3): string {
  return s.replace(/ /g, () => (random() < share ? '\u00a0' : ' '));
}

/** Inserts zero-width spaces and soft hyphens inside the text. */
export function withInvisibles(s: string, random: () => number, share = 0.1): string {
  return s.replace(/ /g, () => (random() < share ? '\u200b ' : random() < share ? ' \u00ad' : ' '));
}

/** Swaps straight and curly quotes. */
export function swapQuotes(s: string): string {
  let open = true;
  return s.replace(/["“”]/g, (q) => {
    if (q === '"') {
      const out = open ? '“' : '”';
      open = !open;
      return out;
    }
    return '"';
  });
}

const REPLACEMENT_WORDS = ['những', 'các', 'một', 'nhiều', 'đã', 'sẽ', 'đang', 'rất', 'cũng', 'vẫn'];

/** Replaces `count` words with other common words. */
export function editWords(s: string, random: () => number, count = 1): string {
  const words = s.split(' ');
  for (let k = 0; k < count && words.length > 3; k++) {
    const i = Math.floor(random() * words.length);
    words[i] = REPLACEMENT_WORDS[Math.floor(random() * REPLACEMENT_WORDS.length)]!;
  }
  return words.join(' ');
}

/** Changes the first number (10.000 → 12.000), or edits a word when there is none. */
export function changeNumber(s: string, random: () => number): string {
  const m = /\d+(?:\.\d{3})*/.exec(s);
  if (!m) return editWords(s, random);
  const digits = m[0].replace(/\d/, (d) => String((Number(d) + 1) % 10 || 1));
  return s.slice(0, m.index) + digits + s.slice(m.index + m[0].length);
}

/** Splits text into sentences (keeps the punctuation); a point inside a number (10.000) is no end. */
export function sentences(s: string): string[] {
  return s
    .split(/(?<=[.!?…]["”’)]*)\s+(?=\P{Ll})/u)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Drops one sentence, when there are at least three. */
export function removeSentence(s: string, random: () => number): string {
  const parts = sentences(s);
  if (parts.length < 3) return s;
  parts.splice(1 + Math.floor(random() * (parts.length - 1)), 1);
  return parts.join(' ');
}

/** Adds a sentence that the corpus does not have. */
export function addSentence(s: string, extra: string): string {
  return `${s} ${extra}`;
}

/** Appends a photo credit, as pages do under captions and some paragraphs. */
export const withPhotoCredit = (s: string, credit = 'Ảnh: Reuters'): string => `${s} (${credit})`;

/** Splits a paragraph in two roughly equal halves at a space. */
export function splitInTwo(s: string): [string, string] {
  const mid = s.indexOf(' ', Math.floor(s.length / 2));
  return mid < 0 ? [s, ''] : [s.slice(0, mid), s.slice(mid + 1)];
}
