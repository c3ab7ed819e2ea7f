/**
 * The demo's news pages: one realistic article page per corpus article, with a site header and
 * menu, breadcrumbs, byline, lead, figures with captions, the article body, related links and a
 * footer, in the markup Vietnamese news sites use. Our own template (the saved real pages are for
 * tests only).
 */

import { JSDOM } from 'jsdom';
import type { CorpusArticle } from '../../core/corpus-schema';

/** Where each demo article is served: the outlet's own site when the seed names it. */
export function demoLocation(article: CorpusArticle, i: number): { host: string; path: string } {
  const outlet = article.source.outlet?.toLowerCase() ?? '';
  const host = outlet.includes('baoquocte')
    ? 'baoquocte.vn'
    : outlet.includes('vnf') || outlet.includes('vietnamfinance')
      ? 'vietnamfinance.vn'
      : ['dantri.com.vn', 'vnexpress.net', 'tuoitre.vn', 'thanhnien.vn'][i % 4]!;
  return { host, path: `/the-gioi/${article.id}.htm` };
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 17px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fafafa; }
  .site-header { background: #9f224e; color: #fff; }
  .site-header .inner, .menu .inner, .page, footer .inner { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
  .site-header .inner { display: flex; align-items: center; gap: 24px; height: 56px; }
  .logo { font: 700 24px/1 Arial, sans-serif; letter-spacing: -0.5px; }
  .logo small { font-weight: 400; font-size: 13px; opacity: 0.8; margin-left: 6px; }
  .menu { background: #fff; border-bottom: 1px solid #e5e5e5; font: 14px/44px Arial, sans-serif; }
  .menu ul { display: flex; gap: 22px; margin: 0; padding: 0; list-style: none; }
  .menu a { color: #222; text-decoration: none; }
  .page { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 40px; padding-top: 20px; padding-bottom: 40px; }
  .breadcrumb { font: 13px Arial, sans-serif; color: #9f224e; margin: 0 0 8px; }
  h1.title-detail { font: 700 32px/1.25 Arial, sans-serif; margin: 0 0 10px; }
  .meta { font: 13px Arial, sans-serif; color: #757575; margin-bottom: 16px; }
  .sapo { font-weight: 700; }
  figure { margin: 18px 0; }
  figure img { display: block; width: 100%; height: auto; background: #cbd5e1; }
  figcaption { font: italic 14px/1.5 Arial, sans-serif; color: #555; background: #f0f0f0; padding: 8px 10px; }
  figcaption p { margin: 0; }
  article h2 { font: 700 21px/1.3 Arial, sans-serif; margin: 26px 0 10px; }
  .author { text-align: right; }
  aside { font: 15px/1.45 Arial, sans-serif; }
  aside h3 { font-size: 16px; border-bottom: 2px solid #9f224e; padding-bottom: 6px; }
  aside ul { list-style: none; padding: 0; margin: 0; }
  aside li { padding: 8px 0; border-bottom: 1px solid #e5e5e5; }
  aside a { color: #222; text-decoration: none; }
  footer { background: #2b2b2b; color: #bbb; font: 13px/1.6 Arial, sans-serif; padding: 20px 0; }
`;

const PLACEHOLDER =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="420"><rect width="800" height="420" fill="#cbd5e1"/><text x="400" y="220" font-family="Arial" font-size="22" fill="#64748b" text-anchor="middle">Ảnh minh họa</text></svg>',
  );

/** Builds one demo page; `related` are the other articles, listed as related links. */
export function demoPage(
  article: CorpusArticle,
  related: readonly { title: string; href: string }[],
  host: string,
): string {
  const dom = new JSDOM('<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body></body></html>');
  const doc = dom.window.document;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: { class?: string; text?: string } = {},
    ...children: Node[]
  ) => {
    const e = doc.createElement(tag);
    if (props.class) e.className = props.class;
    if (props.text !== undefined) e.textContent = props.text;
    e.append(...children);
    return e;
  };
  doc.title = `${article.title.vi} | ${host}`;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const viewport = doc.createElement('meta');
  viewport.setAttribute('name', 'viewport');
  viewport.setAttribute('content', 'width=device-width, initial-scale=1');
  doc.head.append(viewport, style);

  const logo = el('div', { class: 'logo', text: host }, el('small', { text: 'Báo điện tử (bản demo)' }));
  const header = el('header', { class: 'site-header' }, el('div', { class: 'inner' }, logo));
  const menuList = el('ul');
  for (const item of ['Thời sự', 'Thế giới', 'Kinh doanh', 'Quân sự', 'Công nghệ', 'Đời sống']) {
    const a = el('a', { text: item });
    a.setAttribute('href', '/');
    menuList.append(el('li', {}, a));
  }
  const nav = el('nav', { class: 'menu' }, el('div', { class: 'inner' }, menuList));

  const body = el('article', { class: 'fck_detail' });
  body.append(el('p', { class: 'breadcrumb', text: 'Thế giới › Quân sự' }));
  body.append(el('h1', { class: 'title-detail', text: article.title.vi }));
  const meta = [article.source.author, article.source.published?.slice(0, 10)].filter(Boolean).join(' · ');
  if (meta) body.append(el('p', { class: 'meta', text: meta }));
  for (const p of article.paragraphs) {
    switch (p.kind) {
      case 'lead':
        body.append(el('p', { class: 'sapo', text: p.vi }));
        break;
      case 'heading':
        body.append(el('h2', { text: p.vi }));
        break;
      case 'caption': {
        const img = el('img');
        img.setAttribute('src', PLACEHOLDER);
        img.setAttribute('alt', '');
        body.append(el('figure', { class: 'tplCaption' }, img, el('figcaption', {}, el('p', { text: p.vi }))));
        break;
      }
      case 'credit':
        body.append(el('p', { class: 'author' }, el('strong', { text: p.vi })));
        break;
      default:
        body.append(el('p', { class: 'Normal', text: p.vi }));
    }
  }
  const relatedList = el('ul');
  for (const r of related) {
    const a = el('a', { text: r.title });
    a.setAttribute('href', r.href);
    relatedList.append(el('li', {}, a));
  }
  const aside = el('aside', {}, el('h3', { text: 'Tin liên quan' }), relatedList);
  const main = el('main', { class: 'page' }, body, aside);
  const footer = el(
    'footer',
    {},
    el('div', { class: 'inner', text: `© ${host} — trang demo của Song ngữ, phục vụ cho việc thử nghiệm.` }),
  );
  doc.body.append(header, nav, main, footer);
  return dom.serialize();
}
