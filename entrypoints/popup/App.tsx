import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Brand } from '@/components/Brand';
import { GlobeIcon, SettingsIcon } from '@/components/icons';
import { isNewsSiteUrl } from '@/core/site';
import type { DueCount } from '@/lib/protocol';
import type { RecentHighlights } from '@/lib/recent-highlights';
import { popupTab, type PopupTab } from '@/lib/settings';
import { DueLine } from './DueLine';
import { HighlightsTab } from './HighlightsTab';
import { PopupTabs } from './PopupTabs';
import { SiteAccess, useSiteAccess } from './SiteAccess';
import { ThisPage } from './ThisPage';

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

/** The "This page" tab anywhere the extension does not read. */
function NotANewsPage() {
  return (
    <div class="empty card">
      <GlobeIcon size={22} />
      <p>Song ngữ reads Vietnamese news sites; this tab is not one of them.</p>
      <a class="button" href="/welcome.html#sites" target="_blank" rel="noopener">
        See the supported sites
      </a>
    </div>
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
  /** How many review cards are due, already being counted (null when it could not be). */
  due: Promise<DueCount | null>;
}

export function App({ about, lastTab, highlightsCopy, due }: Props) {
  const [opening, setOpening] = useState<{ about: AboutTab | null; tab: PopupTab } | null>(null);
  const [tab, setTab] = useState<PopupTab>('page');
  // The copy read at opening describes the highlights as they were then: coming back to the tab
  // later reads it afresh.
  const [copy, setCopy] = useState(highlightsCopy);
  const access = useSiteAccess(opening?.about ?? null);

  // A layout effect, not a plain one (which waits for a paint): the reads were started in the
  // popup's head and have usually settled, so the first screen is painted with them, not after
  // an empty frame.
  useLayoutEffect(() => {
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
      <PopupTabs
        title={<Brand as="h1" />}
        tabs={TABS}
        selected={tab}
        onSelect={show}
        end={
          <button
            type="button"
            class="ghost icon"
            title="Settings"
            aria-label="Settings"
            onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
          >
            <SettingsIcon />
          </button>
        }
      >
        {tab === 'page' ? (
          access === 'never' ? (
            <SiteAccess about={opening.about} access={access} />
          ) : access === 'addable' ? (
            <>
              <NotANewsPage />
              <SiteAccess about={opening.about} access={access} />
            </>
          ) : readsPage || access === 'added' ? (
            <>
              <ThisPage tabId={opening.about?.id} />
              {access === 'default' && <SiteAccess about={opening.about} access={access} />}
            </>
          ) : (
            <NotANewsPage />
          )
        ) : (
          <HighlightsTab copy={copy} autoFocusSearch={opening.tab === 'highlights' && copy === highlightsCopy} />
        )}
      </PopupTabs>
      <DueLine due={due} />
      {/* Below the tabs, not in the header: the header holds the mark, the tabs and settings at 360 px. */}
      <p class="popup-links">
        <a class="button small ghost" href="/library.html" target="_blank" rel="noopener" data-testid="open-library">
          Library
        </a>
      </p>
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
