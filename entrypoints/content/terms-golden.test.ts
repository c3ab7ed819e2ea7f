// @vitest-environment jsdom
/**
 * Golden list: the glossary terms expected on a real saved news page (24h.com.vn, 2012), found
 * the way the content script finds them (its block extraction, then the glossary matcher).
 * Reviewed by hand: "Thẩm mỹ" and "Mỹ nữ" are common words, not the United States.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { GlossaryMatcher } from '@/core/glossary-match';
import { normalize, toSourceRange } from '@/core/normalize';
import { buildGlossary, loadArticles, loadGlossarySources } from '@/scripts/lib/data-sources';
import { FIXTURE_PAGES_DIR, REPO_ROOT } from '@/scripts/lib/paths';
import { collectBlocks } from './blocks';

test('the terms on 24h1.html match the golden list', async () => {
  const glossary = await buildGlossary(loadGlossarySources(), loadArticles());
  const matcher = new GlossaryMatcher(glossary.entries);
  const html = readFileSync(join(FIXTURE_PAGES_DIR, '24h1.html'), 'utf8');
  // Parsed without running its scripts; the content script never reads them anyway.
  const page = new JSDOM(html).window.document;
  const found: string[] = [];
  for (const block of await collectBlocks(page.body)) {
    const n = normalize(block.text);
    for (const m of matcher.match(n.text)) {
      const [s, e] = toSourceRange(n, m.start, m.end);
      const entry = glossary.entries[m.entry]!;
      found.push(`${block.text.slice(s, e)} → ${entry.vi} (${entry.en[0]})`);
    }
  }
  const golden = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/golden/terms-24h1.json'), 'utf8')) as string[];
  if (process.env.UPDATE_GOLDEN)
    writeFileSync(join(REPO_ROOT, 'tests/fixtures/golden/terms-24h1.json'), JSON.stringify(found, null, 2) + '\n');
  expect(found).toEqual(golden);
}, 60_000);
