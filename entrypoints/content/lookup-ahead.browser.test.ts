/**
 * Reading ahead in real Chromium (layout decides what is near the view): nothing before the
 * reader moves; then the blocks around the view, not those far below, a message at a time; each
 * character gets its word's answer, in the node's offsets; a changed node is asked again; a
 * refusal is tried again later. (That the answers are the hovers' own is core's:
 * core/lookup-spans.test.ts, on real text with the shipped lexicon.)
 */

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MAX_SPAN_CHARS } from '@/lib/message-limits';
import type { Protocol } from '@/lib/protocol';
import { collectBlocks } from './blocks';
import { LookupAhead, MAX_KEPT_CHARS } from './lookup-ahead';
import type { PageSnapshot } from './page-snapshot';

type Read = Protocol['lookupSpans']['return'];

const PARAGRAPH = 'Hai bên tăng cường hợp tác quân sự, và Nga ký hiệp ước với Triều Tiên.';

let asked: string[][];
let ctx: ConstructorParameters<typeof LookupAhead>[0] & { isInvalid: boolean };
let refuse: boolean;
/** While set, answers wait for it. */
let gate: Promise<void> | null;

/**
 * A background whose lexicon knows every word by itself: each run of letters is one syllable,
 * answered with one word spanning it and one entry, shared by the words of the same length.
 */
async function ask(texts: string[]): Promise<Read> {
  asked.push(texts);
  if (gate) await gate;
  if (refuse) throw new Error('rate limited');
  const answers: Read['answers'] = [];
  const byLength = new Map<number, number>();
  const spans = texts.map((text) =>
    [...text.matchAll(/\p{L}+/gu)].flatMap((m) => {
      const length = m[0].length;
      let a = byLength.get(length);
      if (a === undefined) {
        a = answers.push({ start: 0, end: length, words: [[0, length, 0, 1]] }) - 1;
        byLength.set(length, a);
      }
      return [m.index, m.index + length, a];
    }),
  );
  return { entries: [{ source: 'supplement', entry: { vi: 'x' } as never }], answers, spans };
}

/** Reading ahead on the page as it is in the document now. */
async function aheadOfPage(): Promise<LookupAhead> {
  ctx = { setTimeout: (f, ms) => window.setTimeout(f, ms), isInvalid: false };
  const ahead = new LookupAhead(ctx, ask);
  ahead.onSnapshot({ blocks: await collectBlocks(document.body) } as unknown as PageSnapshot);
  return ahead;
}

async function page(paragraphs: number, height = 120): Promise<{ ahead: LookupAhead; ps: HTMLParagraphElement[] }> {
  document.body.innerHTML = '';
  const ps = Array.from({ length: paragraphs }, (_, i) => {
    const p = document.createElement('p');
    p.style.height = `${height}px`;
    p.style.margin = '0';
    p.textContent = `${i}. ${PARAGRAPH}`;
    document.body.append(p);
    return p;
  });
  return { ahead: await aheadOfPage(), ps };
}

const textOf = (p: Element) => p.firstChild as Text;
/** What was read ahead for the "ợ" of "hợp" in paragraph `p`. */
const readAt = (ahead: LookupAhead, p: Element) => ahead.answerAt(textOf(p), textOf(p).data.indexOf('hợp') + 1);
const numbers = (texts: string[]) => texts.map((t) => Number(t.slice(0, t.indexOf('.'))));

beforeEach(() => {
  asked = [];
  refuse = false;
  gate = null;
  window.scrollTo(0, 0);
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reading ahead', () => {
  test('nothing is read until the reader moves; then the blocks around the view, not those far below', async () => {
    const { ahead, ps } = await page(60);
    await new Promise((r) => setTimeout(r, 400));
    expect(asked).toEqual([]);
    expect(readAt(ahead, ps[0]!)).toBeNull();

    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(readAt(ahead, ps[0]!)).not.toBeNull());
    // The view and half a screen below it: 1.5 screens of 120-pixel paragraphs.
    const screens = Math.ceil((1.5 * window.innerHeight) / 120);
    const read = numbers(asked.flat());
    expect(read).toContain(0);
    expect(Math.max(...read)).toBeLessThanOrEqual(screens);
    expect(readAt(ahead, ps[59]!)).toBeNull();
    // The band reaches below the view even in a frame (these tests run in one), whose clip would
    // cut off an observer rooted in the top-level view: the paragraph just under the view is read.
    const below = Math.ceil(window.innerHeight / 120) + 1;
    expect(below).toBeLessThan(screens);
    expect(read).toContain(below);
  });

  test('a block beside the view (in a wide row), or hidden, is not read; one across from it is', async () => {
    document.body.innerHTML = `
      <div style="display: flex; width: 12000px">
        <p style="width: 300px; margin: 0">0. ${PARAGRAPH}</p>
        <p style="width: 300px; margin: 0 0 0 8000px">1. ${PARAGRAPH}</p>
      </div>
      <p style="display: none">2. ${PARAGRAPH}</p>
      <p style="margin: 0">3. ${PARAGRAPH}</p>`;
    const ahead = await aheadOfPage();
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 300));
    expect(numbers(asked.flat()).sort()).toEqual([0, 3]);
  });

  test('a side column that follows the article in the document but sits at the top does not hide the view', async () => {
    // The article's paragraphs, then (later in the document, and more of them) a column of short
    // items placed beside the article's top: the blocks' document order does not run down the page.
    const article = Array.from({ length: 40 }, (_, i) => `<p style="height: 120px; margin: 0">${i}. ${PARAGRAPH}</p>`);
    const column = Array.from(
      { length: 100 },
      (_, i) => `<p style="height: 20px; margin: 0; overflow: hidden">${100 + i}. ${PARAGRAPH}</p>`,
    );
    document.body.innerHTML = `
      <div style="width: 300px">${article.join('')}</div>
      <div style="position: absolute; top: 0; left: 320px; width: 200px">${column.join('')}</div>`;
    const ahead = await aheadOfPage();
    window.scrollTo(0, 3000);
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 300));
    const read = numbers(asked.flat());
    // The paragraph at the top of the view (3000 / 120 = 25) and the next are read; the column,
    // 2,000 pixels tall, is above the band.
    expect(read).toContain(25);
    expect(read).toContain(26);
    expect(read.filter((n) => n >= 100)).toEqual([]);
  });

  test('each character gets its word, in the node’s offsets; a space or a comma gets nothing', async () => {
    const { ahead, ps } = await page(3);
    ahead.active();
    await vi.waitFor(() => expect(ahead.answerAt(textOf(ps[2]!), 4)).not.toBeNull());
    const node = textOf(ps[1]!);
    for (const word of ['cường', 'hợp', 'Triều']) {
      const at = node.data.indexOf(word);
      for (let c = at; c < at + word.length; c++) {
        expect(ahead.answerAt(node, c)).toEqual({
          start: at,
          end: at + word.length,
          words: [
            {
              start: at,
              end: at + word.length,
              text: word,
              personName: false,
              entries: [{ source: 'supplement', entry: { vi: 'x' }, caseFits: true }],
            },
          ],
        });
      }
      expect(ahead.answerAt(node, at + word.length)).toBeNull();
    }
    expect(ahead.answerAt(node, node.data.indexOf(','))).toBeNull();
  });

  test('a node whose text changed is not answered from what was read', async () => {
    const { ahead, ps } = await page(2);
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[0]!)).not.toBeNull());
    textOf(ps[0]!).data = `0. ${PARAGRAPH} Thêm.`;
    expect(readAt(ahead, ps[0]!)).toBeNull();
  });

  test('more text near the view than one message takes is read in several, each within the limit', async () => {
    // 1 px paragraphs: all 400 are in view, 30,000 characters.
    const { ahead, ps } = await page(400, 1);
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[399]!)).not.toBeNull(), { timeout: 5000 });
    expect(asked.length).toBeGreaterThan(1);
    for (const texts of asked) expect(texts.join('').length).toBeLessThanOrEqual(MAX_SPAN_CHARS);
    // Each block once.
    expect(new Set(asked.flat()).size).toBe(asked.flat().length);
  });

  test('what is kept is bounded: a view with more text stops reading there, and the next move starts afresh', async () => {
    // 800 paragraphs of 1 px, all in view: 60,000 characters.
    const { ahead, ps } = await page(800, 1);
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[0]!)).not.toBeNull());
    await new Promise((r) => setTimeout(r, 1100));
    const first = asked.flat().join('').length;
    expect(first).toBeLessThanOrEqual(MAX_KEPT_CHARS);
    expect(first).toBeGreaterThan(MAX_KEPT_CHARS - MAX_SPAN_CHARS);
    expect(readAt(ahead, ps[799]!)).toBeNull();
    // It stopped: nothing more without a move.
    const messages = asked.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(asked.length).toBe(messages);
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(messages));
    expect(numbers(asked[messages]!)).toContain(0);
  });

  test('scrolled on, the next move reads the blocks that came near, and not again those read', async () => {
    const { ahead, ps } = await page(60);
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[0]!)).not.toBeNull());
    const first = asked.length;
    ps[40]!.scrollIntoView({ block: 'start' });
    await new Promise((r) => setTimeout(r, 1100));
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[40]!)).not.toBeNull());
    const later = numbers(asked.slice(first).flat());
    expect(later).toContain(40);
    expect(later.every((n) => n >= 30)).toBe(true);
  });

  test('a refused read is tried again on a later move', async () => {
    const { ahead, ps } = await page(2);
    refuse = true;
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBe(1));
    refuse = false;
    await new Promise((r) => setTimeout(r, 1100));
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[1]!)).not.toBeNull());
    expect(asked.length).toBe(2);
  });

  test('an answer that arrives after the page navigated is dropped', async () => {
    const { ahead, ps } = await page(2);
    let open = () => undefined as void;
    gate = new Promise((r) => (open = r));
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBe(1));
    ahead.onNavigate();
    open();
    await new Promise((r) => setTimeout(r, 50));
    expect(readAt(ahead, ps[0]!)).toBeNull();
  });

  test('a paragraph longer than a message is read across several; a node longer than one is left to the hovers', async () => {
    const { ahead } = await page(0);
    const p = document.createElement('p');
    const span = (words: number) => {
      const s = document.createElement('span');
      s.textContent = `${'hợp tác '.repeat(words)}. `;
      return s;
    };
    // Three nodes of ~2,400 characters, then one of ~8,000.
    p.append(span(300), span(300), span(300), span(1000));
    document.body.append(p);
    ahead.onSnapshot({ blocks: await collectBlocks(document.body) } as unknown as PageSnapshot);
    ahead.active();
    const nodes = [...p.children].map((c) => c.firstChild as Text);
    await vi.waitFor(() => expect(ahead.answerAt(nodes[2]!, 1)).not.toBeNull());
    expect(asked.length).toBe(3);
    for (const texts of asked) expect(texts.join('').length).toBeLessThanOrEqual(MAX_SPAN_CHARS);
    expect(asked.flat()).not.toContain(nodes[3]!.data);
    expect(ahead.answerAt(nodes[3]!, 1)).toBeNull();
  });

  test('a new pass over unchanged text sends nothing again', async () => {
    const { ahead, ps } = await page(3);
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[2]!)).not.toBeNull());
    const sent = asked.length;
    // The page controller collects the blocks again after a change elsewhere: new blocks, same nodes.
    ahead.onSnapshot({ blocks: await collectBlocks(document.body) } as unknown as PageSnapshot);
    await new Promise((r) => setTimeout(r, 1100));
    ahead.active();
    await new Promise((r) => setTimeout(r, 400));
    expect(asked.length).toBe(sent);
    expect(readAt(ahead, ps[0]!)).not.toBeNull();
  });

  test('a move while a message is out is not lost: the view is read again once it is answered', async () => {
    const { ahead, ps } = await page(60);
    let open = () => undefined as void;
    gate = new Promise((r) => (open = r));
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBe(1));
    ps[40]!.scrollIntoView({ block: 'start' });
    ahead.active();
    gate = null;
    open();
    await vi.waitFor(() => expect(readAt(ahead, ps[40]!)).not.toBeNull(), { timeout: 3000 });
  });

  test('once the extension is gone, a chain of messages stops', async () => {
    const { ahead } = await page(400, 1);
    let open = () => undefined as void;
    gate = new Promise((r) => (open = r));
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBe(1));
    ctx.isInvalid = true;
    open();
    await new Promise((r) => setTimeout(r, 500));
    expect(asked.length).toBe(1);
    // Nor does a move start one.
    ahead.active();
    await new Promise((r) => setTimeout(r, 1500));
    expect(asked.length).toBe(1);
  });

  test('a page it navigated away from is forgotten', async () => {
    const { ahead, ps } = await page(2);
    ahead.active();
    await vi.waitFor(() => expect(readAt(ahead, ps[0]!)).not.toBeNull());
    ahead.onNavigate();
    expect(readAt(ahead, ps[0]!)).toBeNull();
  });
});

describe('the page’s menus and other chrome', () => {
  /** A section menu at the top, an article, and a footer far below it. */
  async function chromePage(): Promise<LookupAhead> {
    document.body.innerHTML = `
      <header><nav>
        <ul>
          <li><a href="#">Thời sự</a></li>
          <li><a href="#">Pháp luật</a><ul style="display: none"><li><a href="#">Hồ sơ phá án</a></li></ul></li>
          <li style="display: contents"><a href="#">Kinh doanh</a></li>
          <li style="visibility: hidden"><a href="#">Giải trí</a></li>
        </ul>
        <script>var thoiTiet = 'nắng';</script>
      </nav></header>
      <p style="margin: 0">${PARAGRAPH}</p>
      <div style="height: 4000px"></div>
      <footer><p style="margin: 0">Cơ quan chủ quản</p></footer>`;
    return aheadOfPage();
  }
  const link = (text: string) =>
    [...document.querySelectorAll('a')].find((a) => a.textContent === text)!.firstChild as Text;

  test('the menu near the view is read, only what it shows; the footer far below is not', async () => {
    const ahead = await chromePage();
    ahead.active();
    await vi.waitFor(() => expect(ahead.answerAt(link('Thời sự'), 1)).not.toBeNull());
    const sent = asked.flat();
    expect(sent).toEqual(expect.arrayContaining([PARAGRAPH, 'Thời sự', 'Pháp luật', 'Kinh doanh']));
    // Not a closed drop-down, a hidden item, a script, or a footer far below the view.
    for (const text of ['Hồ sơ phá án', 'Giải trí', 'Cơ quan chủ quản']) expect(sent).not.toContain(text);
    expect(sent.join(' ')).not.toContain('nắng');
    // Each text once, though the menu is inside a header that is chrome too.
    expect(sent.filter((t) => t === 'Thời sự')).toHaveLength(1);
    expect(ahead.answerAt(link('Pháp luật'), 0)).toMatchObject({ start: 0, end: 4 });
  });

  test('a menu in an article’s own header is chrome; the header’s headline is the article’s', async () => {
    document.body.innerHTML = `<article><header><nav><a href="#">Thế giới</a></nav><h1>${PARAGRAPH}</h1></header></article>`;
    const ahead = await aheadOfPage();
    ahead.active();
    await vi.waitFor(() => expect(ahead.answerAt(link('Thế giới'), 1)).not.toBeNull());
    expect(asked.flat().sort()).toEqual([PARAGRAPH, 'Thế giới'].sort());
  });

  test('a tall list of links is read where the reader is, not whole', async () => {
    document.body.innerHTML = `<aside>${Array.from(
      { length: 60 },
      (_, i) => `<a href="#" style="display: block; height: 120px">${i}. Tin liên quan</a>`,
    ).join('')}</aside>`;
    const ahead = await aheadOfPage();
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 300));
    const read = numbers(asked.flat());
    expect(read).toContain(0);
    expect(Math.max(...read)).toBeLessThanOrEqual(Math.ceil((1.5 * window.innerHeight) / 120));
  });

  test('a menu fixed to the top of the view is read wherever the reader is', async () => {
    document.body.innerHTML = `
      <nav style="position: fixed; top: 0"><a href="#">Thời sự</a></nav>
      <div style="height: 4000px"></div>
      <p style="margin: 0">${PARAGRAPH}</p>
      <div style="height: 4000px"></div>`;
    const ahead = await aheadOfPage();
    window.scrollTo(0, 3500);
    ahead.active();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect(asked.flat().sort()).toEqual([PARAGRAPH, 'Thời sự'].sort());
  });

  test('scrolled to the foot of the page, the footer is read', async () => {
    const ahead = await chromePage();
    window.scrollTo(0, document.body.scrollHeight);
    ahead.active();
    await vi.waitFor(() => expect(asked.flat()).toContain('Cơ quan chủ quản'));
  });
});
