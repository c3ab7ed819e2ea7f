import { describe, expect, test } from 'vitest';
import { isArticleText, linkShare } from './article-text';
import { collectBlocks } from './blocks';

async function blocksOf(html: string) {
  document.body.innerHTML = html;
  return collectBlocks(document.body);
}

describe('the share of a block inside links', () => {
  test.each([
    ['no link', '<p>Quân đội Nga tiến vào Kursk.</p>', 0],
    ['all of it a link', '<p><a href="/a">Quân đội Nga</a></p>', 1],
    ['inside a link', '<a href="/a"><p>Quân đội Nga</p></a>', 1],
    // "Nga" (3 letters) of "Quân đội Nga tiến" (14 letters: the spaces and the no-break space not counted).
    ['part of it', '<p>Quân đội <a href="/nga">Nga</a>\u00a0tiến</p>', 3 / 14],
    ['an anchor without href is not a link', '<p><a name="x">Quân đội Nga</a> tiến</p>', 0],
  ])('%s', async (_name, html, share) => {
    const [block] = await blocksOf(html);
    expect(linkShare(block!)).toBeCloseTo(share, 6);
  });

  test('a list of links is not the article text; a paragraph with one link is', async () => {
    const [menu, paragraph] = await blocksOf(
      '<div><a href="/1">Thế giới</a> <a href="/2">Thời sự</a></div><p>Bình Nhưỡng gửi <a href="/q">quân</a> tới Nga trong tháng này.</p>',
    );
    expect(isArticleText(menu!)).toBe(false);
    expect(isArticleText(paragraph!)).toBe(true);
  });
});
