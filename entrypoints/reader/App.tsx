import { useEffect, useState } from 'preact/hooks';
import { ArticleReader } from '@/components/ArticleReader';
import { Brand } from '@/components/Brand';
import type { CorpusArticle } from '@/core/corpus-schema';
import { countOf, NOUNS } from '@/core/plural';
import { sendMessage } from '@/lib/messaging';

const NOTHING_ON_PAGE: ReadonlySet<number> = new Set();

/** A bundled article, read in full: each paragraph in Vietnamese, then in our English. */
export function App({ articleId }: { articleId: string | null }) {
  const [article, setArticle] = useState<CorpusArticle | null | undefined>(undefined);
  useEffect(() => {
    if (articleId === null) {
      setArticle(null);
      return;
    }
    sendMessage('getArticle', { articleId }).then(setArticle, () => setArticle(null));
  }, [articleId]);
  useEffect(() => {
    if (article) document.title = `${article.title.en} · Song ngữ`;
  }, [article]);

  return (
    <>
      <header class="top">
        <div class="top-inner">
          <Brand page="Reader" />
          <a class="button small" href="/options.html" target="_blank" rel="noopener">
            Settings
          </a>
        </div>
      </header>
      <main class="page" aria-busy={article === undefined}>
        {article === undefined ? (
          <p class="muted">Loading…</p>
        ) : article === null ? (
          <div class="missing" role="alert">
            <h1>No such article</h1>
            <p>
              {articleId === null
                ? 'This page shows one of the bundled articles: its address names which.'
                : `None of the bundled articles is called “${articleId}”.`}
            </p>
          </div>
        ) : (
          <>
            <p class="eyebrow">
              Bundled article · {countOf(article.paragraphs.length, NOUNS.paragraph)} · Vietnamese, then English
            </p>
            <ArticleReader article={article} onPage={NOTHING_ON_PAGE} titleAs="h1" />
          </>
        )}
      </main>
    </>
  );
}
