/**
 * The matching engine behind every tab: the compiled corpus index and glossary, loaded once per
 * background lifetime on first use (not bundled, not rebuilt per page), shared by all tabs.
 */

import { browser } from 'wxt/browser';
import { scoreBlock } from '@/core/corpus-match';
import { loadCorpus, type Corpus } from '@/core/corpus-format';
import type { CorpusArticle } from '@/core/corpus-schema';
import { loadGlossary, type GlossaryEntry } from '@/core/glossary-format';
import { GlossaryMatcher } from '@/core/glossary-match';
import { normalize, toSourceRange } from '@/core/normalize';
import type { BlockMatchResult, ParagraphText, TermHit } from '@/lib/protocol';

async function fetchJson(path: string): Promise<unknown> {
  // Our own packaged file: no network request leaves the machine.
  const response = await fetch(browser.runtime.getURL(path as '/data/corpus.json'));
  if (!response.ok) throw new Error(`could not load ${path}: ${response.status}`);
  return response.json();
}

let corpus: Promise<Corpus> | undefined;
let glossary: Promise<{ entries: GlossaryEntry[]; matcher: GlossaryMatcher }> | undefined;

export function getCorpus(): Promise<Corpus> {
  corpus ??= fetchJson('/data/corpus.json').then(loadCorpus);
  corpus.catch(() => (corpus = undefined));
  return corpus;
}

export function getGlossary(): Promise<{ entries: GlossaryEntry[]; matcher: GlossaryMatcher }> {
  glossary ??= fetchJson('/data/glossary.json').then((json) => {
    const entries = loadGlossary(json);
    return { entries, matcher: new GlossaryMatcher(entries) };
  });
  glossary.catch(() => (glossary = undefined));
  return glossary;
}

/** Scores page blocks against the corpus and returns the English of every candidate paragraph. */
export async function matchBlocks(texts: readonly string[]): Promise<{
  results: BlockMatchResult[];
  paragraphs: Record<string, ParagraphText>;
}> {
  const { articles, index } = await getCorpus();
  const paragraphs: Record<string, ParagraphText> = {};
  const results = texts.map((text) => {
    const score = scoreBlock(index, text);
    return {
      candidates: score.candidates.map((c) => {
        const article = articles[c.article]!;
        const key = `${article.id}:${c.index}`;
        const p = article.paragraphs[c.index]!;
        paragraphs[key] ??= { en: p.en, kind: p.kind ?? 'text' };
        return {
          articleId: article.id,
          index: c.index,
          hits: c.hits,
          coverage: c.coverage,
          purity: c.purity,
          paragraphShingles: c.paragraphShingles,
        };
      }),
    };
  });
  return { results, paragraphs };
}

/** Finds glossary terms in texts; offsets are in each text as given (not normalised). */
export async function findTerms(texts: readonly string[]): Promise<{
  hits: TermHit[][];
  entries: GlossaryEntry[];
  articleTitles: Record<string, { vi: string; en: string }>;
}> {
  const [{ entries, matcher }, { articles }] = await Promise.all([getGlossary(), getCorpus()]);
  const used = new Map<number, GlossaryEntry>();
  const hits = texts.map((text) => {
    const n = normalize(text);
    return matcher.match(n.text).map((m) => {
      const [start, end] = toSourceRange(n, m.start, m.end);
      const entry = entries[m.entry]!;
      used.set(entry.id, entry);
      return { start, end, entry: entry.id };
    });
  });
  const articleTitles: Record<string, { vi: string; en: string }> = {};
  for (const entry of used.values()) {
    for (const id of entry.articles) {
      const a = articles.find((x) => x.id === id);
      if (a) articleTitles[id] = a.title;
    }
  }
  return { hits, entries: [...used.values()], articleTitles };
}

export async function getArticle(id: string): Promise<CorpusArticle | null> {
  const { articles } = await getCorpus();
  return articles.find((a) => a.id === id) ?? null;
}
