import { describe, expect, test } from 'vitest';
import { SAMPLE_GLOSSARY, sampleLexicon } from '../tests/fixtures/lexicon-sample';
import { normalize, normalizeText, toSourceRange } from './normalize';
import { isOnSyllableBoundary } from './tokenize';

const lexicon = sampleLexicon();
const glossaryOnly = sampleLexicon({ supplement: false, dictionary: false });

/** What the lexicon paints in `text`, as "text → English (class)". */
function painted(text: string, l = lexicon): string[] {
  const n = normalize(text);
  return l.paint(n.text).map((m) => {
    const [s, e] = toSourceRange(n, m.start, m.end);
    return `${text.slice(s, e)} → ${SAMPLE_GLOSSARY[m.entry]!.en[0]} (${m.class})`;
  });
}

/** The words the segmentation chooses, joined by " | ". */
function segmented(text: string): string {
  const t = normalizeText(text);
  const sy = lexicon.index.scan(t);
  const out: string[] = [];
  let a = 0;
  while (a < sy.count) {
    const b = lexicon.clauseEnd(t, sy, a);
    for (const s of lexicon.segment(sy, a, b)) out.push(t.slice(sy.starts[s.from], sy.ends[s.to - 1]));
    a = b;
  }
  return out.join(' | ');
}

describe('segmentation', () => {
  test.each([
    // The fewest words; among those the most even lengths, then the longest first word.
    ['hợp tác quân sự', 'hợp tác quân sự'],
    ['hợp tác xã hội', 'hợp tác | xã hội'],
    ['hợp tác xã', 'hợp tác xã'],
    ['học sinh học', 'học sinh | học'],
    ['Pháp luật Việt Nam', 'Pháp luật | Việt Nam'],
    ['Nhà thờ Đức Bà', 'Nhà thờ | Đức Bà'],
    // Spelling variants are one word: tone placement, i/y, Unicode form, case.
    ['hoà bình và hòa bình', 'hòa bình | và | hòa bình'],
    ['tỷ lệ, kỹ thuật', 'tỷ lệ | kỹ thuật'],
    ['mĩ phẩm, MỸ PHẨM', 'mĩ phẩm | MỸ PHẨM'],
    // Transparent words: người Mỹ is read người | Mỹ, so the name inside is painted.
    ['người Mỹ và nước Nga', 'người | Mỹ | và | nước | Nga'],
    // Unknown syllables stand alone; punctuation ends a clause.
    ['Hợp tác, quân sự', 'Hợp tác | quân sự'],
    ['xyzzy hợp tác', 'xyzzy | hợp tác'],
  ])('%j → %j', (text, expected) => {
    expect(segmented(text)).toBe(expected);
  });
});

describe('painting', () => {
  test.each([
    // Compounds win over the names hidden in them.
    ['Pháp luật', []],
    ['Tin Pháp luật và Pháp', ['Pháp → France (name)']],
    ['mỹ phẩm, châu Mỹ, Bắc Mỹ', []],
    ['Nhà thờ Đức Bà', []],
    ['áo dài, séc và Áo', ['Áo → Austria (name)']],
    ['Đức Giáo hoàng và Đức Phật ở Đức', ['Đức → Germany (name)']],
    ['Mỹ Latinh và Mỹ', ['Mỹ → United States (name)']],
    ['thiên nga', []],
    // Supplement entries are never painted; glossary terms are, with their class.
    ['lên án hợp tác quân sự', ['hợp tác quân sự → military cooperation (term)']],
    // One-syllable names only where case says so; a headline in capitals is fine.
    ['nga', []],
    ['NGA TRIỂN KHAI', ['NGA → Russia (name)']],
    ['Nga và Mỹ', ['Nga → Russia (name)', 'Mỹ → United States (name)']],
    ['putin', []],
    // Names of several syllables match in any case (the seeds write these).
    ['điện Kremlin', ['điện Kremlin → Kremlin (name)']],
    ['bộ quốc phòng Triều Tiên', ['bộ quốc phòng → Defence Ministry (name)', 'Triều Tiên → North Korea (name)']],
    [
      'Hiệp ước Đối tác chiến lược toàn diện',
      ['Hiệp ước Đối tác chiến lược toàn diện → Comprehensive Strategic Partnership Treaty (name)'],
    ],
    ['miền đông Ukraine', ['miền đông Ukraine → eastern Ukraine (name)']],
    ['vùng viễn đông', ['viễn đông → Far East (name)']],
    ['Kim Jong Un', ['Kim Jong Un → Kim Jong-un (name)']],
    // Longest match.
    ['Bộ Quốc phòng Nga', ['Bộ Quốc phòng Nga → Russian Defence Ministry (name)']],
    // A name after a personal title or kinship word is a person's.
    ['bà Nga, chị Nga, cô Mỹ, ông Đức, vợ Nga', []],
    ['Bà Nga nói', []],
    ['Lê Thị Nga và Nguyễn Minh Đức', []],
    ['Nga và My tàng trữ', []],
    ['Yến và Nga', []],
    ['Tổng thống Nga, người Mỹ, nước Nga', ['Nga → Russia (name)', 'Mỹ → United States (name)', 'Nga → Russia (name)']],
    ['cô gái Nga', ['Nga → Russia (name)']],
    // Spelling and Unicode form.
    ['hoà bình', ['hoà bình → peace (term)']],
    ['ho\u0300a bi\u0300nh', ['ho\u0300a bi\u0300nh → peace (term)']],
    ['Nga\u00a0và\u00a0Mỹ', ['Nga → Russia (name)', 'Mỹ → United States (name)']],
    ['Trie\u0302\u0300u Tie\u0302n', ['Trie\u0302\u0300u Tie\u0302n → North Korea (name)']],
  ])('%j', (text, expected) => {
    expect(painted(text)).toEqual(expected);
  });

  test('with the glossary alone, the names inside compounds are painted', () => {
    expect(painted('Pháp luật', glossaryOnly)).toEqual(['Pháp → France (name)']);
    expect(painted('Nhà thờ Đức Bà', glossaryOnly)).toEqual(['Đức → Germany (name)']);
  });

  test('paints left to right, never overlapping, on syllable boundaries', () => {
    const text = normalizeText('Nga, Mỹ và Triều Tiên; Bộ Quốc phòng Nga và hòa bình ở Đức.');
    const hits = lexicon.paint(text);
    expect(hits.map((h) => SAMPLE_GLOSSARY[h.entry]!.en[0])).toEqual([
      'Russia',
      'United States',
      'North Korea',
      'Russian Defence Ministry',
      'peace',
      'Germany',
    ]);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end);
    for (const h of hits) expect(isOnSyllableBoundary(text, h.start, h.end)).toBe(true);
  });
});
