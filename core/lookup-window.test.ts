import { describe, expect, test } from 'vitest';
import { MAX_LOOKUP_CHARS } from '@/lib/message-limits';
import { hoveredChar, hoverWindow, isWordChar, LOOKUP_RADIUS } from './lookup-window';

describe('hoveredChar', () => {
  test.each([
    ['hợp tác', 0, 0],
    ['hợp tác', 2, 2],
    // After the last letter of a word (the right half of the "p" was hovered): that letter.
    ['hợp tác', 3, 2],
    ['hợp tác', 7, 6],
    // Between two spaces, or at punctuation between spaces: nothing.
    ['a  b', 2, null],
    ['x , y', 2, null],
    ['', 0, null],
  ])('%j at %i → %j', (text, caret, expected) => {
    expect(hoveredChar(text, caret)).toBe(expected);
  });
});

describe('hoverWindow', () => {
  test('a short text is sent whole', () => {
    expect(hoverWindow('hợp tác quân sự', 5)).toEqual({ text: 'hợp tác quân sự', offset: 5, start: 0 });
  });

  const text = 'một hai ba bốn năm sáu bảy tám chín mười '.repeat(20);

  test('every character of a cell sends the same window, the cell whole inside it', () => {
    for (const cell of [0, 64, 128, 320, 768]) {
      const windows = new Set<string>();
      for (let c = cell; c < cell + 64; c++) {
        const w = hoverWindow(text, c);
        windows.add(`${w.start}:${w.text.length}`);
        expect(text.slice(w.start, w.start + w.text.length)).toBe(w.text);
        expect(w.start + w.offset).toBe(c);
        expect(w.start).toBeLessThanOrEqual(cell);
        expect(w.start + w.text.length).toBeGreaterThanOrEqual(Math.min(text.length, cell + 64));
      }
      expect(windows.size).toBe(1);
    }
  });

  test('at least a radius of text either side of the cell, less a syllable, cut between words', () => {
    const w = hoverWindow(text, 300);
    // The cell is [256, 320): the window reaches back toward 192 and on toward 384.
    expect(w.start).toBeGreaterThan(192 - 1);
    expect(w.start).toBeLessThanOrEqual(192 + 6);
    expect(w.start + w.text.length).toBeGreaterThanOrEqual(384 - 6);
    expect(w.start + w.text.length).toBeLessThanOrEqual(384);
    // Not inside a word at either edge.
    const end = w.start + w.text.length;
    expect(isWordChar(text, w.start - 1) && isWordChar(text, w.start)).toBe(false);
    expect(isWordChar(text, end - 1) && isWordChar(text, end)).toBe(false);
  });

  test('margins inside one long word are left out: the cell alone; never more than 3 cells', () => {
    const long = 'x'.repeat(500);
    // Character 250 is in the cell [192, 256).
    expect(hoverWindow(long, 250)).toEqual({ text: 'x'.repeat(64), offset: 58, start: 192 });
    for (const t of [text, long, 'a b '.repeat(1000)]) {
      for (const at of [0, 1, 63, 64, 999, t.length - 1]) {
        expect(hoverWindow(t, at).text.length).toBeLessThanOrEqual(3 * LOOKUP_RADIUS);
      }
    }
    expect(3 * LOOKUP_RADIUS).toBeLessThanOrEqual(MAX_LOOKUP_CHARS);
  });
});
