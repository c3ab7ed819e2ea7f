import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type Protocol } from '@/lib/messaging';

type TabState = Protocol['getTabState']['return'];

/** The tab the popup is about: the active tab, or `?tab=ID` when the popup is opened as a page. */
async function currentTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [state, setState] = useState<TabState | undefined>(undefined);
  useEffect(() => {
    void (async () => {
      const tabId = await currentTabId();
      setState(tabId === undefined ? null : await sendMessage('getTabState', { tabId }));
    })();
  }, []);
  return (
    <main>
      <h1>Song ngữ</h1>
      {state === undefined ? (
        <p>Loading…</p>
      ) : state === null ? (
        <p>Not a news page this extension reads.</p>
      ) : (
        <section data-testid="page-state">
          <p data-testid="page-title">{state.title}</p>
          <p>{state.matched} paragraphs recognised</p>
        </section>
      )}
    </main>
  );
}
