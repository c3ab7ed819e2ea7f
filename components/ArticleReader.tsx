import type { CorpusArticle } from '@/core/corpus-schema';
import { SourceFacts } from './SourceFacts';

/**
 * The whole article in English, aligned paragraph by paragraph with the Vietnamese; paragraphs
 * found on the page are marked.
 */
export function ArticleReader({ article, onPage }: { article: CorpusArticle; onPage: ReadonlySet<number> }) {
  return (
    <article class="reader" data-testid="article-reader">
      <header>
        <h2 lang="en">{article.title.en}</h2>
        <p class="vi" lang="vi">
          {article.title.vi}
        </p>
        <SourceFacts source={article.source} />
      </header>
      <ol class="pairs">
        {article.paragraphs.map((p, i) => (
          <li key={i} class={`pair kind-${p.kind ?? 'text'}${onPage.has(i) ? ' on-page' : ''}`} data-index={i}>
            <p class="vi" lang="vi">
              {p.vi}
            </p>
            <p class="en" lang="en">
              {p.en}
            </p>
            {onPage.has(i) && (
              <span class="badge" title="This paragraph is on the page">
                on page
              </span>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
