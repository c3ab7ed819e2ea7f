import type { CorpusArticle } from '@/core/corpus-schema';
import type { PageState } from '@/lib/protocol';
import { SourceFacts } from './SourceFacts';

/** What the extension found on the current tab: the recognised article and the page's counts. */
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
  return (
    <section class="page-summary" data-testid="page-state">
      <p class="page-title" data-testid="page-title">
        {state.title}
      </p>
      {recognised && article ? (
        <div class="recognised" data-testid="recognised-article">
          <h2 lang="en">{article.title.en}</h2>
          <p class="vi" lang="vi">
            {article.title.vi}
          </p>
          <p data-testid="paragraph-count">
            {recognised.paragraphs.length} of {article.paragraphs.length} paragraphs on this page
          </p>
          <SourceFacts source={article.source} />
          <button type="button" onClick={onRead}>
            Read the whole article in English
          </button>
        </div>
      ) : (
        <p class="muted">No article from the bundled corpus is recognised on this page.</p>
      )}
      <ul class="counts">
        <li>{state.matched} blocks with English</li>
        <li>{state.terms} glossary terms</li>
        <li>
          {state.highlights} highlights{state.orphans > 0 ? `, ${state.orphans} not found on the page` : ''}
        </li>
      </ul>
    </section>
  );
}
