import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightRecord } from '@/core/highlight-record';
import { describe as describeQuote } from '@/core/text-anchor';
import type { BlockAnalysis } from '@/lib/protocol';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { ANALYSIS_BATCH_TEXTS } from '@/lib/message-limits';
import { fakeBackground } from '@/tests/dom/background';
import { PageController, type PageFeature } from './page-controller';
import { watchPage, type PageChanges } from './page-watch';
import type { PageSnapshot } from './page-snapshot';

const P0 = 'Nga và Triều Tiên ký hiệp ước.';
const P1 = 'Binh sĩ Triều Tiên đã đến Kursk.';
const OTHER = 'Tin thể thao hôm nay, không liên quan.';
const candidate = (index: number) => ({
  articleId: 'a',
  index,
  hits: 12,
  coverage: 0.95,
  purity: 0.95,
  paragraphShingles: 20,
});

/** What the background would say: P0 and P1 are corpus paragraphs, "Nga" is a glossary term. */
function analyse(texts: string[]): {
  results: BlockAnalysis[];
  paragraphs: Record<string, { en: string; kind: 'text' }>;
} {
  return {
    results: texts.map((t) => ({
      candidates: t === P0 ? [candidate(0)] : t === P1 ? [candidate(1)] : [],
      terms: [...t.matchAll(/Nga/g)].map((m) => ({ start: m.index, end: m.index + 3, entry: 1 })),
    })),
    paragraphs: {
      'a:0': { en: 'Russia and North Korea sign a treaty.', kind: 'text' },
      'a:1': { en: 'North Korean soldiers reached Kursk.', kind: 'text' },
    },
  };
}

function highlightOn(
  text: string,
  exact: string,
  id: string,
  color: HighlightRecord['color'] = 'green',
): HighlightRecord {
  const start = text.indexOf(exact);
  const { quote, position } = describeQuote(text, start, start + exact.length);
  return { ...SAMPLE_HIGHLIGHTS[0]!, id, url: location.href, quote, position, color, corpus: null };
}

const html = () => document.documentElement;
/** What automation waits for: the page's state says ready (the terms near the view painted). */
const ready = () => vi.waitFor(() => expect(html().dataset.vrState).toBe('ready'));
const painted = (name: string) =>
  [...(CSS.highlights.get(name) ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });

let ctx: ContentScriptContext;
let records: HighlightRecord[];

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = `<nav><p>Nga</p></nav><article><p id="p0">${P0}</p><p id="p1">${P1}</p><p id="x">${OTHER}</p></article>`;
  ctx = new ContentScriptContext('test', { noScriptStartedPostMessage: true });
  records = [];
});

afterEach(() => {
  ctx.abort();
  CSS.highlights.clear();
  document.body.innerHTML = '';
});

function background(overrides: Parameters<typeof fakeBackground>[0] = {}) {
  return fakeBackground({
    analyzeBlocks: ({ texts }) => analyse(texts),
    pageHighlights: () => records,
    reportAnchoring: () => null,
    reportPageState: () => null,
    ...overrides,
  });
}

describe('the page controller', () => {
  test('the write reads which blocks the page hides before it writes anything the page stylesheet names', async () => {
    // Asked after a match attribute (or the mode) is written, that read would make the browser
    // recalculate the page's style in the middle of the write.
    background();
    const pending: string[] = [];
    const watch = new MutationObserver(() => undefined);
    watch.observe(document.documentElement, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-vr-match', 'data-vr-view'],
    });
    const visible = Object.getOwnPropertyDescriptor(Element.prototype, 'checkVisibility')!.value as (
      this: Element,
      options?: CheckVisibilityOptions,
    ) => boolean;
    const reads = vi.spyOn(Element.prototype, 'checkVisibility').mockImplementation(function (this: Element, options) {
      pending.push(...watch.takeRecords().map((r) => r.attributeName!));
      return visible.call(this, options);
    });
    await new PageController(ctx, 'bilingual').runFull();
    watch.disconnect();
    expect(reads).toHaveBeenCalled();
    expect(pending).toEqual([]);
    expect(document.getElementById('p0')!.getAttribute('data-vr-match')).toBe('a:0');
  });

  test('one pass: the English after each matched block, terms and highlights painted, the contract published', async () => {
    const pageText = `${P0}\n\n${P1}\n\n${OTHER}`;
    records = [
      highlightOn(pageText, 'Binh sĩ Triều Tiên', 'h_00000001'),
      highlightOn(pageText, 'gone from the page', 'h_00000002'),
    ];
    records[1] = {
      ...records[1]!,
      quote: { exact: 'câu đã bị xoá', prefix: '', suffix: '' },
      position: { start: 900, end: 910 },
    };
    const bg = background();
    const snapshots: PageSnapshot[] = [];
    const controller = new PageController(ctx, 'bilingual');
    controller.addFeature({ onSnapshot: (s) => snapshots.push(s) });
    expect(html().getAttribute('data-vr-state')).toBe('scanning');
    await controller.runFull();
    await ready();

    expect(html().dataset).toMatchObject({
      vrState: 'ready',
      vrMatched: '2',
      vrTerms: '1',
      vrHighlights: '1',
      vrOrphans: '1',
    });
    expect(document.getElementById('p0')!.getAttribute('data-vr-match')).toBe('a:0');
    expect(document.getElementById('x')!.hasAttribute('data-vr-match')).toBe(false);
    const rendered = [...document.querySelectorAll('vr-translation')].map((r) => [
      r.previousElementSibling!.id,
      r.textContent,
    ]);
    expect(rendered).toEqual([
      ['p0', 'Russia and North Korea sign a treaty.'],
      ['p1', 'North Korean soldiers reached Kursk.'],
    ]);
    // The navigation's "Nga" is not page text; the article's is.
    expect(painted('vr-term')).toEqual(['Nga']);
    expect(painted('vr-highlight-green')).toEqual(['Binh sĩ Triều Tiên']);

    // Every feature gets the one snapshot, and can ask it what it needs.
    expect(snapshots).toHaveLength(1);
    const s = snapshots[0]!;
    const p1 = s.blockOf(document.getElementById('p1')!)!;
    expect(s.englishOf(p1).map((p) => p.en)).toEqual(['North Korean soldiers reached Kursk.']);
    expect(s.renderingOf(p1)!.element).toBe(document.getElementById('p1')!.nextElementSibling);
    expect(s.terms.at(document.getElementById('p0')!.firstChild!, 1)!.entryId).toBe(1);

    // The page's state reaches the background, and so does the anchoring.
    // Once, when ready: the frame the terms' paint waits for wakes no background.
    const states = bg.asked
      .filter((m) => m.type === 'reportPageState')
      .map((m) => (m.params as { state: string }).state);
    expect(states).toEqual(['ready']);
    expect(bg.asked.find((m) => m.type === 'reportAnchoring')!.params).toMatchObject({
      anchored: ['h_00000001'],
      orphaned: ['h_00000002'],
    });
  });

  test('a new highlight is shown without a whole pass; the same snapshot otherwise', async () => {
    background();
    const snapshots: PageSnapshot[] = [];
    const controller = new PageController(ctx, 'bilingual');
    controller.addFeature({ onSnapshot: (s) => snapshots.push(s) });
    await controller.runFull();
    const saved = highlightOn(snapshots[0]!.text.text, 'Triều Tiên ký', 'h_00000003', 'yellow');
    await controller.highlightSaved(saved);
    expect(painted('vr-highlight-yellow')).toEqual(['Triều Tiên ký']);
    expect(html().getAttribute('data-vr-highlights')).toBe('1');
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]!.blocks).toBe(snapshots[0]!.blocks);
  });

  test('when the background cannot analyse the page, it still becomes ready and highlights still work', async () => {
    records = [highlightOn(`${P0}\n\n${P1}\n\n${OTHER}`, 'Tin thể thao', 'h_00000004')];
    background({
      analyzeBlocks: () => {
        throw new Error('rate limited');
      },
    });
    const controller = new PageController(ctx, 'bilingual');
    await controller.runFull();
    expect(html().dataset).toMatchObject({ vrState: 'ready', vrMatched: '0', vrHighlights: '1' });
    expect(painted('vr-highlight-green')).toEqual(['Tin thể thao']);
  });

  test('analysis the background could not give is asked for again later: only that text, and no block is read again', async () => {
    // More blocks than one message carries: the page is analysed in two batches, and the first is refused.
    const more = Array.from({ length: ANALYSIS_BATCH_TEXTS }, (_, i) => `<p>Tin ngắn số ${i}.</p>`).join('');
    document.querySelector('article')!.insertAdjacentHTML('beforeend', more);
    let calls = 0;
    const bg = background({
      analyzeBlocks: ({ texts }) => {
        if (calls++ === 0) throw new Error('rate limited');
        return analyse(texts);
      },
    });
    const snapshots: PageSnapshot[] = [];
    const controller = new PageController(ctx, 'bilingual', [200]);
    controller.addFeature({ onSnapshot: (s) => snapshots.push(s) });
    await controller.runFull();
    expect(html().dataset).toMatchObject({ vrState: 'ready', vrMatched: '0' });
    const before = snapshots.at(-1)!;
    await vi.waitFor(() => expect(html().dataset.vrMatched).toBe('2'), { timeout: 3000, interval: 50 });
    await ready();
    const asked = bg.asked
      .filter((m) => m.type === 'analyzeBlocks')
      .map((m) => (m.params as { texts: string[] }).texts);
    expect(asked).toHaveLength(3);
    expect(asked[0]).toContain(P0);
    expect(asked[1]!.some((t) => asked[0]!.includes(t))).toBe(false);
    expect(asked[2]).toEqual(asked[0]);
    const after = snapshots.at(-1)!;
    expect(after.blocks).toHaveLength(before.blocks.length);
    after.blocks.forEach((b, i) => expect(b).toBe(before.blocks[i]));
    expect([...document.querySelectorAll('vr-translation')].map((r) => r.textContent)).toEqual([
      'Russia and North Korea sign a treaty.',
      'North Korean soldiers reached Kursk.',
    ]);
    expect(painted('vr-term')).toEqual(['Nga']);
  });

  /**
   * A first pass the background refuses until `answer()`, with the controller's retries at
   * `retryMs`; `addNews()` adds a paragraph and resolves after the pass it sets off.
   */
  async function refusedPass(retryMs: number[]) {
    let refusing = true;
    background({
      analyzeBlocks: ({ texts }) => {
        if (refusing) throw new Error('rate limited');
        return analyse(texts);
      },
    });
    const snapshots: PageSnapshot[] = [];
    const controller = new PageController(ctx, 'bilingual', retryMs);
    controller.addFeature({ onSnapshot: (s) => snapshots.push(s) });
    const changed = watched(controller);
    await controller.runFull();
    const addNews = () => {
      const pass = changed();
      document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Tin mới về Nga.</p>');
      return pass;
    };
    return { snapshots, addNews, answer: () => void (refusing = false) };
  }

  test('one retry waits at a time: passes that come up short meanwhile add none, and none is left once all is answered', async () => {
    const { snapshots, addNews, answer } = await refusedPass([800, 1600, 3200]);
    // The page adds a paragraph while the background still refuses: a second pass comes up short.
    await addNews();
    expect(snapshots).toHaveLength(2);
    expect(html().dataset.vrMatched).toBe('0');
    answer();
    await vi.waitFor(() => expect(html().dataset.vrMatched).toBe('2'), { timeout: 3000, interval: 50 });
    await ready();
    expect(snapshots).toHaveLength(3);
    expect(snapshots.at(-1)!.blocks.map((b) => b.text)).toContain('Tin mới về Nga.');
    // Past the time a second retry, scheduled by the second pass, would have run.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(snapshots).toHaveLength(3);
  });

  test('a pass that gets every answer before the retry is due leaves the retry nothing to run', async () => {
    const { snapshots, addNews, answer } = await refusedPass([1000]);
    answer();
    await addNews();
    await ready();
    expect(html().dataset.vrMatched).toBe('2');
    expect(snapshots).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(snapshots).toHaveLength(2);
  });

  test('the underline setting repaints the terms live, without reading the page or asking the background again', async () => {
    const bg = background();
    const snapshots: PageSnapshot[] = [];
    const controller = new PageController(ctx, 'bilingual');
    controller.addFeature({ onSnapshot: (s) => snapshots.push(s) });
    await controller.runFull();
    await ready();
    expect(painted('vr-term')).toEqual(['Nga']);
    const before = snapshots.at(-1)!;
    const analysed = () => bg.asked.filter((m) => m.type === 'analyzeBlocks').length;
    expect(analysed()).toBe(1);

    await fakeBrowser.storage.local.set({ termUnderline: 'none' });
    await vi.waitFor(() => expect(painted('vr-term')).toEqual([]));
    await ready();
    expect(html().dataset.vrTerms).toBe('0');
    // "Names only": the glossary entry here is not a name.
    await fakeBrowser.storage.local.set({ termUnderline: 'names' });
    await vi.waitFor(() => expect(snapshots.length).toBeGreaterThanOrEqual(3));
    await ready();
    expect(painted('vr-term')).toEqual([]);
    await fakeBrowser.storage.local.set({ termUnderline: 'names-and-terms' });
    await vi.waitFor(() => expect(painted('vr-term')).toEqual(['Nga']));
    await ready();
    expect(html().dataset.vrTerms).toBe('1');

    snapshots.slice(1).forEach((s) => s.blocks.forEach((b, i) => expect(b).toBe(before.blocks[i])));
    expect(analysed()).toBe(1);
    expect(html().dataset.vrMatched).toBe('2');
  });

  test('when the content script is invalidated, everything it put on the page comes off', async () => {
    records = [highlightOn(`${P0}\n\n${P1}\n\n${OTHER}`, 'Kursk', 'h_00000005')];
    background();
    const controller = new PageController(ctx, 'bilingual');
    const feature: PageFeature = {};
    controller.addFeature(feature);
    await controller.runFull();
    expect(CSS.highlights.size).toBeGreaterThan(0);
    ctx.abort();
    expect(CSS.highlights.size).toBe(0);
    expect(document.querySelectorAll('vr-translation, [data-vr-match]')).toHaveLength(0);
    expect([...html().attributes].map((a) => a.name).filter((n) => n.startsWith('data-vr-'))).toEqual([]);
  });

  /** Runs the controller with the real page watcher, and resolves after the pass a change causes. */
  function watched(controller: PageController): () => Promise<void> {
    let next: ((c: PageChanges) => void) | null = null;
    watchPage(
      ctx,
      controller.removedByUs,
      () => controller.markDirty(),
      (changes) => next?.(changes),
    );
    return () =>
      new Promise((resolve) => {
        next = (c) => void controller.onChanges(c).then(resolve);
      });
  }

  /** A first pass over the page, watched: its snapshots, and a promise of the pass a change causes. */
  async function watchedPass(): Promise<{ snapshots: PageSnapshot[]; changed: () => Promise<void> }> {
    background();
    const snapshots: PageSnapshot[] = [];
    const controller = new PageController(ctx, 'bilingual');
    controller.addFeature({ onSnapshot: (s) => snapshots.push(s) });
    const changed = watched(controller);
    await controller.runFull();
    return { snapshots, changed };
  }

  test('an unrelated element added to the body is read on its own: the other blocks and their terms stay the same objects', async () => {
    const { snapshots, changed } = await watchedPass();
    const before = snapshots.at(-1)!;
    const ad = document.createElement('div');
    ad.innerHTML = 'Quảng cáo: Nga Sơn <script>var s = "Nga";</script>';
    const pass = changed();
    document.body.prepend(ad);
    await pass;
    await ready();
    const after = snapshots.at(-1)!;
    expect(after).not.toBe(before);
    const p0 = document.getElementById('p0')!;
    expect(after.blockOf(p0)).toBe(before.blockOf(p0));
    expect(after.terms.at(p0.firstChild!, 1)).toBe(before.terms.at(p0.firstChild!, 1));
    expect(after.blocks.map((b) => b.text)).toEqual(['Quảng cáo: Nga Sơn ', P0, P1, OTHER]);
    expect(html().dataset).toMatchObject({ vrState: 'ready', vrMatched: '2', vrTerms: '2' });
  });

  test('a block added inside a block with text of its own splits that text; a removed block leaves', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="mixed">Trước <b>đậm</b> sau</div>');
    const { snapshots, changed } = await watchedPass();
    const mixed = document.getElementById('mixed')!;
    expect(snapshots.at(-1)!.blockOf(mixed)!.text).toBe('Trước đậm sau');

    let pass = changed();
    mixed.querySelector('b')!.after(Object.assign(document.createElement('p'), { textContent: 'Giữa' }));
    await pass;
    expect(snapshots.at(-1)!.blockOf(mixed)!.text).toBe('Trước đậm\n sau');
    expect(snapshots.at(-1)!.blocks.map((b) => b.text)).toContain('Giữa');

    pass = changed();
    document.getElementById('p1')!.remove();
    await pass;
    expect(snapshots.at(-1)!.blocks.map((b) => b.text)).not.toContain(P1);
    expect(html().dataset).toMatchObject({ vrState: 'ready', vrMatched: '1' });
  });

  test('a paragraph changed twice in one burst (its text edited, an inline element added) is still one block', async () => {
    const { snapshots, changed } = await watchedPass();
    const p0 = document.getElementById('p0')!;
    const pass = changed();
    (p0.firstChild as Text).appendData(' Hôm nay');
    p0.append(Object.assign(document.createElement('b'), { textContent: ' Nga' }));
    await pass;
    await ready();
    const blocks = snapshots.at(-1)!.blocks;
    expect(blocks.filter((b) => b.element === p0).map((b) => b.text)).toEqual([`${P0} Hôm nay Nga`]);
    expect(blocks.map((b) => b.text)).toEqual([`${P0} Hôm nay Nga`, P1, OTHER]);
  });
});
