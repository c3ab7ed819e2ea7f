import { describe, expect, test } from 'vitest';
import { findForms } from './english-forms';

const spans = (text: string, forms: string[]) => findForms(text, forms).map((h) => text.slice(h.start, h.end));

describe('findForms', () => {
  test.each([
    ['North Korean troops entered Russia.', ['North Korea', 'North Korean'], ['North Korean']],
    ['The DPRK and North Korea', ['North Korea', 'DPRK'], ['DPRK', 'North Korea']],
    ['Korean Peninsula', ['Korea'], []],
    ['the US–Japan–South Korea alliance', ['US-Japan-South Korea alliance'], ['US–Japan–South Korea alliance']],
    ['the Provincial People’s Committee', ["Provincial People's Committee"], ['Provincial People’s Committee']],
    ['KREMLIN sources', ['Kremlin'], ['KREMLIN']],
    ['Russian and Russia', ['Russia', 'Russian'], ['Russian', 'Russia']],
    ['USA', ['US'], []],
    ['', ['US'], []],
  ])('%j', (text, forms, expected) => {
    expect(spans(text, forms)).toEqual(expected);
  });
});
