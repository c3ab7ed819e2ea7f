/**
 * Which glossary pairs a saved highlight's card lists: only those that teach something. A name
 * English writes exactly as Vietnamese does (Moscow = Moscow, Kursk = Kursk, Lạng Sơn = Lạng Sơn)
 * says nothing, so it is left out.
 */

/** A Vietnamese term and its English, as a highlight keeps them. */
export interface TermPair {
  vi: string;
  en: string;
}

const comparable = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** The pairs whose English differs from the Vietnamese (ignoring case, spacing and Unicode form). */
export function informativePairs<T extends TermPair>(pairs: readonly T[]): T[] {
  return pairs.filter((p) => comparable(p.vi) !== comparable(p.en));
}
