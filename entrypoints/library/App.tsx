import { useEffect, useState } from 'preact/hooks';
import { Brand } from '@/components/Brand';
import { LibraryList } from '@/components/LibraryList';
import { countOf, NOUNS } from '@/core/plural';
import { sendMessage } from '@/lib/messaging';
import type { ArticleSummary } from '@/core/user-corpus';
import { readerPath } from '../reader/url';

/** Your own articles first, then the bundled ones; newest first within each, undated last. */
function libraryOrder(a: ArticleSummary, b: ArticleSummary): number {
  if (a.user !== b.user) return a.user ? -1 : 1;
  return (b.published ?? '').localeCompare(a.published ?? '') || a.title.en.localeCompare(b.title.en);
}

/** Every article the extension knows, to open in the reader. */
export function App() {
  const [articles, setArticles] = useState<ArticleSummary[] | null | undefined>(undefined);
  const [highlights, setHighlights] = useState<Record<string, number>>({});
  useEffect(() => {
    sendMessage('listArticles', {}).then(
      (list) => setArticles([...list].sort(libraryOrder)),
      () => setArticles(null),
    );
    // The counts are a detail: the list shows without them if they fail.
    sendMessage('countArticleHighlights', {}).then(setHighlights, () => undefined);
  }, []);

  return (
    <>
      <header class="top" role="banner">
        <div class="top-inner">
          <Brand page="Library" />
          <a class="button small" href="/options.html" target="_blank" rel="noopener">
            Settings
          </a>
        </div>
      </header>
      <main class="page" aria-busy={articles === undefined}>
        <h1>Library</h1>
        <p class="muted">
          Read any of these articles here, offline, with its English, the glossary, the dictionary and your highlights,
          as on its news page.
        </p>
        {articles === undefined ? (
          <p class="muted">Loading…</p>
        ) : articles === null ? (
          <p class="error" role="alert">
            The library could not be read. Reload the page to try again.
          </p>
        ) : (
          <>
            <p class="eyebrow">{countOf(articles.length, NOUNS.article)}</p>
            <LibraryList articles={articles} highlights={highlights} readerHref={readerPath} />
          </>
        )}
      </main>
    </>
  );
}
