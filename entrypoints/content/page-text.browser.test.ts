import { describe, expect, test } from 'vitest';
import { collectBlocks } from './blocks';
import { toLiveRange } from './dom-ranges';
import { PageText } from './page-text';

async function text(html: string): Promise<PageText> {
  document.body.innerHTML = html;
  return new PageText(await collectBlocks(document.body));
}

describe('PageText', () => {
  test('joins the blocks with a blank line and finds each block again', async () => {
    const t = await text('<p>Một hai</p><nav>menu</nav><p>Ba <b>bốn</b></p>');
    expect(t.text).toBe('Một hai\n\nBa bốn');
    expect(t.blockAt(0)!.index).toBe(0);
    expect(t.blockAt(9)).toMatchObject({ index: 1, local: 0 });
  });

  test('a range over the text covers exactly those characters, across inline markup', async () => {
    const t = await text('<p>Quân đội <b>Triều Tiên</b> đã đến Kursk.</p>');
    const start = t.text.indexOf('đội');
    const end = t.text.indexOf(' đã');
    expect(toLiveRange(t.rangeOf(start, end)!).toString()).toBe('đội Triều Tiên');
  });

  test('a selection boundary between blocks moves to the nearest text: forward for a start, back for an end', async () => {
    const t = await text('<p id="a">Một</p><div id="gap"><img alt=""></div><p id="b">Hai</p>');
    const gap = document.getElementById('gap')!;
    expect(t.offsetOf(gap, 0)).toBe(t.text.indexOf('Hai'));
    expect(t.offsetOf(gap, 1, true)).toBe(t.text.indexOf('Một') + 3);
    const a = document.getElementById('a')!.firstChild!;
    expect(t.offsetOf(a, 2)).toBe(2);
  });

  test('text of the page outside any block (navigation) is not in the page text', async () => {
    const t = await text('<nav><p id="n">Trang chủ</p></nav><p>Tin.</p>');
    const nav = document.getElementById('n')!.firstChild!;
    expect(t.text).toBe('Tin.');
    expect(t.offsetOf(nav, 0)).toBe(0);
  });
});
