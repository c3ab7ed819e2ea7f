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

let settled: ReturnType<typeof vi.fn<() => void>>;
let painter: TermsNearView;

beforeEach(() => {
  // Three blocks on the first screen, two far below it (many screens down), one hidden.
  const screen = window.innerHeight;
  document.body.innerHTML = `
    <p id="a">Nga và Mỹ</p><p id="b">Không có thuật ngữ</p><p id="c">Nga, Nga</p>
    <div style="height:${screen * 8}px"></div>
    <p id="far1">Nga ở xa</p><p id="far2">Nga ở xa nữa</p>
    <p id="hidden" style="display:none">Nga ẩn</p>`;
  window.scrollTo(0, 0);
  settled = vi.fn<() => void>();
  painter = new TermsNearView('vr-test', settled);
});

afterEach(() => {
  painter.destroy();
  CSS.highlights.clear();
  document.body.innerHTML = '';
  window.scrollTo(0, 0);
});

test('only the terms of blocks near the view are painted, and the painter says when they are', async () => {
  const terms = termsOf(await collectBlocks(document.body));
  expect(terms.count).toBe(6);
  painter.show(terms);
  expect(painter.pending).toBe(true);
  expect(paintedIn()).toEqual([]);
  await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
  expect(painter.pending).toBe(false);
  expect(paintedIn()).toEqual(['a', 'c', 'c']);
});

test('scrolling paints what comes near and takes off what went far', async () => {
  painter.show(termsOf(await collectBlocks(document.body)));
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c']));
  document.getElementById('far2')!.scrollIntoView();
  await vi.waitFor(() => expect(paintedIn()).toEqual(['far1', 'far2']));
  window.scrollTo(0, 0);
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c']));
  // Only the first report on the blocks is waited for.
  expect(settled).toHaveBeenCalledTimes(1);
});

test('a new snapshot repaints the blocks already near at once, and waits only for blocks new to it', async () => {
  const blocks = await collectBlocks(document.body);
  painter.show(termsOf(blocks));
  await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
  // The same blocks with other terms: painted in the same task, nothing to wait for.
  painter.show(termsOf(blocks, 'Mỹ'));
  expect(painter.pending).toBe(false);
  expect(paintedIn()).toEqual(['a']);
  // A new block near the view: waited for, then painted with the rest.
  const added = Object.assign(document.createElement('p'), { id: 'd', textContent: 'Mỹ mới' });
  document.getElementById('b')!.after(added);
  painter.show(termsOf(await collectBlocks(document.body), 'Mỹ'));
  expect(painter.pending).toBe(true);
  await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(2));
  expect(paintedIn()).toEqual(['a', 'd']);
});

test('blocks gone from the snapshot lose their paint', async () => {
  const blocks = await collectBlocks(document.body);
  painter.show(termsOf(blocks));
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c']));
  painter.show(termsOf(blocks.filter((b) => b.element.id !== 'c')));
  expect(paintedIn()).toEqual(['a']);
});

test('the paint moves only when the reader comes within a screen of unpainted terms, then to four screens around them', async () => {
  const screen = window.innerHeight;
  document.body.innerHTML = `
    <p id="top">Nga</p><div style="height:${screen * 3}px"></div>
    <p id="mid">Nga</p><div style="height:${screen * 5}px"></div>
    <p id="far">Nga</p><div style="height:${screen * 6}px"></div>`;
  painter.show(termsOf(await collectBlocks(document.body)));
  // Four screens down from the top of the view: the first two.
  await vi.waitFor(() => expect(paintedIn()).toEqual(['mid', 'top']));
  // Half-way: "far" is in the band now and "top" out of it, but nothing within a screen of the
  // view lacks paint, so the paint stays where it is.
  window.scrollTo(0, screen * 4.5);
  for (let i = 0; i < 4; i++) await frame();
  expect(paintedIn()).toEqual(['mid', 'top']);
  // Within a screen of "far": the paint moves to the band around the view, "far" alone.
  window.scrollTo(0, screen * 7.5);
  await vi.waitFor(() => expect(paintedIn()).toEqual(['far']));
});

test('a block shown and gone before the observers report on it leaves nothing to wait for', async () => {
  const blocks = await collectBlocks(document.body);
  painter.show(termsOf(blocks.filter((b) => b.element.id !== 'c')));
  await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
  const added = Object.assign(document.createElement('p'), { id: 'd', textContent: 'Nga mới' });
  document.getElementById('b')!.after(added);
  const withAdded = await collectBlocks(document.body);
  painter.show(termsOf(withAdded));
  expect(painter.pending).toBe(true);
  painter.show(termsOf(withAdded.filter((b) => b.element.id !== 'd' && b.element.id !== 'c')));
  await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(2));
  expect(painter.pending).toBe(false);
});

test('a paragraph with no box of its own (display: contents) is painted all the same', async () => {
  document.body.insertAdjacentHTML('afterbegin', '<div id="contents" style="display:contents">Nga không khung</div>');
  painter.show(termsOf(await collectBlocks(document.body)));
  await vi.waitFor(() => expect(paintedIn()).toEqual(['a', 'c', 'c', 'contents']));
});

test('a hidden document does not wait for the observer, which reports only once it is shown', async () => {
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  painter.show(termsOf(await collectBlocks(document.body)));
  expect(painter.pending).toBe(false);
  visibility.mockRestore();
});

test('after destroy nothing is painted any more', async () => {
  const blocks = await collectBlocks(document.body);
  painter.show(termsOf(blocks));
  painter.destroy();
  await frame();
  await frame();
  expect(paintedIn()).toEqual([]);
  expect(settled).not.toHaveBeenCalled();
});
