import { describe, expect, it } from 'vitest';
import { lazyRegExp } from './lazy-regexp';

describe('lazyRegExp', () => {
  it.each([
    [String.raw`[\p{L}\p{M}]+`, 'u', 'Triều Tiên', 'Triều'],
    [String.raw`\p{N}+(?:[.,]\p{N}+)+`, 'u', 'giá 100.000 đồng', '100.000'],
    [String.raw`[\s\p{Zs}\u0085]`, 'u', 'a\u00a0b', '\u00a0'],
  ])('builds %s with its flags and matches like the literal', (source, flags, text, match) => {
    const re = lazyRegExp(source, flags)();
    expect(re.flags).toBe(flags);
    expect(text.match(re)?.[0]).toBe(match);
  });

  it('builds the pattern once and gives back the same object (lastIndex carries over, as a literal’s does)', () => {
    const get = lazyRegExp(String.raw`\p{L}+`, 'gu');
    const first = get();
    first.exec('một hai');
    expect(get()).toBe(first);
    expect(get().lastIndex).toBe(3);
  });

  it('throws on use, not on declaration, for a pattern that is not valid', () => {
    const get = lazyRegExp(String.raw`\p{NotAProperty}`, 'u');
    expect(get).toThrow(SyntaxError);
  });
});
