import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArticleReader } from '@/components/ArticleReader';
import { ModeSwitch } from '@/components/ModeSwitch';
import { PageSummary } from '@/components/PageSummary';
import { HighlightsTab } from './HighlightsTab';
import type { CorpusArticle } from '@/core/corpus-schema';
import { sendMessage, type Protocol } from '@/lib/messaging';
import type { ViewMode } from '@/lib/protocol';
import type { RecentHighlights } from '@/lib/recent-highlights';
import { setViewMode, viewModeFor } from '@/lib/settings';
import { siteOf } from '@/lib/sites';

type TabState = Protocol['getTabState']['return'];

/** The tab the popup is about: the active tab, or `?tab=ID` when the popup is opened as a page. */
async function currentTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function ThisPage() {
  const [state, setState] = useState<TabState | undefined>(undefined);
  const [article, setArticle] = useState<CorpusArticle | null>(null);
  const [mode, setMode] = useState<ViewMode>('bilingual');
  const [reading, setReading] = useState(false);

  useEffect(() => {
    void (async () => {
      const tabId = await currentTabId();
      const s = tabId === undefined ? null : await sendMessage('getTabState', { tabId });
      setState(s);
      if (!s) return;
      setMode(await viewModeFor(siteOf(new URL(s.url).hostname)));
      const recognised = s.articles[0];
      if (recognised) setArticle(await sendMessage('getArticle', { articleId: recognised.id }));
    })();
  }, []);

  if (state === undefined) return <p class="muted">Loading…</p>;
  if (state === null) {
    return <p class="muted">This tab is not a Vietnamese news page the extension reads.</p>;
  }
  const site = siteOf(new URL(state.url).hostname);
  const changeMode = (m: ViewMode) => {
    setMode(m);
    void setViewMode(site, m);
  };
  if (reading && article) {
    return (
      <>
        <button type="button" class="back" onClick={() => setReading(false)}>
          ← Back
        </button>
        <ArticleReader article={article} onPage={new Set(state.articles[0]?.paragraphs ?? [])} />
      </>
    );
  }
  return (
    <>
      <PageSummary state={state} article={article} onRead={() => setReading(true)} />
      <ModeSwitch mode={mode} site={site} onChange={changeMode} />
    </>
  );
}

/** The popup's two views: the current tab's page, and the saved highlights. */
export type Tab = 'page' | 'highlights';

interface Props {
  initialTab: Tab;
  /** The stored copy of the newest highlights, already being read when the popup opens on them. */
  highlightsCopy?: Promise<RecentHighlights | null>;
}

export function App({ initialTab, highlightsCopy }: Props) {
  const [tab, setTab] = useState<Tab>(initialTab);
  // The copy read at opening describes the highlights as they were then: coming back to the tab
  // later reads it afresh.
  const [copy, setCopy] = useState(highlightsCopy);
  const show = (t: Tab) => {
    if (t !== tab) setCopy(undefined);
    setTab(t);
  };
  return (
    <main>
      <header class="app-header">
        <h1>Song ngữ</h1>
        <div role="tablist" aria-label="Views">
          <button type="button" role="tab" aria-selected={tab === 'page'} onClick={() => show('page')}>
            This page
          </button>
          <button type="button" role="tab" aria-selected={tab === 'highlights'} onClick={() => show('highlights')}>
            Highlights
          </button>
        </div>
      </header>
      <div role="tabpanel">{tab === 'page' ? <ThisPage /> : <HighlightsTab copy={copy} />}</div>
    </main>
  );
}
