/**
 * `npm run corpus`: validates the corpus, glossary, news supplement and dictionary sources and
 * compiles them into public/data/, which the build copies into the extension. Exits non-zero with
 * every problem listed (file, article or entry, line, field) when a source is wrong.
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_ATTRIBUTION } from '../core/dictionary-format';
import { splitDictionary } from '../core/dictionary-shards';
import { buildData, SourceError } from './lib/data-sources';
import { SHIPPED_DATA_DIR } from './lib/shipped-data';

/** The notice shipped beside the dictionary: the licence requires attribution, a link and a note of changes. */
export const DICTIONARY_LICENSE = `dictionary/ (head.json and its numbered shards) and lexicon-index.json — Vietnamese–English
dictionary data

${DICTIONARY_ATTRIBUTION}

Source: the Vietnamese entries of the English Wiktionary (https://en.wiktionary.org) as they
stood in late 2022, extracted by wiktextract (kaikki.org, Tatu Ylönen) and turned into a tab
file by Vuizur's ebook_dictionary_creator (https://github.com/Vuizur/Wiktionary-Dictionaries,
commit be0cfb8d614470bc8b9d9006ddff8b921cd5c2e3). Upstream licence statement: "The license is
the same as Wiktionary: Dual-licensed to the public under both the Creative Commons
Attribution-ShareAlike 3.0 Unported License (CC-BY-SA) and the GNU Free Documentation License
(GFDL)".

Modified: the data was shortened (at most three glosses per part of speech, long glosses cut),
reformatted, and compiled for this extension: glosses that only point to another entry
("Synonym of …", "Short for …") were replaced by the meaning they point to, senses were
reordered, spellings repeated verbatim were merged, Unihan's English glosses of the Hán
characters were added, the words were split into numbered files of 256 words each, and a lookup
index of the headwords (lexicon-index.json) was added that also holds the headwords of Song ngữ's
own glossary and news supplement.

These files, including those changes, are licensed under the Creative Commons
Attribution-ShareAlike 3.0 Unported License: https://creativecommons.org/licenses/by-sa/3.0/
The rest of the extension keeps its own licence.
`;

try {
  const started = performance.now();
  const { corpus, glossary, supplement, dictionary, lexiconIndex } = await buildData();
  // Written afresh: a file an older build wrote (the one-file dictionary) must not ship.
  rmSync(SHIPPED_DATA_DIR, { recursive: true, force: true });
  mkdirSync(join(SHIPPED_DATA_DIR, 'dictionary'), { recursive: true });
  const { head, shards } = splitDictionary(dictionary);
  const files: Record<string, string> = {
    'corpus.json': JSON.stringify(corpus),
    'glossary.json': JSON.stringify(glossary),
    'supplement.json': JSON.stringify(supplement),
    'dictionary/head.json': JSON.stringify(head),
    ...Object.fromEntries(shards.map((s) => [`dictionary/${s.shard}.json`, JSON.stringify(s)])),
    'lexicon-index.json': JSON.stringify(lexiconIndex),
    'dictionary.LICENSE.txt': DICTIONARY_LICENSE,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(SHIPPED_DATA_DIR, name), text);
  const bytes = (name: string) => Buffer.byteLength(files[name]!);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const shardBytes = shards.map((s) => bytes(`dictionary/${s.shard}.json`));
  const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const hand = glossary.entries.filter((e) => e.source === 'hand').length;
  console.log(
    `corpus: ${corpus.articles.length} articles, ${paragraphs} paragraphs (${kb(bytes('corpus.json'))}); ` +
      `glossary: ${hand} hand-written + ${glossary.entries.length - hand} CLDR entries (${kb(bytes('glossary.json'))}); ` +
      `supplement: ${supplement.entries.length} entries (${kb(bytes('supplement.json'))}); ` +
      `dictionary: ${dictionary.words.length} words in ${shards.length} shards ` +
      `(${kb(shardBytes.reduce((a, b) => a + b, 0))}, the largest ${kb(Math.max(...shardBytes))}), ` +
      `index ${kb(bytes('lexicon-index.json'))}; ` +
      `${(performance.now() - started).toFixed(0)} ms`,
  );
} catch (error) {
  if (error instanceof SourceError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
