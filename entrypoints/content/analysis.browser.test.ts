import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import { MAX_ANALYSIS_CHARS } from '@/lib/protocol';
import { fakeBackground } from '@/tests/dom/background';
import { PageAnalysis, piecesOf } from './analysis';
import { collectBlocks } from './blocks';
import { NO_PACING } from './scheduler';

beforeEach(() => fakeBrowser.reset());

async function blocksOf(texts: string[]) {
  document.body.replaceChildren(...texts.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
  return collectBlocks(document.body);
}

/** Finds "Nga" anywhere in each text, as the background would a glossary term. */
function termsOfNga(texts: string[]) {
  return {
    results: texts.map((t) => ({
      candidates: [],
      terms: [...t.matchAll(/Nga/g)].map((m) => ({ start: m.index, end: m.index + 3, entry: 7 })),
    })),
    paragraphs: {},
  };
}

describe('asking the background about the page', () => {
  test('each text is sent once, in messages no longer than the cap', async () => {
    const bg = fakeBackground({ analyzeBlocks: ({ texts }) => termsOfNga(texts) });
    const analysis = new PageAnalysis();
    const texts = Array.from({ length: 30 }, (_, i) => `${i} Nga ${'x'.repeat(9000)}`);
    const blocks = await blocksOf([...texts, texts[0]!]);
    expect(await analysis.analyze(blocks, NO_PACING)).toBe(true);
    const sent = bg.asked.map((m) => (m.params as { texts: string[] }).texts);
    expect(sent.flat()).toHaveLength(30);
    expect(sent.every((batch) => batch.join('').length <= MAX_ANALYSIS_CHARS)).toBe(true);
    expect(await analysis.analyze(blocks, NO_PACING)).toBe(true);
    expect(bg.asked).toHaveLength(sent.length);
    expect(analysis.of(texts[3]!).terms).toEqual([{ start: 2, end: 5, entry: 7 }]);
  });

  test('a block longer than a message is sent in pieces; its terms come back where they are in the block', async () => {
    const bg = fakeBackground({ analyzeBlocks: ({ texts }) => termsOfNga(texts) });
    const huge = `${'Người dân cho biết. '.repeat(10_000)}Nga kết thúc.`;
    const [block] = await blocksOf([huge]);
    const analysis = new PageAnalysis();
    expect(await analysis.analyze([block!], NO_PACING)).toBe(true);
    expect(bg.asked.length).toBeGreaterThan(2);
    expect(bg.asked.every((m) => (m.params as { texts: string[] }).texts[0]!.length <= MAX_ANALYSIS_CHARS)).toBe(true);
    const terms = analysis.of(huge).terms;
    expect(terms).toHaveLength(1);
    expect(huge.slice(terms[0]!.start, terms[0]!.end)).toBe('Nga');
    expect(analysis.of(huge).candidates).toEqual([]);
  });

  test('a refused batch is not fatal: the other batches are kept and it is asked for again next time', async () => {
    let refuse = true;
    fakeBackground({
      analyzeBlocks: ({ texts }) => {
        if (refuse && texts.some((t) => t.startsWith('B'))) throw new Error('rate limited');
        return termsOfNga(texts);
      },
    });
    const blocks = await blocksOf([`A Nga ${'a'.repeat(60_000)}`, `B Nga ${'b'.repeat(60_000)}`]);
    const analysis = new PageAnalysis();
    expect(await analysis.analyze(blocks, NO_PACING)).toBe(false);
    expect(analysis.of(blocks[0]!.text).terms).toHaveLength(1);
    expect(analysis.of(blocks[1]!.text).terms).toHaveLength(0);
    refuse = false;
    expect(await analysis.analyze(blocks, NO_PACING)).toBe(true);
    expect(analysis.of(blocks[1]!.text).terms).toHaveLength(1);
  });

  test.each([
    ['short', 10, 1, 1],
    ['exactly the cap', 100, 1, 1],
    ['twice the cap, cut at spaces', 200, 2, 3],
    ['no space to cut at', 250, 3, 3],
  ])('piecesOf: %s', (_n, length, fewest, most) => {
    const text = (length === 250 ? 'x' : 'ab cd ').repeat(length).slice(0, length);
    const out = piecesOf(text, 100);
    expect(out.length).toBeGreaterThanOrEqual(fewest);
    expect(out.length).toBeLessThanOrEqual(most);
    expect(out.every((p) => p.text.length <= 100)).toBe(true);
    expect(out.map((p) => p.text).join('')).toBe(text);
    for (const p of out) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });
});
