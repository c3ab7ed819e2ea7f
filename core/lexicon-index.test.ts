import { describe, expect, test } from 'vitest';
import { foldSyllable } from './lexicon-key';
import { LexiconIndex, type CompiledLexiconIndex } from './lexicon-index';
import { normalizeText } from './normalize';
import { tokenize } from './tokenize';

const forms = [
  { syllables: ['hợp', 'tác'], item: 1, info: 0 },
  { syllables: ['hợp', 'tác', 'xã'], item: 2, info: 0 },
  { syllables: ['hợp', 'tác'], item: 3, info: 7 },
  { syllables: ['mĩ'], item: 4, info: 1 },
  { syllables: ['10.000'], item: 5, info: 0 },
];

describe('lexicon index', () => {
  const index = LexiconIndex.build(forms);

  test('finds every form’s items by its syllables, in any spelling', () => {
    const items = (syllables: string[]) => {
      const node = index.find(syllables);
      const [lo, hi] = index.itemRange(node);
      return node === 0 ? null : Array.from(index.items.subarray(lo, hi));
    };
    expect(items(['Hợp', 'tác'])).toEqual([1, 3]);
    expect(items(['hợp', 'tác', 'xã'])).toEqual([2]);
    expect(items(['Mỹ'])).toEqual([4]);
    expect(items(['hợp', 'xã'])).toBeNull();
    expect(index.maxDepth).toBe(3);
  });

  test('survives its JSON form', () => {
    const back = LexiconIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())) as CompiledLexiconIndex);
    expect(back.arrays).toEqual(index.arrays);
    expect(() => LexiconIndex.fromJSON({ ...index.toJSON(), label: '' })).toThrow(/disagree/);
  });

  test('scans text into the syllables `tokenize` finds, with their ids', () => {
    const text = normalizeText('HỢP TÁC với Mỹ, 10.000 người (xã)');
    const sy = index.scan(text);
    const tokens = tokenize(text);
    expect(sy.count).toBe(tokens.length);
    for (let k = 0; k < sy.count; k++) {
      expect([sy.starts[k], sy.ends[k]]).toEqual([tokens[k]!.start, tokens[k]!.end]);
      const folded = foldSyllable(text.slice(tokens[k]!.start, tokens[k]!.end));
      expect(sy.ids[k]).toBe(index.syllableId(folded));
    }
    expect(
      Array.from(sy.ids.subarray(0, sy.count))
        .filter((id) => id >= 0)
        .map((id) => index.syllables[id]),
    ).toEqual(['hợp', 'tác', 'mĩ', '10.000', 'xã']);
  });
});
