import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArticleReader } from '@/components/ArticleReader';
import { ModeSwitch } from '@/components/ModeSwitch';
import { coverageLine, PageSummary } from '@/components/PageSummary';
import type { CorpusArticle } from '@/core/corpus-schema';
import { siteOfUrl } from '@/core/site';
import { sendMessage } from '@/lib/messaging';
import type { TabState, ViewMode } from '@/lib/protocol';
import { setViewMode, viewModeFor } from '@/lib/settings';
import { PageWordsLine } from './PageWordsLine';

/** The "This page" tab: what the extension found on the reader's tab, its reading mode, and the whole article. */
export function ThisPage({ tabId }: { tabId: number | undefined }) {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [article, setArticle] = useState<CorpusArticle | null>(null);
  const [mode, setMode] = useState<ViewMode>('bilingual');
  const [reading, setReading] = useState(false);

  useEffect(() => {
    void (async () => {
      const s = tabId === undefined ? null : await sendMessage('getTabState', { tabId });
      setState(s);
      if (!s) return;
      setMode(await viewModeFor(siteOfUrl(s.url)));
      const recognised = s.articles[0];
      if (recognised) setArticle(await sendMessage('getArticle', { articleId: recognised.id }));
    })();
  }, [tabId]);

  if (state === undefined) return <p class="muted empty">Loading…</p>;
  if (state === null) {
    return (
      <div class="empty card">
        <p>
          <strong>Song ngữ has not read this page yet.</strong>
        </p>
        <p class="muted">
          It may still be loading. If the page was open before the extension was installed or updated, reload it.
        </p>
      </div>
    );
  }
  const site = siteOfUrl(state.url);
  const changeMode = (m: ViewMode) => {
    setMode(m);
    void setViewMode(site, m);
  };
  if (reading && article) {
    return (
      <div class="whole-article">
        <div class="reader-bar">
          <button type="button" class="small" onClick={() => setReading(false)}>
            ← Back
          </button>
          <span class="muted">
            {coverageLine(state.articles[0]?.paragraphs.length ?? 0, article.paragraphs.length)}
          </span>
        </div>
        <ArticleReader article={article} onPage={new Set(state.articles[0]?.paragraphs ?? [])} />
      </div>
    );
  }
  return (
    <div class="this-page">
      <PageSummary state={state} article={article} onRead={() => setReading(true)} />
      <PageWordsLine tabId={tabId} />
      <ModeSwitch mode={mode} site={site} onChange={changeMode} />
      {state.state === 'ready' && state.articles.length === 0 && tabId !== undefined && (
        <AddEnglishButton tabId={tabId} />
      )}
    </div>
  );
}

/** A page the corpus does not know: the reader can add its English themselves. */
function AddEnglishButton({ tabId }: { tabId: number }) {
  const open = () => {
    const url = (browser.runtime.getURL as (p: string) => string)(`/add-english.html?tab=${tabId}`);
    void browser.tabs.create({ url }).then(() => window.close());
  };
  return (
    <p class="add-english-offer">
      <button type="button" class="small" onClick={open}>
        Add an English version
      </button>
    </p>
  );
}
