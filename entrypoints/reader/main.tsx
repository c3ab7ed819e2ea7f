import { render } from 'preact';
import { App } from './App';
import { articleIdFromQuery } from './url';
import '@/components/theme.css';
import '@/components/article.css';
import './style.css';

render(<App articleId={articleIdFromQuery(location.search)} />, document.getElementById('app')!);
