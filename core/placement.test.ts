import { describe, expect, test } from 'vitest';
import { overlaps, placePanel } from './placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 200 };

describe('placePanel', () => {
  test.each([
    ['middle of the page', { left: 400, top: 300, width: 80, height: 20 }, 'below'],
    ['near the bottom', { left: 400, top: 700, width: 80, height: 20 }, 'above'],
    ['near the right edge', { left: 950, top: 300, width: 40, height: 20 }, 'below'],
    ['at the left edge', { left: 0, top: 10, width: 40, height: 20 }, 'below'],
    ['bottom-right corner', { left: 960, top: 770, width: 38, height: 20 }, 'above'],
  ] as const)('%s: stays in the viewport and off the anchor', (_name, anchor, side) => {
    const p = placePanel(anchor, size, viewport);
    expect(p.side).toBe(side);
    const panel = { left: p.left, top: p.top, width: size.width, height: Math.min(size.height, p.maxHeight) };
    expect(panel.left).toBeGreaterThanOrEqual(8);
    expect(panel.left + panel.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(panel.top).toBeGreaterThanOrEqual(8);
    expect(panel.top + panel.height).toBeLessThanOrEqual(viewport.height - 8);
    expect(overlaps(panel, anchor)).toBe(false);
  });

  test('a panel taller than either side gets a scrolling height on the roomier side', () => {
    const p = placePanel({ left: 100, top: 420, width: 50, height: 20 }, { width: 300, height: 700 }, viewport);
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(420 - 6 - 8);
    expect(p.top + p.maxHeight).toBe(420 - 6);
  });

  test('a narrow viewport narrows the panel', () => {
    const p = placePanel(
      { left: 10, top: 10, width: 20, height: 20 },
      { width: 600, height: 100 },
      { width: 320, height: 600 },
    );
    expect(p.left).toBe(8);
  });
});

describe('keeping clear of the English', () => {
  const viewport = { width: 1000, height: 800 };
  const word = { left: 100, top: 300, width: 60, height: 20 };
  const size = { width: 300, height: 150 };
  test('a panel that would cover the rendering below goes above the word', () => {
    const rendering = { left: 80, top: 360, width: 600, height: 120 };
    const p = placePanel(word, size, viewport, { avoid: [rendering] });
    expect(p.side).toBe('above');
    expect(overlaps({ left: p.left, top: p.top, ...size }, rendering)).toBe(false);
    expect(overlaps({ left: p.left, top: p.top, ...size }, word)).toBe(false);
  });
  test('with no room above, it goes beside the word, beyond the English column', () => {
    const high = { ...word, top: 60 };
    const rendering = { left: 80, top: 90, width: 400, height: 400 };
    const p = placePanel(high, size, viewport, { avoid: [rendering] });
    expect(p.side).toBe('right');
    expect(p.left).toBeGreaterThanOrEqual(480);
    expect(overlaps({ left: p.left, top: p.top, ...size }, rendering)).toBe(false);
    expect(overlaps({ left: p.left, top: p.top, ...size }, high)).toBe(false);
  });
  test('with nothing to avoid, below as before', () => {
    expect(placePanel(word, size, viewport).side).toBe('below');
    expect(placePanel(word, size, viewport, { avoid: [{ left: 0, top: 0, width: 10, height: 10 }] }).side).toBe(
      'below',
    );
  });
});
