import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArticleReader } from '@/components/ArticleReader';
import { ModeSwitch } from '@/components/ModeSwitch';
import { PageSummary } from '@/components/PageSummary';
import type { CorpusArticle } from '@/core/corpus-schema';
import { isNewsSiteUrl, siteOfUrl } from '@/core/site';
import { sendMessage } from '@/lib/messaging';
import type { TabState, ViewMode } from '@/lib/protocol';
import type { RecentHighlights } from '@/lib/recent-highlights';
import { popupTab, setViewMode, viewModeFor, type PopupTab } from '@/lib/settings';
import { HighlightsTab } from './HighlightsTab';
import { PopupTabs } from './PopupTabs';

/** The tab the popup is about: the browser tab the reader was on when opening it. */
export interface AboutTab {
  id?: number;
  url?: string;
}

/**
 * Where the popup opens: on a page the extension reads, the tab the reader chose last there
 * ("This page" at first); anywhere else (another site, a new tab, the popup opened as a tab of its
 * own), the highlights, since there is nothing to say about the page.
 */
export function openingTab(about: AboutTab | null, lastTab: PopupTab): PopupTab {
  return about?.url && isNewsSiteUrl(about.url) ? lastTab : 'highlights';
}

function ThisPage({ tabId }: { tabId: number | undefined }) {
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

  if (state === undefined) return <p class="muted">Loading…</p>;
  if (state === null) return <p class="muted">The extension has not read this page yet: it is still loading.</p>;
  const site = siteOfUrl(state.url);
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

const TABS = [
  { id: 'page', label: 'This page' },
  { id: 'highlights', label: 'Highlights' },
] as const;

interface Props {
  /** The browser tab the popup is about, once known. */
  about: Promise<AboutTab | null>;
  /** The tab chosen last on a page the extension reads. */
  lastTab: Promise<PopupTab>;
  /** The stored copy of the newest highlights, already being read. */
  highlightsCopy?: Promise<RecentHighlights | null>;
}

export function App({ about, lastTab, highlightsCopy }: Props) {
  const [opening, setOpening] = useState<{ about: AboutTab | null; tab: PopupTab } | null>(null);
  const [tab, setTab] = useState<PopupTab>('page');
  // The copy read at opening describes the highlights as they were then: coming back to the tab
  // later reads it afresh.
  const [copy, setCopy] = useState(highlightsCopy);

  useEffect(() => {
    void Promise.all([about, lastTab]).then(([a, last]) => {
      const first = openingTab(a, last);
      setOpening({ about: a, tab: first });
      setTab(first);
    });
  }, [about, lastTab]);

  if (!opening) return <main aria-busy="true" />;
  const readsPage = !!opening.about?.url && isNewsSiteUrl(opening.about.url);
  const show = (t: PopupTab) => {
    if (t === tab) return;
    setCopy(undefined);
    setTab(t);
    // Remembered only where the choice exists: elsewhere the popup always opens on the highlights.
    if (readsPage) void popupTab.setValue(t);
  };
  return (
    <main>
      <PopupTabs title={<h1>Song ngữ</h1>} tabs={TABS} selected={tab} onSelect={show}>
        {tab === 'page' ? (
          readsPage ? (
            <ThisPage tabId={opening.about?.id} />
          ) : (
            <p class="muted">Song ngữ reads Vietnamese news sites; this tab is not one of them.</p>
          )
        ) : (
          <HighlightsTab copy={copy} autoFocusSearch={opening.tab === 'highlights' && copy === highlightsCopy} />
        )}
      </PopupTabs>
    </main>
  );
}

/** The tab a popup opened as a page for `?tab=ID` is about (tests and automation open it so). */
export async function aboutTabFromQuery(search: string): Promise<AboutTab | null | undefined> {
  const id = new URLSearchParams(search).get('tab');
  if (id === null || !/^\d+$/.test(id)) return undefined;
  const tab = await browser.tabs.get(Number(id)).catch(() => null);
  return tab ? { id: tab.id, url: tab.url } : null;
}
