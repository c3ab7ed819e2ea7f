/**
 * Numbers as Vietnamese and English news write them, read into comparable values, so the corpus
 * check can prove that a translation carried every number over, written the English way:
 * 10.000 → 10,000; 81,9 → 81.9; 13/11 → 13 November; tháng 6/2024 → June 2024.
 *
 * Values are strings: plain numbers in canonical decimal form ("10000", "81.9") and months as
 * "month:11", so that the 11 of 13/11 is only satisfied by "November".
 */

/** English month names, January first (also used to format dates for readers). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const month = (m: number) => `month:${m}`;
const validMonth = (m: number) => m >= 1 && m <= 12;
const validDay = (d: number) => d >= 1 && d <= 31;

/** Canonical decimal form of a number: no leading zeros, no trailing fractional zeros. */
function canonical(n: number): string {
  // An integer below 10¹⁵ is already exact to 15 digits (the common case, and the cheap one).
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Months by their capitalised English names ("may" the verb is not May). */
const MONTH_VALUES = new Map(MONTHS.map((name, k) => [name, month(k + 1)]));
/** The values of "one" to "ten" and "first" to "tenth", lower-cased, in the order they were read. */
const NUMBER_WORD_VALUES = new Map<string, string[]>();
for (const [n, word] of [...CARDINALS.entries(), ...ORDINALS.entries()]) {
  if (word) NUMBER_WORD_VALUES.set(word, [...(NUMBER_WORD_VALUES.get(word) ?? []), canonical(n)]);
}

/**
 * Reads a Vietnamese-formatted number: dots group thousands (10.000), a comma is the decimal
 * mark (81,9). Returns NaN for shapes that are neither (1.2.3,4,5).
 */
export function parseVietnameseNumber(s: string): number {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) {
    return Number(s.replace(/\./g, '').replace(',', '.'));
  }
  return NaN;
}

/** Reads an English-formatted number: commas group thousands (10,000), a point is the decimal mark. */
export function parseEnglishNumber(s: string): number {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+(\.\d+)?$/.test(s)) {
    return Number(s.replace(/,/g, ''));
  }
  return NaN;
}

/** The number values a Vietnamese text writes in digits. */
export function vietnameseNumbers(text: string): string[] {
  const values: string[] = [];
  // Dates first, so their parts are not read again as plain numbers.
  let rest = text.replace(
    /\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?\b/g,
    (whole, d: string, m: string, y: string | undefined) => {
      const day = Number(d);
      const mon = Number(m);
      if (!validDay(day) || !validMonth(mon)) return whole;
      values.push(canonical(day), month(mon));
      if (y) values.push(canonical(Number(y)));
      return ' ';
    },
  );
  rest = rest.replace(/\btháng (\d{1,2})(?:[/-](\d{4}))?/giu, (whole, m: string, y: string | undefined) => {
    const mon = Number(m);
    if (!validMonth(mon)) return whole;
    values.push(month(mon));
    if (y) values.push(canonical(Number(y)));
    return ' ';
  });
  for (const m of rest.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const raw = m[0].replace(/[.,]$/, '');
    const n = parseVietnameseNumber(raw);
    values.push(Number.isNaN(n) ? `unreadable:${raw}` : canonical(n));
  }
  return values;
}

/**
 * The number values an English text writes: in digits, as the words one to ten or first to
 * tenth, and months by name (only capitalised, so the verb "may" is not May).
 */
export function englishNumbers(text: string): { digits: string[]; words: string[] } {
  const digits: string[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const raw = m[0].replace(/[.,]$/, '');
    const n = parseEnglishNumber(raw);
    digits.push(Number.isNaN(n) ? `unreadable:${raw}` : canonical(n));
  }
  for (const m of text.matchAll(/\b([A-Za-z]+)\b/g)) {
    const w = m[1]!;
    const asMonth = MONTH_VALUES.get(w);
    if (asMonth) words.push(asMonth);
    const asNumber = NUMBER_WORD_VALUES.get(w.toLowerCase());
    if (asNumber) words.push(...asNumber);
  }
  for (const m of text.matchAll(/\b(\d+)(?:st|nd|rd|th)\b/g)) words.push(canonical(Number(m[1])));
  return { digits, words };
}

/**
 * Compares the numbers of a Vietnamese paragraph and its English. Returns problems in plain words;
 * none when every Vietnamese number is in the English and the English adds no digits of its own.
 */
export function compareNumbers(vi: string, en: string): string[] {
  const problems: string[] = [];
  const viValues = vietnameseNumbers(vi);
  const { digits, words } = englishNumbers(en);
  const enValues = new Set([...digits, ...words]);
  const viSet = new Set(viValues);
  for (const v of viValues) {
    if (v.startsWith('unreadable:')) problems.push(`Vietnamese number ${v.slice(11)} is not in Vietnamese format`);
    else if (!enValues.has(v)) problems.push(`${describe(v)} from the Vietnamese is missing in the English`);
  }
  for (const d of digits) {
    if (d.startsWith('unreadable:')) problems.push(`English number ${d.slice(11)} is not in English format`);
    else if (!viSet.has(d)) problems.push(`English has ${d}, which the Vietnamese does not`);
  }
  const slashDate = /\b\d{1,2}\/\d{1,2}\b/.exec(en);
  if (slashDate) problems.push(`English writes the date ${slashDate[0]} the Vietnamese way`);
  return [...new Set(problems)];
}

function describe(value: string): string {
  return value.startsWith('month:') ? `the month ${MONTHS[Number(value.slice(6)) - 1]}` : `the number ${value}`;
}
