import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { collectBlocks, type PageBlock } from './blocks';
import { TermIndex } from './term-index';
import { TermsNearView } from './terms-near-view';

/** Every "Nga" in the blocks' text is a term. */
function termsOf(blocks: readonly PageBlock[], word = 'Nga'): TermIndex {
  const hits = (b: PageBlock) =>
    [...b.text.matchAll(new RegExp(word, 'g'))].map((m) => ({ start: m.index, end: m.index + word.length, entry: 1 }));
  return new TermIndex(new Map(blocks.map((b) => [b, hits(b)] as const).filter(([, h]) => h.length > 0)));
}

/** The painted ranges, as the ids of the blocks they are in. */
const paintedIn = () =>
  [...(CSS.highlights.get('vr-test') ?? [])].map((r) => (r.startContainer.parentElement as Element).id).sort();

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

let painted: ReturnType<typeof vi.fn<() => void>>;
let painter: TermsNearView;

/** Shows the terms and waits for the frame that paints them. */
async function showAndPaint(terms: TermIndex): Promise<void> {
  const before = painted.mock.calls.length;
  painter.show(terms);
  await vi.waitFor(() => expect(painted.mock.calls.length).toBe(before + 1));
}

beforeEach(() => {
  // Three blocks on the first screen, two far below it (many screens down), one hidden.
  const screen = window.innerHeight;
  document.body.innerHTML = `
    <p id="a">Nga và Mỹ</p><p id="b">Không có thuật ngữ</p><p id="c">Nga, Nga</p>
    <div id="gap" style="height:${screen * 8}px"></div>
    <p id="far1">Nga ở xa</p><p id="far2">Nga ở xa nữa</p>
    <p id="hidden" style="display:none">Nga ẩn</p>`;
  window.scrollTo(0, 0);
  painted = vi.fn<() => void>();
  painter = new TermsNearView('vr-test', painted);
});

afterEach(() => {
  painter.destroy();
  CSS.highlights.clear();
  document.body.innerHTML = '';
  window.scrollTo(0, 0);
});

test('only the terms of blocks near the view are painted, in the frame after the snapshot, and the painter says when', async () => {
  const terms = termsOf(await collectBlocks(document.body));
  expect(terms.count).toBe(6);
  painter.show(terms);
  expect(painter.pending).toBe(true);
  expect(paintedIn()).toEqual([]);
  await vi.waitFor(() => expect(painted).toHaveBeenCalledTimes(1));
  expect(painter.pending).toBe(false);
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
});

test('a long page is measured with a few boxes, not one per block', async () => {
  document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p id="p${i}">Nga ${i}</p>`).join('');
  const boxes = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  // log2(2000) for the search, the band's blocks (nine screens), a few past it.
  const lines = Math.ceil((9 * window.innerHeight) / document.getElementById('p0')!.offsetHeight);
  expect(boxes.mock.calls.length).toBeLessThanOrEqual(11 + lines + 8);
  expect(paintedIn()).toContain('p0');
  expect(paintedIn()).not.toContain('p1999');
  boxes.mockRestore();
});

test('the blocks are measured as the write left them', async () => {
  const terms = termsOf(await collectBlocks(document.body));
  painter.show(terms);
  // The write (in the same task) takes away the space between the first screen and the far blocks.
  document.getElementById('gap')!.style.height = '0px';
  await vi.waitFor(() => expect(painted).toHaveBeenCalledTimes(1));
  expect(paintedIn()).toEqual(['a', 'c', 'c', 'far1', 'far2']);
});

test('while nothing moves, the block watched past the paint asks for no new measure', async () => {
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  // "far1" is watched: its first report comes, and says it is far.
  const boxes = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  await frame();
  await frame();
  await frame();
  expect(boxes).not.toHaveBeenCalled();
  boxes.mockRestore();
});

test('scrolling paints what comes near and takes off what went far', async () => {
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  document.getElementById('far2')!.scrollIntoView();
  await vi.waitFor(() => expect(paintedIn()).toEqual(['far1', 'far2']));
  window.scrollTo(0, 0);
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c']));
});

test('a jump far past the paint (to the end of a long page, and back) moves it', async () => {
  const screen = window.innerHeight;
  document.body.insertAdjacentHTML(
    'beforeend',
    `<div style="height:${screen * 20}px"></div><p id="end">Nga ở cuối</p><div style="height:${screen}px"></div>`,
  );
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  document.getElementById('end')!.scrollIntoView();
  await vi.waitFor(() => expect(paintedIn()).toEqual(['end']));
  window.scrollTo(0, 0);
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c']));
});

test('a page that moves without a scroll brings its far blocks into the paint', async () => {
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  await frame();
  document.getElementById('gap')!.style.height = '10px';
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c', 'far1', 'far2']));
});

test('a new snapshot repaints the blocks already shown at once, and measures only for blocks new to it', async () => {
  const blocks = await collectBlocks(document.body);
  await showAndPaint(termsOf(blocks));
  // The same blocks with other terms ("Ng" of each "Nga"): painted in the same task, nothing to wait for.
  painter.show(termsOf(blocks, 'Ng'));
  expect(painter.pending).toBe(false);
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  const ranges = [...(CSS.highlights.get('vr-test') ?? [])].map((r) => r.endOffset - r.startOffset);
  expect(ranges).toEqual([2, 2, 2]);
  // A new block near the view: measured and painted in the next frame.
  const added = Object.assign(document.createElement('p'), { id: 'd', textContent: 'Nga mới' });
  document.getElementById('b')!.after(added);
  painter.show(termsOf(await collectBlocks(document.body), 'Ng'));
  expect(painter.pending).toBe(true);
  await vi.waitFor(() => expect(painted).toHaveBeenCalledTimes(2));
  expect(paintedIn()).toEqual(['a', 'c', 'c', 'd']);
});

test('a snapshot with the same terms (new highlights) leaves the paint as it is', async () => {
  const terms = termsOf(await collectBlocks(document.body));
  await showAndPaint(terms);
  const boxes = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  painter.show(terms);
  expect(painter.pending).toBe(false);
  await frame();
  expect(boxes).not.toHaveBeenCalled();
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  boxes.mockRestore();
});

test('blocks gone from the snapshot lose their paint', async () => {
  const blocks = await collectBlocks(document.body);
  await showAndPaint(termsOf(blocks));
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  painter.show(termsOf(blocks.filter((b) => b.element.id !== 'c')));
  expect(paintedIn()).toEqual(['a']);
});

test('a snapshot without the block watched past the paint measures again, so the paint still follows the reader', async () => {
  const blocks = await collectBlocks(document.body);
  await showAndPaint(termsOf(blocks));
  // "far1", the block watched below the paint, is taken off the page.
  document.getElementById('far1')!.remove();
  painter.show(termsOf(blocks.filter((b) => b.element.id !== 'far1')));
  expect(painter.pending).toBe(true);
  await vi.waitFor(() => expect(painted).toHaveBeenCalledTimes(2));
  document.getElementById('far2')!.scrollIntoView();
  await vi.waitFor(() => expect(paintedIn()).toEqual(['far2']));
});

test('a block hidden when measured and shown in place later is painted', async () => {
  const hidden = document.getElementById('hidden')!;
  document.getElementById('c')!.after(hidden);
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  hidden.style.display = '';
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c', 'hidden']));
});

test('a jump inside a scrolling element moves the paint', async () => {
  const screen = window.innerHeight;
  document.body.innerHTML = `<div id="scroller" style="height:${screen}px; overflow:auto">
    <p id="top">Nga</p><div style="height:${screen * 20}px"></div><p id="mid">Nga</p>
    <div style="height:${screen * 20}px"></div><p id="end">Nga</p></div>`;
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['top']);
  const scroller = document.getElementById('scroller')!;
  scroller.scrollTop = scroller.scrollHeight;
  await vi.waitFor(() => expect(paintedIn()).toEqual(['end']));
});

test('a tab hidden before its frame does not wait for the paint', async () => {
  painter.show(termsOf(await collectBlocks(document.body)));
  expect(painter.pending).toBe(true);
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  expect(painter.pending).toBe(false);
  visibility.mockRestore();
});

test('destroyed while its frame is pending, the painter paints nothing', async () => {
  painter.show(termsOf(await collectBlocks(document.body)));
  painter.destroy();
  await frame();
  await frame();
  expect(painted).not.toHaveBeenCalled();
  expect(paintedIn()).toEqual([]);
});

test('the paint moves only when the reader comes within a screen of its edge, then to four screens around the view', async () => {
  const screen = window.innerHeight;
  document.body.innerHTML = `
    <p id="top">Nga</p><div style="height:${screen * 3}px"></div>
    <p id="mid">Nga</p><div style="height:${screen * 5}px"></div>
    <p id="far">Nga</p><div style="height:${screen * 6}px"></div>`;
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  // Four screens down from the top of the view: the first two.
  expect(paintedIn()).toEqual(['mid', 'top']);
  // Half-way: "far" is within four screens now and "top" beyond them, but "far" is not within a
  // screen of the view, so the paint stays where it is.
  window.scrollTo(0, screen * 4.5);
  for (let i = 0; i < 4; i++) await frame();
  expect(paintedIn()).toEqual(['mid', 'top']);
  // Within a screen of "far": the paint moves to the band around the view, "far" alone.
  window.scrollTo(0, screen * 7.5);
  await vi.waitFor(() => expect(paintedIn()).toEqual(['far']));
});

test('a paragraph with no box of its own (display: contents) is painted all the same', async () => {
  document.body.insertAdjacentHTML('afterbegin', '<div id="contents" style="display:contents">Nga không khung</div>');
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  expect(paintedIn()).toEqual(['a', 'c', 'c', 'contents']);
});

test('a hidden document, which renders no frames, is painted at once and never waits', async () => {
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  painter.show(termsOf(await collectBlocks(document.body)));
  expect(painter.pending).toBe(false);
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
  visibility.mockRestore();
});

test('after destroy nothing is painted any more', async () => {
  const blocks = await collectBlocks(document.body);
  await showAndPaint(termsOf(blocks));
  painter.destroy();
  document.getElementById('far2')!.scrollIntoView();
  await frame();
  await frame();
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
});

test('a side column after the article in the document, as long as it and placed beside its top, leaves the paint at the view', async () => {
  // The article's paragraphs, then a longer column of paragraphs with terms absolutely placed at
  // the page's top: scrolled to the article's foot, a search over the document's order would
  // land in the column and find nothing near the view.
  const screen = window.innerHeight;
  const article = Array.from(
    { length: 20 },
    (_, i) => `<p id="p${i}" style="height:${screen}px;margin:0">Nga ${i}</p>`,
  );
  const column = Array.from({ length: 30 }, (_, i) => `<p id="s${i}" style="height:20px;margin:0">Nga bên</p>`);
  document.body.innerHTML = `<div style="width:300px">${article.join('')}</div>
    <div style="position:absolute;top:0;left:320px;width:200px">${column.join('')}</div>`;
  window.scrollTo(0, 18 * screen);
  await showAndPaint(termsOf(await collectBlocks(document.body)));
  // Four screens above the view (the block ending on that line too) and all below it; not the column.
  expect(paintedIn()).toEqual(['p13', 'p14', 'p15', 'p16', 'p17', 'p18', 'p19']);
});
