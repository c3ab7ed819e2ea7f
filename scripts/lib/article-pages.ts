/**
 * Builds realistic news pages around corpus articles: a saved real page from
 * ../shared/fixtures/pages keeps its header, menus, related links and scripts, and its article
 * body is replaced by a corpus article in that site's kind of markup. Used by the end-to-end
 * tests and the benchmarks.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { CorpusArticle, CorpusParagraph } from '../../core/corpus-schema';
import { FIXTURE_PAGES_DIR } from './paths';
import { seededRandom } from './variations';

/** A saved page and where its article body is. */
export interface PageTemplate {
  readonly file: string;
  /** The host the page is served under (its real site). */
  readonly host: string;
  /** CSS selector of the article body to replace. */
  readonly container: string;
}

export const TEMPLATES: Record<string, PageTemplate> = {
  dantri: { file: 'dantri1.html', host: 'dantri.com.vn', container: '#ctl00_IDContent_ctl00_divContent' },
  vnexpress: { file: 'vnexpress-2025-10-22.html', host: 'vnexpress.net', container: 'article.fck_detail' },
  thanhnien: { file: 'thanhnien1.html', host: 'thanhnien.vn', container: '.article-content' },
  znews: { file: 'zing1.html', host: 'znews.vn', container: '#content_document' },
  soha: { file: 'soha1.html', host: 'soha.vn', container: '#newscontent' },
  ngoisao: { file: 'ngoisao1.html', host: 'ngoisao.vnexpress.net', container: '.detailCT' },
};

/** How the article's text and markup differ from the corpus, as real pages do. */
export interface MarkupOptions {
  /** Transforms each paragraph's text (NFD, tone style, Ð…); applied before markup. */
  transform?: (text: string, index: number) => string;
  /** Wraps some words in a, strong, em and span, and breaks some paragraphs with <br>. */
  inlineMarkup?: boolean;
  /** Seed for the random choices of inlineMarkup. */
  seed?: number;
  /** Paragraph indexes to leave out. */
  omit?: readonly number[];
}

const PLACEHOLDER_IMAGE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#cbd5e1"/></svg>',
  );

/**
 * Appends `text` to `parent`, splitting it across inline elements (a, strong, em, span) the way
 * CMSs do, and now and then a <br> between words.
 */
function appendText(doc: Document, parent: Element, text: string, random: (() => number) | null): void {
  if (!random) {
    parent.append(doc.createTextNode(text));
    return;
  }
  const words = text.split(' ');
  let run = '';
  const flush = () => {
    if (run) parent.append(doc.createTextNode(run));
    run = '';
  };
  words.forEach((word, i) => {
    const last = i === words.length - 1;
    if (random() < 0.08) {
      flush();
      const tag = (['a', 'strong', 'em', 'span'] as const)[Math.floor(random() * 4)]!;
      const el = doc.createElement(tag);
      if (tag === 'a') el.setAttribute('href', `/tag/${encodeURIComponent(word.toLowerCase())}.htm`);
      el.textContent = word;
      parent.append(el);
      run = last ? '' : ' ';
    } else {
      run += word + (last ? '' : ' ');
    }
    if (!last && random() < 0.015) {
      run = run.trimEnd();
      flush();
      parent.append(doc.createElement('br'));
    }
  });
  flush();
}

/** One paragraph in the markup its kind gets on news sites. */
function paragraphElement(doc: Document, p: CorpusParagraph, text: string, random: (() => number) | null): Element {
  switch (p.kind) {
    case 'heading': {
      const h = doc.createElement('h2');
      appendText(doc, h, text, random);
      return h;
    }
    case 'lead': {
      const lead = doc.createElement('p');
      lead.className = 'sapo';
      const strong = doc.createElement('strong');
      appendText(doc, strong, text, null);
      lead.append(strong);
      return lead;
    }
    case 'caption': {
      const figure = doc.createElement('figure');
      figure.className = 'image';
      const img = doc.createElement('img');
      img.setAttribute('src', PLACEHOLDER_IMAGE);
      img.setAttribute('alt', '');
      const caption = doc.createElement('figcaption');
      const inner = doc.createElement('p');
      appendText(doc, inner, text, null);
      caption.append(inner);
      figure.append(img, caption);
      return figure;
    }
    case 'credit': {
      const credit = doc.createElement('p');
      credit.className = 'author';
      const strong = doc.createElement('strong');
      strong.textContent = text;
      credit.append(strong);
      return credit;
    }
    default: {
      const para = doc.createElement('p');
      para.className = 'Normal';
      appendText(doc, para, text, random);
      return para;
    }
  }
}

/** The article body as elements: title, then each paragraph in its kind's markup. */
export function articleElements(doc: Document, article: CorpusArticle, options: MarkupOptions = {}): Element[] {
  const random = options.inlineMarkup ? seededRandom(options.seed ?? 1) : null;
  const transform = options.transform ?? ((t: string) => t);
  const omit = new Set(options.omit ?? []);
  return article.paragraphs.flatMap((p, i) =>
    omit.has(i) ? [] : [paragraphElement(doc, p, transform(p.vi, i), random)],
  );
}

/**
 * A saved page with its article body replaced by `body` (elements built in the page's document by
 * `build`), and its title by `title`.
 */
export function pageWithBody(template: PageTemplate, title: string, build: (doc: Document) => Element[]): string {
  const html = readFileSync(join(FIXTURE_PAGES_DIR, template.file), 'utf8');
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const container = doc.querySelector(template.container);
  if (!container) throw new Error(`${template.file}: no ${template.container}`);
  container.replaceChildren(...build(doc));
  const h1 = doc.querySelector('h1');
  if (h1) h1.textContent = title;
  else {
    const heading = doc.createElement('h1');
    heading.className = 'title-detail';
    heading.textContent = title;
    container.before(heading);
  }
  doc.title = title;
  return dom.serialize();
}

/** A corpus article inside a real page template. */
export function articlePage(template: PageTemplate, article: CorpusArticle, options: MarkupOptions = {}): string {
  return pageWithBody(template, article.title.vi, (doc) => articleElements(doc, article, options));
}
