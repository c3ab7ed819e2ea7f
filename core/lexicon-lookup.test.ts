import { describe, expect, test } from 'vitest';
import { sampleLexicon } from '../tests/fixtures/lexicon-sample';
import { lookupAt, type LookupEntry, type LookupResult } from './lexicon-lookup';

const lexicon = sampleLexicon();
type Result = LookupResult<{ vi: string }, { vi: string }>;

/** Looks up the `nth` occurrence of `at` in `text` (its first character). */
function look(text: string, at: string, nth = 0): Result | null {
  let offset = -1;
  for (let k = 0; k <= nth; k++) offset = text.indexOf(at, offset + 1);
  if (offset < 0) throw new Error(`"${at}" is not in "${text}"`);
  return lookupAt(lexicon, text, offset);
}

const label = (e: LookupEntry<{ vi: string }, { vi: string }>) =>
  e.source === 'dictionary' ? `d:${e.entry.headword}` : `${e.source[0]}:${e.entry.vi}`;

/** The words listed, each as its text and its entries. */
const words = (r: Result | null) => r?.words.map((w) => `${w.text} = ${w.entries.map(label).join(', ')}`) ?? null;

describe('the word under the pointer', () => {
  test('finds the word whichever syllable is hovered, and lists the shorter and overlapping ones', () => {
    const text = 'Hai bên tăng cường hợp tác quân sự.';
    const expected = [
      'hợp tác quân sự = g:hợp tác quân sự',
      'hợp tác = g:hợp tác, d:hợp tác',
      'tác = d:tác',
      'hợp = d:hợp',
      'quân sự = g:quân sự, d:quân sự',
      'quân = d:quân',
      'sự = d:sự',
    ];
    expect(words(look(text, 'tác'))).toEqual(expected);
    const r = look(text, 'sự')!;
    expect(text.slice(r.start, r.end)).toBe('hợp tác quân sự');
    expect(r.words[0]!.text).toBe('hợp tác quân sự');
    expect(r.words[1]!.text).toBe('quân sự');
  });

  test('prefers the segmentation’s word to a longer one that overlaps it', () => {
    // hợp tác | xã hội, not hợp tác xã | hội: hovering "xã" finds xã hội first, hợp tác xã next.
    expect(words(look('hợp tác xã hội', 'xã'))?.slice(0, 3)).toEqual([
      'xã hội = d:xã hội',
      'hợp tác xã = d:hợp tác xã',
      'xã = d:xã',
    ]);
  });

  test('gives offsets in the text as given, whatever its Unicode form', () => {
    const nfd = 'Bà ta bi\u0323 be\u0323\u0302nh, ung thu\u031b.';
    const r = lookupAt(lexicon, nfd, nfd.indexOf('ung') + 1)!;
    expect(nfd.slice(r.start, r.end)).toBe('ung thu\u031b');
    expect(r.words[0]!.text).toBe('ung thu\u031b');
    const w = r.words[0]!.entries[0]!;
    expect(w.source === 'dictionary' && w.entry.senses[0]!.glosses[0]).toBe('(medicine, oncology) cancer');
  });

  test('is null off a word or past the text', () => {
    expect(look('Nga, và', ',')).toBeNull();
    expect(lookupAt(lexicon, 'Nga', 3)).toBeNull();
    expect(lookupAt(lexicon, 'xyzzy', 1)).toBeNull();
  });

  test.each([
    // Tone placement, i/y, case: one key, every spelling's entries.
    ['hoà bình', 'hoà', 'hoà bình = g:hòa bình, d:hoà bình'],
    ['Tỷ lệ', 'Tỷ', 'Tỷ lệ = d:tỉ lệ'],
    ['kỹ thuật', 'kỹ', 'kỹ thuật = d:kĩ thuật'],
    ['MỸ PHẨM', 'MỸ', 'MỸ PHẨM = d:mĩ phẩm'],
    // Variants that are different words are both returned: thủy 始 "beginning", thuỷ 水 "water".
    ['nước thủy', 'thủy', 'thủy = d:thuỷ, d:thủy, d:Thuỷ'],
    ['nước thuỷ', 'thuỷ', 'thuỷ = d:thuỷ, d:thủy, d:Thuỷ'],
    // Still diacritic-sensitive: Nga is not ngà.
    ['ngà voi', 'ngà', null],
  ])('%j at %j', (text, at, first) => {
    const r = look(text, at);
    expect(r ? words(r)![0] : null).toBe(first);
  });

  test.each([
    // The case of the text decides which of Anh and anh comes first…
    ['Ông sẽ sang Anh.', 'Anh', 'd:Anh, d:anh'],
    ['Ông nói anh là người tốt.', 'anh', 'd:anh, d:Anh'],
    // …but not the capital that starts a sentence, nor an ALL-CAPS headline.
    ['Anh cho biết như vậy.', 'Anh', 'd:anh, d:Anh'],
    ['Ông nói: Anh sẽ về.', 'Anh', 'd:anh, d:Anh'],
    ['ANH SẼ VỀ', 'ANH', 'd:anh, d:Anh'],
    // A common word with no ordinary sense yields to the name at the start of a sentence.
    ['Nga tấn công.', 'Nga', 'g:Nga, d:Nga, d:nga'],
    ['thiên nga và nga', 'nga', 'd:nga, g:Nga, d:Nga', 1],
    // The glossary first, then the supplement, then the dictionary.
    ['Ông ở Pháp.', 'Pháp', 'g:Pháp, d:Pháp, d:pháp'],
  ])('%j at %j', (text, at, expected, nth = 0) => {
    expect(look(text, at, nth)!.words[0]!.entries.map(label).join(', ')).toBe(expected);
  });

  test('says whether the case of each entry fits the text', () => {
    const entries = look('Ông nói anh là người tốt.', 'anh')!.words[0]!.entries;
    expect(entries.map((e) => e.caseFits)).toEqual([true, false]);
  });

  test('lists a name inside a compound that keeps its meaning, and the compound', () => {
    expect(words(look('người Mỹ', 'Mỹ'))).toEqual(['Mỹ = g:Mỹ, d:Mỹ, d:mĩ, d:mỹ', 'người Mỹ = d:người Mỹ']);
    expect(words(look('Pháp luật', 'Pháp'))?.[0]).toBe('Pháp luật = d:pháp luật');
  });

  test('finds supplement entries after the glossary’s and before the dictionary’s', () => {
    expect(words(look('Mỹ lên án', 'án'))?.[0]).toBe('lên án = s:lên án');
    expect(words(look('Đức Giáo hoàng', 'hoàng'))?.[0]).toBe('Đức Giáo hoàng = s:Đức Giáo hoàng');
  });

  test('marks a name after a personal title as a person’s name', () => {
    expect(look('bà Nga nói', 'Nga')!.words[0]!.personName).toBe(true);
    expect(look('Nga và My', 'Nga')!.words[0]!.personName).toBe(true);
    expect(look('Tổng thống Nga nói', 'Nga')!.words[0]!.personName).toBe(false);
  });

  test('glossary entries carry their paint class', () => {
    const [nga] = look('Tổng thống Nga nói', 'Nga')!.words[0]!.entries;
    expect(nga).toMatchObject({ source: 'glossary', class: 'name' });
    const [coop] = look('hợp tác', 'hợp')!.words[0]!.entries;
    expect(coop).toMatchObject({ source: 'glossary', class: 'term' });
  });

  test('dictionary senses come resolved and ranked', () => {
    const bi = look('Ông bị bắt', 'bị')!.words[0]!.entries[0]!;
    expect(bi.source === 'dictionary' && bi.entry.senses.map((s) => s.pos)).toEqual(['verb', 'noun']);
    const ubnd = look('UBND tỉnh', 'UBND')!.words[0]!.entries[0]!;
    expect(ubnd.source === 'dictionary' && ubnd.entry.senses[0]).toMatchObject({
      glosses: ["a people's committee (local executive branch in Vietnam)"],
      see: ['uỷ ban nhân dân'],
    });
  });
});
