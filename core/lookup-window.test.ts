import { describe, expect, test } from 'vitest';
import { hoveredChar, lookupWindow } from './lookup-window';

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

describe('lookupWindow', () => {
  test('a short text is sent whole', () => {
    expect(lookupWindow('hợp tác quân sự', 5)).toEqual({ text: 'hợp tác quân sự', offset: 5, start: 0 });
  });

  test('a long text is cut between words, at most radius characters either side', () => {
    const text = 'một hai ba bốn năm sáu bảy tám chín mười '.repeat(20);
    const at = text.indexOf('năm', 200);
    const w = lookupWindow(text, at, 20);
    expect(w.text.length).toBeLessThanOrEqual(41);
    expect(w.text[w.offset]).toBe('n');
    expect(text.slice(w.start, w.start + w.text.length)).toBe(w.text);
    expect(text.slice(w.start + w.offset, w.start + w.offset + 3)).toBe('năm');
    // Whole syllables at both edges.
    expect(text[w.start - 1]).toBe(' ');
    expect(/\s/.test(text[w.start + w.text.length]!) || /\s/.test(w.text.at(-1)!)).toBe(true);
  });

  test('one word longer than the window is cut where it must be', () => {
    const text = 'x'.repeat(500);
    const w = lookupWindow(text, 250, 64);
    expect(w.text.length).toBe(129);
    expect(w.offset).toBe(64);
  });

  test('the window never exceeds 2 × radius + 1 characters', () => {
    const text = 'a b '.repeat(1000);
    for (const at of [0, 1, 999, 3999]) expect(lookupWindow(text, at).text.length).toBeLessThanOrEqual(129);
  });
});
