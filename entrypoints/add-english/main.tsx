import { render } from 'preact';
import { AddEnglish } from '@/components/AddEnglish';
import { Brand } from '@/components/Brand';
import { sendMessage } from '@/lib/messaging';
import '@/components/theme.css';
import './style.css';

// Opened by the popup's "Add an English version" with the tab whose page to translate.
const tabId = Number(new URLSearchParams(location.search).get('tab'));
const load = () =>
  Number.isInteger(tabId) && tabId >= 0 ? sendMessage('getPageParagraphs', { tabId }) : Promise.resolve(null);

render(
  <main class="add-english-page">
    <Brand as="h1" page="Add an English version" />
    <AddEnglish load={load} onSave={(article) => sendMessage('saveArticle', { article })} />
  </main>,
  document.getElementById('app')!,
);
