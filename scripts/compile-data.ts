/**
 * `npm run corpus`: validates the corpus and glossary sources and compiles them into
 * public/data/, which the build copies into the extension. Exits non-zero with every problem
 * listed (file, article or entry, paragraph) when a source is wrong.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildData, SourceError } from './lib/data-sources';
import { REPO_ROOT } from './lib/paths';

export const DATA_OUT_DIR = join(REPO_ROOT, 'public/data');

try {
  const started = performance.now();
  const { corpus, glossary } = await buildData();
  mkdirSync(DATA_OUT_DIR, { recursive: true });
  const corpusJson = JSON.stringify(corpus);
  const glossaryJson = JSON.stringify(glossary);
  writeFileSync(join(DATA_OUT_DIR, 'corpus.json'), corpusJson);
  writeFileSync(join(DATA_OUT_DIR, 'glossary.json'), glossaryJson);
  const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const hand = glossary.entries.filter((e) => e.source === 'hand').length;
  console.log(
    `corpus: ${corpus.articles.length} articles, ${paragraphs} paragraphs (${(corpusJson.length / 1024).toFixed(1)} KB); ` +
      `glossary: ${hand} hand-written + ${glossary.entries.length - hand} CLDR entries (${(glossaryJson.length / 1024).toFixed(1)} KB); ` +
      `${(performance.now() - started).toFixed(0)} ms`,
  );
} catch (error) {
  if (error instanceof SourceError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
