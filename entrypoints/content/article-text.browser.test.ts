import { describe, expect, test } from 'vitest';
import { inPageChrome, isArticleText, linkShare, type ChromeMemo } from './article-text';
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

describe('page chrome by ancestry, with the answers of one pass kept', () => {
  test('a shared memo answers as asking afresh does, in any order, and records every element on the paths asked', () => {
    document.body.innerHTML = `
      <div id="page">
        <div class="main-nav"><ul><li><span id="a">Thế giới</span></li></ul></div>
        <article>
          <div class="body"><p id="b">Bình Nhưỡng</p><p id="d">Mát-xcơva</p></div>
          <div class="box-category"><p id="c">Xem thêm</p></div>
        </article>
      </div>`;
    const el = (id: string) => document.getElementById(id)!;
    const expected = { a: true, b: false, c: true, d: false };
    for (const order of [
      ['b', 'a', 'c', 'd'],
      ['c', 'd', 'a', 'b'],
      ['a', 'b', 'b', 'c', 'a', 'd'],
    ]) {
      const memo: ChromeMemo = new Map();
      for (const id of order) {
        expect(inPageChrome(el(id), memo)).toBe(expected[id as keyof typeof expected]);
        expect(inPageChrome(el(id))).toBe(expected[id as keyof typeof expected]);
      }
      // Every element below <body> on the paths asked is known, with its own answer, and no other.
      const onPaths = new Map<Element, boolean>();
      for (const id of order) {
        let chrome = false;
        const path: Element[] = [];
        for (let e: Element | null = el(id); e && e !== document.body; e = e.parentElement) path.unshift(e);
        for (const e of path) onPaths.set(e, (chrome ||= /main-nav|box-category/.test(e.className)));
      }
      expect(memo).toEqual(onPaths);
    }
    // Asked about the block's parent first, the block's own walk stops there.
    const memo: ChromeMemo = new Map([[document.querySelector('.body')!, true]]);
    expect(inPageChrome(el('b'), memo)).toBe(true);
  });
});
