/**
 * The popup's "This page" word count: how many distinct words a tab's page has, and what share
 * the reader knows.
 *
 * Nothing extra runs while a page is read: the texts the content script sends for analysis are
 * kept (by reference, deduplicated, capped) for its tab, and segmented only when the popup asks,
 * the new ones since last time. A tab's texts are forgotten when it closes or shows another page.
 */

import { browser } from 'wxt/browser';
import { collectPageWords, MAX_PAGE_WORDS } from '@/core/page-words';
import type { SenderInfo } from '@/lib/messaging';
import type { PageWords } from '@/lib/protocol';
import { withShards } from './engine';
import type { WordStore } from './word-store';

/** The most text kept per tab: a long article page is a tenth of this. */
const MAX_CHARS_PER_TAB = 2_000_000;

interface TabTexts {
  url: string;
  texts: Set<string>;
  chars: number;
  /** The words of the texts segmented so far, and how many texts that was. */
  words: Set<string>;
  read: number;
}

const tabs = new Map<number, TabTexts>();
let listening = false;

/** Keeps the texts a tab's top frame sent for analysis, for the word count. */
export function notePageTexts(sender: SenderInfo, texts: readonly string[]): void {
  if (sender.tabId === undefined || (sender.frameId ?? 0) !== 0 || !sender.url || sender.isExtensionPage) return;
  if (!listening) {
    listening = true;
    browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
  }
  let tab = tabs.get(sender.tabId);
  if (!tab || tab.url !== sender.url) {
    tab = { url: sender.url, texts: new Set(), chars: 0, words: new Set(), read: 0 };
    tabs.set(sender.tabId, tab);
  }
  for (const text of texts) {
    if (tab.chars + text.length > MAX_CHARS_PER_TAB) break;
    if (tab.texts.has(text)) continue;
    tab.texts.add(text);
    tab.chars += text.length;
  }
}

/** The word count of a tab's page; null when no text of it was analysed (in this worker's life). */
export async function countPageWords(tabId: number, words: WordStore): Promise<PageWords | null> {
  const tab = tabs.get(tabId);
  if (!tab) return null;
  if (tab.read < tab.texts.size) {
    const start = tab.read;
    const fresh = [...tab.texts].slice(start);
    // Into a set of its own (a first read that lacked some shards is run again, not added to),
    // added once the words are known: a count asked for meanwhile reads the same texts again
    // rather than losing them, and sets only grow.
    const found = await withShards((lexicon) => collectPageWords(lexicon, fresh));
    for (const w of found) {
      if (tab.words.size >= MAX_PAGE_WORDS) break;
      tab.words.add(w);
    }
    tab.read = Math.max(tab.read, start + fresh.length);
  }
  const [known, learning] = await Promise.all([
    words.headwordsWithStatus('known'),
    words.headwordsWithStatus('learning'),
  ]);
  const among = (list: string[]) => list.reduce((n, h) => n + (tab.words.has(h) ? 1 : 0), 0);
  return { words: tab.words.size, known: among(known), learning: among(learning) };
}
