import { render } from 'preact';
import { App } from './App';
import { recentHighlights } from '@/lib/recent-highlights';
import { opensOnHighlights, takePrefetched } from '@/lib/recent-highlights-prefetch';
import './style.css';

const initialTab = opensOnHighlights(location.search) ? 'highlights' : 'page';
// Opening on the highlights: their stored copy is read while the interface is being built, not
// after; popup-prefetch.js has usually started the read already.
const highlightsCopy = initialTab === 'highlights' ? recentHighlights.read(takePrefetched()) : undefined;

render(<App initialTab={initialTab} highlightsCopy={highlightsCopy} />, document.getElementById('app')!);
