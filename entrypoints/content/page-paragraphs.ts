/**
 * "Add an English version": the Vietnamese paragraphs of the page, from the page model's blocks
 * as the last pass read them. Menus and link lists are mostly short lines: a block needs a few
 * words to count (a heading, two), and the reader drops what is still not the article.
 */

import { MAX_PAGE_PARAGRAPHS, type PageParagraphs } from '@/lib/tab-protocol';
import type { PageSnapshot } from './page-snapshot';

const MIN_WORDS = 5;
const MIN_HEADING_WORDS = 2;
const MAX_PARAGRAPH_CHARS = 20_000;

export function pageParagraphs(snapshot: PageSnapshot, url: string, title: string): PageParagraphs {
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const block of snapshot.blocks) {
    const text = block.text.replace(/\s+/g, ' ').trim().slice(0, MAX_PARAGRAPH_CHARS);
    const words = text.split(' ').length;
    const heading = /^H[1-6]$/.test(block.element.tagName);
    if (words < (heading ? MIN_HEADING_WORDS : MIN_WORDS) || seen.has(text)) continue;
    seen.add(text);
    paragraphs.push(text);
    if (paragraphs.length >= MAX_PAGE_PARAGRAPHS) break;
  }
  return { url, title: title.slice(0, 500), paragraphs };
}
