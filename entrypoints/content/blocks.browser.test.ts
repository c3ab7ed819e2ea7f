import { beforeEach, describe, expect, test } from 'vitest';
import { collectBlocks, isInSkippedSubtree, locate, ownerOf } from './blocks';
import { Pacer } from './scheduler';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('collectBlocks', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  test.each([
    [
      'a paragraph with inline markup is one block',
      '<p>Quân đội <b>Triều</b> <a href="#">Tiên</a> đã đến.</p>',
      ['Quân đội Triều Tiên đã đến.'],
    ],
    [
      'nested blocks do not run into each other',
      '<div>Lead text<p>First para.</p>Tail text</div>',
      ['Lead text\nTail text', 'First para.'],
    ],
    ['a <br> separates lines', '<p>Dòng một<br>Dòng hai</p>', ['Dòng một\nDòng hai']],
    [
      'navigation, footers, asides, menus are skipped',
      '<nav><p>Thời sự</p></nav><p>Bài viết.</p><footer><p>Liên hệ</p></footer><aside><p>Xem thêm</p></aside>',
      ['Bài viết.'],
    ],
    [
      'ARIA roles of page chrome are skipped',
      '<div role="navigation"><p>Menu</p></div><div role="banner"><p>Logo</p></div><p>Nội dung.</p>',
      ['Nội dung.'],
    ],
    [
      'editable regions and form controls are skipped',
      '<div contenteditable="true"><p>Bình luận</p></div><textarea>Gõ</textarea><p>Tin.</p>',
      ['Tin.'],
    ],
    [
      'the extension’s own elements are skipped',
      '<p>Tin.</p><vr-translation><vr-p>News.</vr-p></vr-translation><song-ngu-ui><p>UI</p></song-ngu-ui>',
      ['Tin.'],
    ],
    [
      'a site header outside the article is skipped, an article header is read',
      '<header><p>Báo</p></header><article><header><h1>Tiêu đề</h1></header><p>Thân bài.</p></article>',
      ['Tiêu đề', 'Thân bài.'],
    ],
    ['blocks of only punctuation or space are dropped', '<p> — </p><p>  </p><p>Chữ.</p>', ['Chữ.']],
  ])('%s', async (_name, html, texts) => {
    const blocks = await collectBlocks(page(html));
    expect(blocks.map((b) => b.text)).toEqual(texts);
  });

  test('each segment starts where its text node sits in the block text', async () => {
    const [block] = await collectBlocks(page('<p>Ông <i>Kim</i> Jong-un <b>nói</b>.</p>'));
    for (const seg of block!.segments) {
      expect(block!.text.slice(seg.start, seg.start + seg.node.data.length)).toBe(seg.node.data);
    }
  });

  test('a long page is read in slices that yield to the browser, with the same result', async () => {
    const html = Array.from({ length: 3000 }, (_, i) => `<p>Đoạn <b>số</b> ${i}.</p>`).join('');
    const whole = await collectBlocks(page(html));
    let yields = 0;
    const pacer = new Pacer(0);
    const original = pacer.yield.bind(pacer);
    pacer.yield = () => {
      yields++;
      return original();
    };
    const sliced = await collectBlocks(document.body, pacer);
    expect(sliced.map((b) => b.text)).toEqual(whole.map((b) => b.text));
    expect(yields).toBeGreaterThan(10);
  });
});

describe('positions in blocks', () => {
  test('locate maps block offsets to text nodes; an end at a node boundary stays in the earlier node', async () => {
    const [block] = await collectBlocks(page('<p>ab<b>cd</b>ef</p>'));
    const at = (o: number, end = false) => {
      const r = locate(block!, o, end);
      return r && `${r.node.data}@${r.offset}`;
    };
    expect([at(0), at(1), at(2), at(3), at(6)]).toEqual(['ab@0', 'ab@1', 'cd@0', 'cd@1', 'ef@2']);
    expect(at(2, true)).toBe('ab@2');
    expect(at(4, true)).toBe('cd@2');
  });

  test('ownerOf and isInSkippedSubtree', () => {
    page('<article><p id="p">x <b id="b">y</b></p></article><nav><span id="n">z</span></nav>');
    const body = document.body;
    expect(ownerOf(document.getElementById('b')!, body).id).toBe('p');
    expect(isInSkippedSubtree(document.getElementById('n')!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(document.getElementById('b')!.firstChild!)).toBe(false);
  });
});
