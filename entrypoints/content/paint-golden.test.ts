// @vitest-environment jsdom
/**
 * What is painted on real saved news pages, through the content script's own choice
 * (`paintedHits`: the article's text only, the classes the reader chose) over what the service
 * worker finds (`analyzeTexts`). The menu items below were picked by hand from the pages: each
 * holds a glossary name the lexicon finds, and none may be underlined.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus, type Corpus } from '@/core/corpus-format';
import { loadLexicon, type ShippedLexicon } from '@/core/lexicon-load';
import { analyzeTexts } from '@/core/page-analysis';
import type { TermUnderline } from '@/lib/settings';
import { buildData } from '@/scripts/lib/data-sources';
import { FIXTURE_PAGES_DIR } from '@/scripts/lib/paths';
import { paintedHits } from './article-text';
import { collectBlocks, type PageBlock } from './blocks';

let corpus: Corpus;
let lexicon: ShippedLexicon;
const pages = new Map<string, PageBlock[]>();
const analysed = new Map<string, ReturnType<typeof analyzeTexts>['results']>();

beforeAll(async () => {
  const data = JSON.parse(JSON.stringify(await buildData())) as Awaited<ReturnType<typeof buildData>>;
  corpus = loadCorpus(data.corpus);
  lexicon = loadLexicon(data.glossary, data.supplement, data.lexiconIndex, data.dictionary);
  for (const name of readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html'))) {
    const page = new JSDOM(readFileSync(join(FIXTURE_PAGES_DIR, name), 'utf8')).window.document;
    pages.set(name, await collectBlocks(page.body));
  }
}, 240_000);

/** Per block of a page: the hits found and the hits painted, as the words they cover. */
function reading(page: string, setting: TermUnderline) {
  const blocks = pages.get(page)!;
  let results = analysed.get(page);
  if (!results) {
    results = analyzeTexts(
      corpus,
      lexicon,
      blocks.map((b) => b.text),
    ).results;
    analysed.set(page, results);
  }
  return blocks.map((block, i) => {
    const words = (hits: readonly { start: number; end: number }[]) =>
      hits.map((h) => block.text.slice(h.start, h.end));
    const terms = results[i]!.terms;
    return { block, found: words(terms), painted: words(paintedHits(block, terms, setting)) };
  });
}

/** The blocks of any page whose whole text (trimmed) is `text`. */
function blocksReading(text: string, setting: TermUnderline = 'names-and-terms') {
  return [...pages.keys()].flatMap((page) =>
    reading(page, setting)
      .filter((r) => r.block.text.trim() === text)
      .map((r) => ({ page, ...r })),
  );
}

describe('nothing is painted in navigation', () => {
  test.each([
    ['Bóng đá Đức', 'Đức'],
    ['Bóng đá Tây Ban Nha', 'Tây Ban Nha'],
    ['Tin tức Việt Nam', 'Việt Nam'],
    ['Du học Mỹ', 'Mỹ'],
    ['Du học Nhật Bản', 'Nhật Bản'],
    ['Du học New Zealand', 'New Zealand'],
    ['Quân Sự', 'Quân Sự'],
    ['Doanh nhân & doanh nghiệp', 'doanh nghiệp'],
    ['Mỹ: Bỏ việc vì chỉ được dạy học sinh giỏi', 'Mỹ'],
  ])('the menu or link %j: %j is found, not painted', (text, word) => {
    const found = blocksReading(text);
    expect(found.length, `${text} is on a page`).toBeGreaterThan(0);
    for (const r of found) {
      expect(r.found, `${r.page}: the lexicon finds ${word}`).toContain(word);
      expect(r.painted, r.page).toEqual([]);
    }
  });

  test('no painted block is a navigation, header, footer or aside element, or inside one', () => {
    for (const page of pages.keys()) {
      for (const r of reading(page, 'names-and-terms')) {
        if (r.painted.length === 0) continue;
        expect(
          r.block.element.closest('nav, footer, aside, menu, [role=navigation], [role=banner], [role=contentinfo]'),
          `${page}: ${r.block.text.slice(0, 60)}`,
        ).toBeNull();
        // Links that make up the block: a painted block is mostly text, not a list of links.
        expect(
          r.block.element.querySelectorAll('a[href]').length,
          `${page}: ${r.block.text.slice(0, 60)}`,
        ).toBeLessThan(5);
      }
    }
  });

  test('across the saved pages, most terms the lexicon finds are in chrome and stay unpainted', () => {
    let found = 0;
    let painted = 0;
    for (const page of pages.keys()) {
      for (const r of reading(page, 'names-and-terms')) {
        found += r.found.length;
        painted += r.painted.length;
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(painted).toBeGreaterThan(0);
    expect(painted / found).toBeLessThan(0.5);
  });
});

describe('the article’s text is painted, as the setting says', () => {
  const lead = 'Trong tuần rồi, báo South China Morning Post';
  const paragraph = () => {
    const r = [...pages.keys()]
      .flatMap((page) => reading(page, 'names-and-terms'))
      .find((x) => x.block.text.trim().startsWith(lead));
    expect(r, 'the article paragraph is on a page').toBeDefined();
    return r!.block;
  };

  test.each([
    ['names-and-terms', ['South China Morning Post', 'Hồng Kông', 'Trung Quốc']],
    ['names', ['South China Morning Post', 'Hồng Kông', 'Trung Quốc']],
    ['none', []],
  ] as const)('%s', (setting, expected) => {
    const block = paragraph();
    const page = [...pages].find(([, blocks]) => blocks.includes(block))![0];
    const r = reading(page, setting).find((x) => x.block.text === block.text)!;
    for (const w of expected) expect(r.painted).toContain(w);
    if (expected.length === 0) expect(r.painted).toEqual([]);
  });

  test('"names" paints no common-word term', () => {
    const terms = [...pages.keys()].flatMap((page) =>
      reading(page, 'names-and-terms').flatMap((r) => {
        const names = reading(page, 'names').find((x) => x.block === r.block)!.painted;
        return r.painted.filter((w) => !names.includes(w));
      }),
    );
    // The terms painted under "names and terms" (tình báo, quân đội, chuyên gia…) are gone under "names".
    expect(terms.length).toBeGreaterThan(0);
    expect(terms).toContain('tình báo');
  });
});
