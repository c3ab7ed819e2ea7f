/**
 * The one place where text from data becomes markup. Glossary notes may carry a little inline
 * formatting (italics for a foreign word, ruby for Hán characters); everything else that reaches
 * the page is set as text. Only this module may use innerHTML-like sinks (enforced by lint).
 */

import DOMPurify, { type Config } from 'dompurify';

/** Inline formatting a glossary field may use. No links, no media, no styles, no event handlers. */
const CONFIG: Config = {
  ALLOWED_TAGS: [
    'b',
    'strong',
    'i',
    'em',
    'u',
    'sub',
    'sup',
    'small',
    'br',
    'span',
    'ruby',
    'rt',
    'rp',
    'abbr',
    'q',
    'cite',
  ],
  ALLOWED_ATTR: ['lang', 'title'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

type Purifier = ReturnType<typeof DOMPurify>;
const purifiers = new WeakMap<Window, Purifier>();

function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    // DOMPurify wants the window's constructors; a real Window has them all.
    purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
    purifiers.set(win, purifier);
  }
  return purifier;
}

/**
 * Sanitises `html` into a fragment owned by `doc`, ready to append. Anything outside the inline
 * allowlist is dropped; the text inside disallowed elements is kept unless they are script-like.
 */
export function sanitizeToFragment(html: string, doc: Document = document): DocumentFragment {
  const win = doc.defaultView;
  if (!win) throw new Error('sanitizeToFragment needs a document with a window');
  const purifier = purifierFor(win);
  const clean = purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  return doc.importNode(clean, true);
}

/** Replaces the children of `element` with the sanitised form of `html`. */
export function setSanitizedContent(element: Element, html: string): void {
  element.replaceChildren(sanitizeToFragment(html, element.ownerDocument));
}

/** The text a reader would see if `html` were rendered: for screen-reader labels and search. */
export function sanitizedText(html: string, doc: Document = document): string {
  return sanitizeToFragment(html, doc).textContent ?? '';
}
