/**
 * Turning the dictionary's rows into senses a reader can use: pointer glosses resolved to the
 * meaning they point at, and senses ranked for reading the news.
 */

import type { PartOfSpeech } from './dictionary-source';
import { lazyRegExp } from './lazy-regexp';

const LEADING_HAN = lazyRegExp(String.raw`^\p{Script=Han}+`, 'u');
const LETTER = lazyRegExp(String.raw`\p{L}`, 'u');

/** A sense as the lookup shows it: one part of speech of one headword. */
export interface ResolvedSense {
  readonly pos: PartOfSpeech;
  readonly glosses: string[];
  /** Words the glosses point to ("Synonym of X", "Short for X"): the reader's "see X". */
  readonly see: string[];
  /** Hán-Nôm spellings as the source gives them. */
  readonly han: string[];
}

/**
 * Glosses that point at another entry instead of giving a meaning. Most quote the meaning in
 * (“…”); the rest are resolved from the target's own glosses.
 */
const POINTER =
  /^((?:\([^()]*(?:\([^()]*\)[^()]*)*\) ?)*)(Synonym of|Short for|Alternative (?:letter-case )?form of|Alternative spelling of|Initialism of|Acronym of|Abbreviation of|Clipping of|Contraction of|Ellipsis of|Eggcorn of|Misconstruction of|Misspelling of|Only used in|Used in|Sino-Vietnamese form of|Sino-Vietnamese reading of) (.+)$/;
/** Pointers that say where the word occurs rather than what it means. */
const OCCURRENCE = new Set(['Only used in', 'Used in']);

/** A pointer gloss taken apart. */
export interface Pointer {
  /** Labels before it, "(colloquial) " included, as written. */
  readonly labels: string;
  readonly kind: string;
  /** The word pointed at ("phạm nhân"), or Hán characters for a Sino-Vietnamese reading. */
  readonly target: string;
  /** The meaning quoted in (“…”), when there is one. */
  readonly quote: string | null;
  /** Text after the target and quote (", especially a movie star"). */
  readonly tail: string;
}

/** Reads a pointer gloss; null when the gloss gives a meaning of its own. */
export function parsePointer(gloss: string): Pointer | null {
  const m = POINTER.exec(gloss);
  if (!m) return null;
  const [, labels = '', kind = '', rest = ''] = m;
  if (kind === 'Sino-Vietnamese reading of') {
    const target = LEADING_HAN().exec(rest)?.[0];
    return target ? { labels, kind, target, quote: null, tail: '' } : null;
  }
  // The target ends at its quoted meaning (“…”), a plain parenthesis, or punctuation.
  const parenAt = rest.indexOf(' (');
  const stop = /[.;,]( |$)|\.$/.exec(rest);
  const targetEnd = Math.min(parenAt < 0 ? rest.length : parenAt, stop ? stop.index : rest.length);
  const target = rest.slice(0, targetEnd).trim();
  if (target === '' || !LETTER().test(target)) return null;
  let quote: string | null = null;
  let tail = rest.slice(targetEnd);
  if (parenAt === targetEnd) {
    const curly = rest.startsWith(' (“', parenAt);
    const close = curly ? rest.indexOf('”)', parenAt) : closingParenthesis(rest, parenAt + 1);
    if (close > 0) {
      quote = rest.slice(parenAt + (curly ? 3 : 2), close).trim();
      tail = rest.slice(close + (curly ? 2 : 1));
    }
  }
  // "Alternative letter-case form of anh; he/him, the young Ho Chi Minh": what follows the
  // semicolon is this word's own meaning. "; misspelling of X" is another pointer.
  const own = /^; (.+)$/.exec(tail)?.[1];
  if (own && !/^\w+ (?:form|spelling) of\b|^misspelling of\b/i.test(own)) {
    quote = own.replace(/\.$/, '');
    tail = '';
  }
  tail = tail
    .replace(/^[.;]\s*.*$/, '')
    .replace(/\.$/, '')
    .trim();
  return { labels, kind, target, quote, tail };
}

/** The index of the parenthesis closing the one opened just before `from`, or -1. */
function closingParenthesis(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth-- === 1) return i;
  }
  return -1;
}

/** What resolving needs to know about the rest of the dictionary. */
export interface PointerContext {
  /** The glosses of a headword (exact spelling first, else any spelling that folds alike). */
  glossesOf(headword: string, pos: PartOfSpeech): string[] | null;
  /** Unihan's short English gloss of a Hán character. */
  hanGloss(char: string): string | null;
}

/** Resolves one gloss: a meaning stays as it is; a pointer becomes the meaning it points at. */
export function resolveGloss(
  gloss: string,
  pos: PartOfSpeech,
  context: PointerContext,
  depth = 0,
): { text: string; see: string | null } {
  const p = parsePointer(gloss);
  if (!p) return { text: gloss, see: null };
  if (p.kind === 'Sino-Vietnamese reading of') {
    const meaning = context.hanGloss(p.target);
    return { text: meaning ? `${p.labels}${p.target}: ${meaning}` : gloss, see: null };
  }
  // A "see" link only to a word the dictionary has ("Used in personal names" points nowhere).
  const targetGlosses = context.glossesOf(p.target, pos);
  const see = targetGlosses ? p.target : null;
  let meaning = p.quote;
  if (meaning === null && targetGlosses && depth < 3) {
    const own = targetGlosses
      .map((g) => resolveGloss(g, pos, context, depth + 1))
      .filter((r) => r.text !== '' && parsePointer(r.text) === null)
      .map((r) => r.text);
    if (own.length > 0) meaning = own.slice(0, 2).join('; ');
  }
  if (meaning === null) return { text: gloss.replace(/\.$/, ''), see };
  const tail = p.tail ? ` ${p.tail.replace(/^,\s*/, ', ')}`.replace(/^ ,/, ',') : '';
  const text = OCCURRENCE.has(p.kind) ? `in ${p.target}: ${meaning}${tail}` : `${meaning}${tail}`;
  return { text: `${p.labels}${text}`, see };
}

// --- Ranking ---------------------------------------------------------------------------------

/** Labels that put a gloss behind the others: not what a news text means by the word. */
const WEAK_LABEL = /^\((?:[^()]*[ ,])?(?:archaic|obsolete|dated|rare|nonstandard|only in compounds)\b[^()]*\)/i;
/** A gloss that describes a grammatical function (passive, aspect, modality) rather than a thing. */
const GRAMMAR =
  /^(?:\([^()]*\) )*(?:particle\b|marks? (?:the|a|an)\b)|\bmodal auxiliary\b|\bused to form (?:the )?passive\b|\bpassive voice\b|\b(?:perfect|continuous|imperfect|progressive) aspect\b/i;
/** Given names come after the other senses of a name row: Anh is the United Kingdom first. */
const GIVEN_NAME = /\bgiven name\b/i;
/** Parts of speech a news reader rarely means: letters, readings, bound morphemes. */
const TECHNICAL_POS = new Set<PartOfSpeech>(['character', 'romanization', 'syllable', 'prefix', 'suffix', 'affix']);

const isWeakGloss = (g: string) => WEAK_LABEL.test(g) || /^(?:\([^()]*\) )*in \S/.test(g);

/** How a sense ranks: 0 grammatical function, 1 ordinary, 2 only weak glosses, 3 technical. */
export function senseTier(sense: Pick<ResolvedSense, 'pos' | 'glosses'>): 0 | 1 | 2 | 3 {
  if (TECHNICAL_POS.has(sense.pos)) return 3;
  if (sense.pos === 'particle' || sense.glosses.some((g) => GRAMMAR.test(g))) return 0;
  if (sense.glosses.every(isWeakGloss)) return 2;
  return 1;
}

/**
 * Orders one headword's senses and each sense's glosses for a reader of the news. The dictionary
 * keeps Wiktionary's order, where a rare sense can come first (bị "big sack" before the passive);
 * the order becomes:
 * 1. senses with a grammatical function: particles, and senses whose glosses describe the
 *    passive, aspect or modality (bị, được, đã, đang, sẽ, chưa): in news these are what the
 *    word nearly always does;
 * 2. ordinary senses;
 * 3. senses whose glosses are all archaic, obsolete, dated, rare, "only in compounds" or "only
 *    used in" another word;
 * 4. letters of the alphabet, Sino-Vietnamese readings and bound morphemes (prefix, suffix).
 * Within a tier Wiktionary's order stands. Within a sense, grammatical glosses come first, and
 * weak glosses and given names ("a unisex given name", the first gloss of Anh) last.
 */
export function rankSenses<S extends ResolvedSense>(senses: readonly S[]): S[] {
  return senses
    .map((sense, index) => ({ sense, index, tier: senseTier(sense) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map(({ sense }) => ({ ...sense, glosses: rankGlosses(sense.glosses) }));
}

function rankGlosses(glosses: readonly string[]): string[] {
  const rank = (g: string) => (GRAMMAR.test(g) ? 0 : isWeakGloss(g) || GIVEN_NAME.test(g) ? 2 : 1);
  return glosses
    .map((g, i) => ({ g, i, r: rank(g) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ g }) => g);
}

/**
 * True when no sense of a word is an ordinary one (nga: "only used in thiên nga"; pháp: "only in
 * compounds"): at the start of a sentence, where the capital says nothing, such a word yields to
 * the name it is spelled like.
 */
export function isWeakWord(senses: readonly Pick<ResolvedSense, 'pos' | 'glosses'>[]): boolean {
  return senses.every((s) => senseTier(s) >= 2);
}
