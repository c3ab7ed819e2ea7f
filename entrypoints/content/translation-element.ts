/**
 * The English rendering inserted after a matched block: our own element, `<vr-translation>`, so no
 * host element changes. Its English is light-DOM text (selectable, copyable, read by screen
 * readers); a shadow root only styles it, following the page's colours so it sits in the page's
 * light or dark scheme while staying visibly ours.
 */

import type { ViewMode } from '@/lib/protocol';
import type { RenderedParagraph } from './page-snapshot';

export const TRANSLATION_TAG = 'vr-translation';
const PARAGRAPH_TAG = 'vr-p';

const STYLE = `
:host {
  display: block;
  box-sizing: border-box;
  margin: 0.4em 0 1.2em;
  padding: 0.5em 0.85em 0.6em;
  border-left: 3px solid color-mix(in srgb, #2563eb 75%, currentColor);
  border-radius: 3px;
  background: color-mix(in srgb, currentColor 5%, transparent);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 0.94em;
  font-style: normal;
  font-weight: normal;
  line-height: 1.55;
  text-align: start;
  color: inherit;
}
:host::before {
  content: "EN";
  display: block;
  margin-bottom: 0.25em;
  font: 600 0.68em/1 system-ui, sans-serif;
  letter-spacing: 0.08em;
  color: color-mix(in srgb, #2563eb 75%, currentColor);
}
:host([data-vr-mode="original"]), :host([hidden]) { display: none; }
:host([data-vr-mode="english"]) { font-size: 1.02em; border-left-width: 4px; }
::slotted(vr-p) { display: block; }
::slotted(vr-p:not(:first-of-type)) { margin-top: 0.6em; }
::slotted(vr-p[data-kind="caption"]) { font-style: italic; }
::slotted(vr-p[data-kind="heading"]) { font-weight: 600; }
::slotted(vr-p[data-kind="title"]) { font-weight: 650; font-size: 1.25em; line-height: 1.3; }
`;

/** Creates the rendering for a block (not yet inserted). */
export function createTranslation(
  doc: Document,
  paragraphs: readonly RenderedParagraph[],
  mode: ViewMode,
): HTMLElement {
  const el = doc.createElement(TRANSLATION_TAG);
  el.setAttribute('lang', 'en');
  el.setAttribute('translate', 'no');
  const shadow = el.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  shadow.append(style, doc.createElement('slot'));
  fillTranslation(el, paragraphs, mode);
  return el;
}

/** The value of `data-vr-translation` for these paragraphs. */
export const translationValue = (paragraphs: readonly RenderedParagraph[]): string =>
  paragraphs.map((p) => p.key).join(' ');

/** Sets or replaces the English of a rendering. */
export function fillTranslation(el: HTMLElement, paragraphs: readonly RenderedParagraph[], mode: ViewMode): void {
  const doc = el.ownerDocument;
  el.setAttribute('data-vr-translation', translationValue(paragraphs));
  el.setAttribute('data-vr-mode', mode);
  const children: Node[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) children.push(doc.createTextNode('\n'));
    const para = doc.createElement(PARAGRAPH_TAG);
    para.setAttribute('data-vr-paragraph', p.key);
    if (p.kind !== 'text') para.setAttribute('data-kind', p.kind);
    para.textContent = p.en;
    children.push(para);
  });
  el.replaceChildren(...children);
}

export function setTranslationMode(el: Element, mode: ViewMode): void {
  if (el.getAttribute('data-vr-mode') !== mode) el.setAttribute('data-vr-mode', mode);
}
