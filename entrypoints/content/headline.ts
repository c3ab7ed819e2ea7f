/**
 * The headline of a recognised article: the page block (its h1, or a heading marked as the
 * headline) that the background found reads like a corpus article's title. An exact title (after
 * normalisation) is enough; a close one counts only on a page that also carries paragraphs of
 * that article, so a related-articles list or a look-alike headline elsewhere gets no English.
 * The headline is marked `data-vr-match="<articleId>:title"` and rendered like a paragraph, so the
 * reading modes treat it as they treat every recognised block.
 */

import type { BlockResolution } from '@/core/corpus-resolve';
import type { BlockAnalysis, ParagraphText } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import type { RenderingGroup } from './page-snapshot';

/** The key of an article's title, in `data-vr-match` and `data-vr-translation`. */
export const titleKey = (articleId: string): string => `${articleId}:title`;
/** Whether a key names a title rather than a paragraph. */
export const isTitleKey = (key: string): boolean => key.endsWith(':title');

/** Where an article's headline can be: the page's main heading, or one the page marks as its headline. */
const HEADLINE = 'h1, h2, [itemprop="headline"], [itemprop="title"]';

/**
 * The recognised headlines: each article's first matching h1, else its first matching headline
 * element. Returns the article id of each.
 */
export function findHeadlines(
  blocks: readonly PageBlock[],
  analysisOf: (text: string) => BlockAnalysis,
  resolutions: ReadonlyMap<PageBlock, BlockResolution>,
): Map<PageBlock, string> {
  const onPage = new Set([...resolutions.values()].flatMap((r) => r.matches.map((m) => m.articleId)));
  const best = new Map<string, PageBlock>();
  for (const block of blocks) {
    const title = analysisOf(block.text).title;
    if (!title || resolutions.has(block) || !block.element.matches(HEADLINE)) continue;
    if (!title.exact && !onPage.has(title.articleId)) continue;
    const chosen = best.get(title.articleId);
    if (!chosen || (chosen.element.tagName !== 'H1' && block.element.tagName === 'H1'))
      best.set(title.articleId, block);
  }
  return new Map([...best].map(([id, block]) => [block, id]));
}

/** One rendering after each headline, showing its article's English title. */
export function planHeadlines(
  headlines: ReadonlyMap<PageBlock, string>,
  english: ReadonlyMap<string, ParagraphText>,
): RenderingGroup[] {
  return [...headlines].flatMap(([block, id]) => {
    const title = english.get(titleKey(id));
    return title
      ? [{ after: block, paragraphs: [{ key: titleKey(id), en: title.en, kind: 'title' }], sources: [block] }]
      : [];
  });
}
