import { render } from 'preact';
import { browser } from 'wxt/browser';
import { unwrap, type Protocol } from '@/lib/messaging';
import { startPopupReads, takePopupStart, type StartApi } from '@/lib/popup-start';
import { recentHighlights } from '@/lib/recent-highlights';
import { cleanPopupTab } from '@/lib/settings';
import { aboutTabFromQuery, App } from './App';
import '@/components/theme.css';
import '@/components/article.css';
import './style.css';

// popup-prefetch.js, in the head, has usually started these reads already.
const start = takePopupStart() ?? startPopupReads(browser as unknown as StartApi);
const about = aboutTabFromQuery(location.search).then((fromQuery) =>
  fromQuery === undefined ? start.activeTab : fromQuery,
);

render(
  <App
    about={about}
    lastTab={start.lastTab.then(cleanPopupTab)}
    highlightsCopy={recentHighlights.read(start.recentHighlights)}
    // Settled here, to null on a refusal: the due line waits for the popup's first screen, and an
    // unwatched rejection meanwhile would be reported as uncaught.
    due={start.dueCount.then(
      (reply) => unwrap<Protocol['countDue']['return']>(reply, 'countDue'),
      () => null,
    )}
  />,
  document.getElementById('app')!,
);
