// @vitest-environment jsdom
/**
 * Golden tests on real saved news pages, through the shipped pipeline: the content script's block
 * extraction, then `analyzeTexts` and `lookupAt` (what the service worker runs) over the data as
 * `npm run corpus` compiles it and the extension loads it (JSON and back).
 *
 * The golden list of 24h1.html was reviewed by hand: "Mỹ nữ" is a glossary word (beauty), not
 * the United States; "Thẩm mỹ viện" (a beauty salon) paints nothing; the "Bóng đá Đức / Pháp /
 * Tây Ban Nha" menu items and the "Mỹ: …", "Pháp: …" headlines name the countries.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus, type Corpus } from '@/core/corpus-format';
import { loadLexicon, type ShippedLexicon } from '@/core/lexicon-load';
import { lookupAt } from '@/core/lexicon-lookup';
import { analyzeTexts } from '@/core/page-analysis';
import { buildData } from '@/scripts/lib/data-sources';
import { FIXTURE_PAGES_DIR, REPO_ROOT } from '@/scripts/lib/paths';
import { collectBlocks } from './blocks';

const GOLDEN = join(REPO_ROOT, 'tests/fixtures/golden/terms-24h1.json');

let corpus: Corpus;
let lexicon: ShippedLexicon;
const pages = new Map<string, string[]>();

beforeAll(async () => {
  const data = JSON.parse(JSON.stringify(await buildData())) as Awaited<ReturnType<typeof buildData>>;
  corpus = loadCorpus(data.corpus);
  lexicon = loadLexicon(data.glossary, data.supplement, data.lexiconIndex, data.dictionary);
  for (const name of readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html'))) {
    // Parsed without running its scripts; the content script never reads them anyway.
    const page = new JSDOM(readFileSync(join(FIXTURE_PAGES_DIR, name), 'utf8')).window.document;
    pages.set(
      name,
      (await collectBlocks(page.body)).map((b) => b.text),
    );
  }
}, 240_000);

/** What the shipped pipeline paints on a page: "text → headword (English) class". */
function painted(page: string): { text: string; start: number; end: number; line: string; block: string }[] {
  const texts = pages.get(page)!;
  const { results } = analyzeTexts(corpus, lexicon, texts);
  return results.flatMap((r, i) =>
    r.terms.map((t) => {
      const entry = lexicon.glossary[t.entry]!;
      const text = texts[i]!.slice(t.start, t.end);
      return {
        text,
        start: t.start,
        end: t.end,
        block: texts[i]!,
        line: `${text} → ${entry.vi} (${entry.en[0]}) ${t.class}`,
      };
    }),
  );
}

/** Every occurrence of `phrase` on a page: its block and offset. */
function occurrences(phrase: string): { page: string; block: string; at: number }[] {
  const out: { page: string; block: string; at: number }[] = [];
  for (const [page, texts] of pages) {
    for (const block of texts) {
      for (let at = block.indexOf(phrase); at >= 0; at = block.indexOf(phrase, at + 1)) out.push({ page, block, at });
    }
  }
  return out;
}

test('the terms painted on 24h1.html match the golden list', () => {
  const found = painted('24h1.html').map((p) => p.line);
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(found, null, 2) + '\n');
  expect(found).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
});

describe('on every saved page', () => {
  // Compounds and people whose names are countries, as the pages write them: the phrase, the
  // name-like syllable in it, and what the word there means (null: a person's name).
  test.each([
    ['Pháp luật', 'Pháp', 'law'],
    ['Nhà thờ Đức Bà', 'Đức', 'Notre-Dame Cathedral'],
    ['Thẩm mỹ viện', 'mỹ', 'beauty salon'],
    ['tập trung đông', 'trung', 'to concentrate'],
    ['Nga và My', 'Nga', null],
  ])('nothing is painted inside %j, and %j there is no country', (phrase, name, english) => {
    const found = occurrences(phrase);
    expect(found.length).toBeGreaterThan(0);
    for (const { page, block, at } of found) {
      const hits = painted(page).filter((p) => p.block === block && p.start < at + phrase.length && p.end > at);
      expect(
        hits.map((h) => h.line),
        `${page}: ${phrase}`,
      ).toEqual([]);
      const word = lookupAt(lexicon, block, at + phrase.indexOf(name))!.words[0]!;
      const first = word.entries[0]!;
      if (english === null) {
        expect(word.personName, `${page}: ${phrase}`).toBe(true);
      } else {
        expect(first.source === 'glossary' && first.entry.kind === 'country', `${page}: ${phrase}`).toBe(false);
        const glosses = first.source === 'dictionary' ? first.entry.senses.flatMap((s) => s.glosses) : first.entry.en;
        expect(glosses.join(' | '), `${page}: ${phrase}`).toContain(english);
      }
    }
  });

  test('every painted name is the word the lookup shows there, and no person’s name', () => {
    for (const page of pages.keys()) {
      for (const p of painted(page)) {
        const r = lookupAt(lexicon, p.block, p.start)!;
        expect([r.start, r.end], `${page}: ${p.line}`).toEqual([p.start, p.end]);
        expect(r.words[0]!.entries[0]!.source, `${page}: ${p.line}`).toBe('glossary');
        expect(r.words[0]!.personName, `${page}: ${p.line}`).toBe(false);
      }
    }
  });
});

describe('ordinary words show their English', () => {
  test.each([
    ['vnexpress-2025-10-22.html', 'bệnh nhân', 'patient'],
    ['vnexpress-2025-10-22.html', 'ung thư', 'cancer'],
    ['vnexpress-2025-10-22.html', 'điều trị', 'to treat'],
    ['vnexpress-2025-10-22.html', 'bác sĩ', 'doctor'],
    ['vnexpress-2025-10-22.html', 'chẩn đoán', 'to diagnose'],
    ['vnexpress-2025-10-22.html', 'nội soi', 'endoscopy'],
    ['vnexpress-2025-10-22.html', 'phẫu thuật', 'surgery'],
    ['vnexpress-2025-10-22.html', 'sức khỏe', 'health'],
    ['vnexpress-2025-10-22.html', 'dạ dày', 'stomach'],
    ['vnexpress-2025-10-22.html', 'triệu chứng', 'symptom'],
    ['vnexpress-2025-10-22.html', 'tiêu chảy', 'diarrhoea'],
    ['vnexpress-2025-10-22.html', 'ác tính', 'malignant'],
    ['thanhnien1.html', 'ma túy', 'drug'],
    ['thanhnien1.html', 'công an', 'public security'],
    ['thanhnien1.html', 'du học', 'to study abroad'],
    ['thanhnien1.html', 'hộ chiếu', 'passport'],
    ['thanhnien1.html', 'bản đồ', 'map'],
    ['24h1.html', 'bóng đá', 'football'],
    ['24h1.html', 'công chức', 'civil servant'],
    ['24h1.html', 'sinh viên', 'student'],
    ['ngoisao1.html', 'người đẹp', 'a beauty'],
    ['nld1.html', 'báo động', 'alarm'],
    ['dantri1.html', 'anh đào', 'cherry'],
    ['zing1.html', 'Giáng sinh', 'Christmas'],
    ['vnexpress1.html', 'đầu tư', 'to invest'],
    ['soha1.html', 'khán giả', 'audience'],
    ['vnexpress.hompage.html', 'giảng viên', 'lecturer'],
    ['vnexpress3.html', 'thung lũng', 'valley'],
    // Loanwords and local-news words of the news supplement (assets/dictionary/loanwords-and-units.yaml).
    ['24h1.html', 'camera', 'surveillance camera'],
    ['24h1.html', 'website', 'website'],
    ['nld1.html', 'hụi', 'savings circle'],
  ])('%s: %s → %s', (page, word, english) => {
    const block = pages.get(page)!.find((t) => t.includes(word))!;
    expect(block, `${word} is on ${page}`).toBeDefined();
    // Hovering any syllable of the word finds it.
    for (const syllable of word.split(' ')) {
      const r = lookupAt(lexicon, block, block.indexOf(word) + word.indexOf(syllable))!;
      const first = r.words[0]!;
      expect(first.text).toBe(word);
      const e = first.entries[0]!;
      const glosses = e.source === 'dictionary' ? e.entry.senses[0]!.glosses : e.entry.en;
      expect(glosses.join(' | ')).toContain(english);
    }
  });
});
