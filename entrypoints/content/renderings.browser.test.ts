import { afterEach, describe, expect, test } from 'vitest';
import type { BlockResolution } from '@/core/corpus-resolve';
import type { ParagraphText } from '@/lib/protocol';
import { collectBlocks, type PageBlock } from './blocks';
import { planRenderings, Renderings } from './renderings';

const ENGLISH = new Map<string, ParagraphText>([
  ['a:0', { en: 'Zero.', kind: 'text' }],
  ['a:1', { en: 'One.', kind: 'text' }],
  ['a:2', { en: 'Two.', kind: 'caption' }],
]);

const key = (index: number) => ({ articleId: 'a', index });

/** Three blocks: the first is paragraph 0, the next two are paragraph 1 split in two. */
async function setUp(html = '<p id="p0">Không.</p><p id="p1a">Một a.</p><p id="p1b">Một b.</p>') {
  document.body.innerHTML = html;
  const blocks = await collectBlocks(document.body);
  const resolutions = new Map<PageBlock, BlockResolution>([
    [blocks[0]!, { matches: [key(0)], renderAfter: [key(0)] }],
    [blocks[1]!, { matches: [key(1)], renderAfter: [] }],
    [blocks[2]!, { matches: [key(1)], renderAfter: [key(1)] }],
  ]);
  return { blocks, resolutions };
}

const renderings = () => [...document.querySelectorAll('vr-translation')];

describe('the English renderings', () => {
  afterEach(() => (document.body.innerHTML = ''));

  test('a paragraph split over two blocks gets one rendering, after its last part, naming both parts as sources', async () => {
    const { blocks, resolutions } = await setUp();
    const groups = planRenderings(blocks, resolutions, ENGLISH);
    expect(
      groups.map((g) => [g.after.element.id, g.paragraphs.map((p) => p.key), g.sources.map((b) => b.element.id)]),
    ).toEqual([
      ['p0', ['a:0'], ['p0']],
      ['p1b', ['a:1'], ['p1a', 'p1b']],
    ]);
    const elements = new Renderings('bilingual').commit(groups);
    expect(
      renderings().map((r) => [r.previousElementSibling!.id, r.textContent, r.getAttribute('data-vr-translation')]),
    ).toEqual([
      ['p0', 'Zero.', 'a:0'],
      ['p1b', 'One.', 'a:1'],
    ]);
    expect([...elements.values()]).toEqual(renderings());
    expect(renderings().every((r) => r.getAttribute('lang') === 'en' && r.shadowRoot)).toBe(true);
  });

  test('a block holding two paragraphs, one of them also split over the next block, names every block showing them, in page order', async () => {
    document.body.innerHTML =
      '<p id="x">Khác.</p><p id="p01">Không. Một a.</p><p id="p1b">Một b.</p><p id="p2">Hai.</p>';
    const blocks = await collectBlocks(document.body);
    const resolutions = new Map<PageBlock, BlockResolution>([
      [blocks[1]!, { matches: [key(0), key(1)], renderAfter: [key(0)] }],
      [blocks[2]!, { matches: [key(1)], renderAfter: [key(1)] }],
      [blocks[3]!, { matches: [key(2)], renderAfter: [key(2)] }],
    ]);
    expect(
      planRenderings(blocks, resolutions, ENGLISH).map((g) => [g.after.element.id, g.sources.map((b) => b.element.id)]),
    ).toEqual([
      ['p01', ['p01']],
      ['p1b', ['p01', 'p1b']],
      ['p2', ['p2']],
    ]);
    // Both paragraphs after one block: its sources are every block showing either, once each.
    resolutions.set(blocks[2]!, { matches: [key(1)], renderAfter: [] });
    resolutions.set(blocks[1]!, { matches: [key(0), key(1)], renderAfter: [key(1), key(0)] });
    expect(
      planRenderings(blocks, resolutions, ENGLISH).map((g) => [g.after.element.id, g.sources.map((b) => b.element.id)]),
    ).toEqual([
      ['p01', ['p01', 'p1b']],
      ['p2', ['p2']],
    ]);
    // Paragraphs named in reverse after a later block: its sources still come in page order.
    resolutions.clear();
    resolutions.set(blocks[1]!, { matches: [key(0)], renderAfter: [] });
    resolutions.set(blocks[2]!, { matches: [key(1)], renderAfter: [key(1), key(0)] });
    expect(
      planRenderings(blocks, resolutions, ENGLISH).map((g) => [g.after.element.id, g.sources.map((b) => b.element.id)]),
    ).toEqual([['p1b', ['p01', 'p1b']]]);
  });

  test('a rendering the page removes is put back, until the page has removed it three times', async () => {
    const { blocks, resolutions } = await setUp();
    const view = new Renderings('bilingual');
    const groups = planRenderings(blocks, resolutions, ENGLISH);
    view.commit(groups);
    for (let i = 0; i < 3; i++) {
      renderings()[0]!.remove();
      view.commit(groups);
      expect(renderings()).toHaveLength(2);
    }
    renderings()[0]!.remove();
    const committed = view.commit(groups);
    expect(renderings()).toHaveLength(1);
    expect(committed.size).toBe(1);
  });

  test('copies of our renderings made by the page are dropped: one rendering per block', async () => {
    const { blocks, resolutions } = await setUp();
    const view = new Renderings('bilingual');
    view.commit(planRenderings(blocks, resolutions, ENGLISH));
    // A page re-rendering from its markup: our elements come back as copies without our shadow root.
    document.body.append(document.createElement('vr-translation'));
    document.getElementById('p0')!.after(renderings()[0]!.cloneNode(true));
    view.commit(planRenderings(blocks, resolutions, ENGLISH));
    expect(renderings()).toHaveLength(2);
    expect(renderings().every((r) => r.shadowRoot)).toBe(true);
  });

  test('a hidden block shows no English; blocks that lose their match lose their rendering', async () => {
    const { blocks, resolutions } = await setUp(
      '<p id="p0" style="display:none">Không.</p><p id="p1a">Một a.</p><p id="p1b">Một b.</p>',
    );
    const view = new Renderings('bilingual');
    view.commit(planRenderings(blocks, resolutions, ENGLISH));
    expect(renderings().map((r) => (r as HTMLElement).hidden)).toEqual([true, false]);
    resolutions.delete(blocks[0]!);
    view.commit(planRenderings(blocks, resolutions, ENGLISH));
    expect(renderings().map((r) => r.previousElementSibling!.id)).toEqual(['p1b']);
    view.destroy();
    expect(renderings()).toHaveLength(0);
  });

  test('the reading mode is on every rendering, now and after a change', async () => {
    const { blocks, resolutions } = await setUp();
    const view = new Renderings('original');
    view.commit(planRenderings(blocks, resolutions, ENGLISH));
    expect(renderings().map((r) => r.getAttribute('data-vr-mode'))).toEqual(['original', 'original']);
    view.setMode('english');
    expect(renderings().map((r) => r.getAttribute('data-vr-mode'))).toEqual(['english', 'english']);
    expect(getComputedStyle(renderings()[0]!).display).toBe('block');
    view.setMode('original');
    expect(getComputedStyle(renderings()[0]!).display).toBe('none');
  });
});
