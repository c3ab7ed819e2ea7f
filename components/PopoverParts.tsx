/** Pieces the glossary-term and dictionary popovers share: a note, the Hán syllable by syllable, the corpus articles. */

import { useLayoutEffect, useRef } from 'preact/hooks';
import type { HanSyllable } from '@/core/glossary-format';
import { setSanitizedContent } from '@/lib/sanitize';

/**
 * A glossary note: data that may carry inline formatting, so it goes through the sanitiser. Set in
 * a layout effect, before the popover measures itself to be placed: set later, it would make the
 * popover grow after placement (down over its term, when placed above it).
 */
export function Note({ html }: { html: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (ref.current) setSanitizedContent(ref.current, html);
  }, [html]);
  return <p class="note" ref={ref} />;
}

/** The Hán character of each syllable, with its reading and Unihan's gloss (– for a native syllable). */
export function HanList({ han }: { han: readonly HanSyllable[] }) {
  return (
    <ol class="han" aria-label="Hán characters">
      {han.map((h, i) => (
        <li key={i} class={h.char ? '' : 'native'}>
          <span class="char" lang="zh-Hant">
            {h.char ?? '–'}
          </span>
          <span class="reading" lang="vi">
            {h.syllable.toLowerCase()}
          </span>
          {h.gloss && <span class="gloss">{h.gloss}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The corpus articles a term occurs in, collapsed: the reader opens it when curious. */
export function CorpusArticles({ articles }: { articles: readonly { id: string; en: string }[] }) {
  if (articles.length === 0) return null;
  return (
    <details class="articles">
      <summary class="label">In the corpus</summary>
      <ul>
        {articles.map((a) => (
          <li key={a.id} lang="en">
            {a.en}
          </li>
        ))}
      </ul>
    </details>
  );
}
