import type { CorpusArticle } from '@/core/corpus-schema';
import { countOf, formatCount, nounFor, NOUNS, type Noun } from '@/core/plural';
import type { PageState } from '@/lib/protocol';
import { ArrowRightIcon } from './icons';
import { SourceFacts } from './SourceFacts';

/** "21 of 21 paragraphs on this page": how much of an article the page carries. */
export function coverageLine(shown: number, total: number): string {
  return `${formatCount(shown)} of ${countOf(total, NOUNS.paragraph)} on this page`;
}

function Stat({ n, word, note }: { n: number; word: Noun; note?: string }) {
  return (
    <li>
      <strong>{formatCount(n)}</strong> <span>{nounFor(n, word)}</span>
      {note && <span class="stat-note">{note}</span>}
    </li>
  );
}

/** What the extension found on the current tab: the recognised article, its coverage, the page's counts. */
export function PageSummary({
  state,
  article,
  onRead,
}: {
  state: PageState;
  article: CorpusArticle | null;
  onRead: () => void;
}) {
  const recognised = state.articles[0];
  const shown = recognised?.paragraphs.length ?? 0;
  const total = article?.paragraphs.length ?? 0;
  return (
    <section class="page-summary" data-testid="page-state" aria-label="This page">
      <p class="page-title" data-testid="page-title">
        {state.title}
      </p>
      {recognised && article ? (
        <div class="recognised card" data-testid="recognised-article">
          <p class="eyebrow">Recognised article</p>
          <h2 lang="en">{article.title.en}</h2>
          <p class="title-vi" lang="vi">
            {article.title.vi}
          </p>
          <div class="coverage">
            <div class="coverage-bar" aria-hidden="true">
              <span style={{ width: `${total ? Math.round((shown / total) * 100) : 0}%` }} />
            </div>
            <p data-testid="paragraph-count">{coverageLine(shown, total)}</p>
          </div>
          <SourceFacts source={article.source} />
          <button type="button" class="primary read" onClick={onRead}>
            <span>Read the whole article in English</span>
            <ArrowRightIcon />
          </button>
        </div>
      ) : (
        <div class="recognised card none">
          <p class="eyebrow">No bundled article</p>
          <p>
            None of the bundled articles is on this page. Glossary terms are still marked, and you can highlight as
            usual.
          </p>
        </div>
      )}
      <ul class="stats" aria-label="On this page">
        <Stat n={state.matched} word={NOUNS.block} />
        <Stat n={state.terms} word={NOUNS.term} />
        <Stat
          n={state.highlights}
          word={NOUNS.highlight}
          note={state.orphans > 0 ? `${formatCount(state.orphans)} not found on the page` : undefined}
        />
      </ul>
    </section>
  );
}
