import type { CorpusArticle } from '@/core/corpus-schema';
import { SourceFacts } from './SourceFacts';

/**
 * The whole article, paragraph by paragraph: the Vietnamese, then our English. Paragraphs found on
 * the current page (the popup) are marked; the reader page marks none. Styles: article.css.
 */
export function ArticleReader({
  article,
  onPage,
  titleAs: Title = 'h2',
}: {
  article: CorpusArticle;
  onPage: ReadonlySet<number>;
  /** The title's heading level: h1 where the article is the page (the reader), h2 inside the popup. */
  titleAs?: 'h1' | 'h2';
}) {
  return (
    <article class="reader" data-testid="article-reader">
      <header class="reader-head">
        <Title class="title-en" lang="en">
          {article.title.en}
        </Title>
        <p class="title-vi" lang="vi">
          {article.title.vi}
        </p>
        <SourceFacts source={article.source} />
      </header>
      <ol class="pairs">
        {article.paragraphs.map((p, i) => (
          <li key={i} class={`pair kind-${p.kind ?? 'text'}${onPage.has(i) ? ' on-page' : ''}`} data-index={i}>
            {/* Floated, before the text, so the text flows around it and never under it. */}
            {onPage.has(i) && (
              <span class="badge" title="This paragraph is on the page">
                on page
              </span>
            )}
            <p class="vi" lang="vi">
              {p.vi}
            </p>
            <p class="en" lang="en">
              {p.en}
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}
