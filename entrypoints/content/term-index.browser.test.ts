import { afterEach, expect, test } from 'vitest';
import { collectBlocks } from './blocks';
import { paint, unpaintAll } from './paint';
import { TermIndex } from './term-index';

afterEach(() => {
  unpaintAll();
  document.body.innerHTML = '';
});

test('a term is found from any caret position inside it, across the text nodes it spans', async () => {
  document.body.innerHTML = '<p>Ông Kim <b>Jong</b>-un đến <i>Nga</i>.</p>';
  const [block] = await collectBlocks(document.body);
  const text = block!.text;
  const hits = [
    { start: text.indexOf('Kim'), end: text.indexOf(' đến'), entry: 5 },
    { start: text.indexOf('Nga'), end: text.indexOf('Nga') + 3, entry: 6 },
  ];
  const index = new TermIndex(new Map([[block!, hits]]));
  const nodes = block!.segments.map((s) => s.node);
  const [first, bold, after, italic] = nodes;
  expect(index.at(first!, 5)?.entryId).toBe(5); // "Kim"
  expect(index.at(bold!, 2)?.entryId).toBe(5); // the middle node of the span
  expect(index.at(after!, 1)?.entryId).toBe(5); // "-un"
  expect(index.at(italic!, 1)?.entryId).toBe(6);
  expect(index.at(first!, 1)).toBeNull(); // "Ông"
  expect(index.inBlocks([block!]).map((o) => o.entryId)).toEqual([5, 6]);
});

test('painting registers our highlights and unpainting takes every one of them off, leaving the page’s own', () => {
  document.body.innerHTML = '<p>Nga và Mỹ</p>';
  const node = document.querySelector('p')!.firstChild as Text;
  const range = new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 3 });
  CSS.highlights.set('page-own', new Highlight(range));
  paint('vr-term', [range]);
  paint('vr-highlight-yellow', [range]);
  paint('vr-dim', []);
  expect([...CSS.highlights.keys()].sort()).toEqual(['page-own', 'vr-highlight-yellow', 'vr-term']);
  unpaintAll();
  expect([...CSS.highlights.keys()]).toEqual(['page-own']);
});

test('painting the same ranges again leaves the registered highlight alone; a change edits it in place', () => {
  document.body.innerHTML = '<p>Nga và Mỹ và Trung Quốc</p>';
  const node = document.querySelector('p')!.firstChild as Text;
  const at = (s: number, e: number) =>
    new StaticRange({ startContainer: node, startOffset: s, endContainer: node, endOffset: e });
  const nga = at(0, 3);
  const my = at(7, 9);
  paint('vr-term', [nga, my]);
  const registered = CSS.highlights.get('vr-term')!;
  paint('vr-term', [nga, my]);
  expect(CSS.highlights.get('vr-term')).toBe(registered);
  const tq = at(13, 23);
  paint('vr-term', [my, tq]);
  expect(CSS.highlights.get('vr-term')).toBe(registered);
  expect([...registered]).toEqual([my, tq]);
  // The page replaced our entry in the shared registry: ours is registered again.
  CSS.highlights.set('vr-term', new Highlight());
  paint('vr-term', [my, tq]);
  expect([...CSS.highlights.get('vr-term')!]).toEqual([my, tq]);
  paint('vr-term', []);
  expect(CSS.highlights.has('vr-term')).toBe(false);
});
