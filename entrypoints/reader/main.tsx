import { render } from 'preact';
import { App } from './App';
import { articleIdFromQuery } from './url';
import '@/components/theme.css';
import '@/components/page-chrome.css';
// The page's own stylesheet on news pages (painted terms and highlights, "English only"): the
// reader's document is read by the same pipeline, so it takes the same sheet.
import '../page-highlights.content.css';
import './style.css';

render(<App articleId={articleIdFromQuery(location.search)} />, document.getElementById('app')!);
