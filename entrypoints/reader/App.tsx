import { useEffect, useState } from 'preact/hooks';
import { Brand } from '@/components/Brand';
import { ReaderLayoutSwitch } from '@/components/ReaderLayoutSwitch';
import { ReaderText } from '@/components/ReaderText';
import { SourceFacts } from '@/components/SourceFacts';
import type { CorpusArticle } from '@/core/corpus-schema';
import { countOf, NOUNS } from '@/core/plural';
import { siteOfHost } from '@/core/site';
import { sendMessage } from '@/lib/messaging';
import { LAYOUT_VIEW_MODE, readerLayout, setViewMode, viewModeFor, type ReaderLayout } from '@/lib/settings';
import { runPagePipeline } from './pipeline';

/**
 * The page pipeline reads its reading mode per site, and this page's site is the extension's own
 * host: the layout is kept as the reader page's "site" mode too, which the pipeline follows.
 */
async function applyLayout(layout: ReaderLayout): Promise<void> {
  const site = siteOfHost(location.hostname);
  if ((await viewModeFor(site)) !== LAYOUT_VIEW_MODE[layout]) await setViewMode(site, LAYOUT_VIEW_MODE[layout]);
}

/** One article, bundled or the reader's own, read on the extension's own page with everything a news page has. */
export function App({ articleId }: { articleId: string | null }) {
  const [article, setArticle] = useState<CorpusArticle | null | undefined>(undefined);
  const [layout, setLayout] = useState<ReaderLayout | null>(null);
  useEffect(() => {
    void readerLayout.getValue().then(setLayout);
    return readerLayout.watch(setLayout);
  }, []);
  useEffect(() => {
    if (articleId === null) {
      setArticle(null);
      return;
    }
    sendMessage('getArticle', { articleId }).then(setArticle, () => setArticle(null));
  }, [articleId]);
  const ready = !!article && layout !== null;
  useEffect(() => {
    if (!article || layout === null) return;
    document.title = `${article.title.en} · Song ngữ`;
    // Once the article is in the document, in the mode its layout asks for.
    void applyLayout(layout).then(runPagePipeline);
    // Started once: later layout changes reach the pipeline through choose().
  }, [ready]);

  const choose = (next: ReaderLayout) => {
    setLayout(next);
    void readerLayout.setValue(next).then(() => applyLayout(next));
  };

  return (
    <>
      <header class="top" role="banner">
        <div class="top-inner">
          <Brand page="Reader" />
          <nav class="top-links" aria-label="Song ngữ">
            <a class="button small" href="/library.html">
              Library
            </a>
            <a class="button small" href="/options.html" target="_blank" rel="noopener">
              Settings
            </a>
          </nav>
        </div>
        {article && layout !== null && (
          <div class="top-inner reader-meta">
            <div class="reader-about">
              <h1 class="title-en" lang="en">
                {article.title.en}
              </h1>
              <p class="eyebrow">
                {countOf(article.paragraphs.length, NOUNS.paragraph)} · select text to highlight, hover a term for its
                English
              </p>
              <SourceFacts source={article.source} />
            </div>
            <ReaderLayoutSwitch value={layout} onChange={choose} />
          </div>
        )}
      </header>
      <main class="page" aria-busy={article === undefined}>
        {article === undefined ? (
          <p class="muted">Loading…</p>
        ) : article === null ? (
          <div class="missing" role="alert">
            <h1>No such article</h1>
            <p>
              {articleId === null
                ? 'This page shows one article of your library: its address names which.'
                : `None of the articles in your library is called “${articleId}”.`}
            </p>
            <p>
              <a href="/library.html">Open the library</a>
            </p>
          </div>
        ) : (
          layout !== null && (
            <div class="reader-layout" data-layout={layout} data-testid="reader-layout-root">
              <ReaderText article={article} />
            </div>
          )
        )}
      </main>
    </>
  );
}
