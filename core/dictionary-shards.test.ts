import { describe, expect, test } from 'vitest';
import { SAMPLE_GLOSSARY, sampleDictionaryCompiled, sampleSupplement } from '../tests/fixtures/lexicon-sample';
import { Dictionary } from './dictionary-format';
import {
  checkDictionaryHead,
  joinDictionary,
  ShardedDictionary,
  ShardLoader,
  splitDictionary,
  type DictionaryHead,
} from './dictionary-shards';
import { GLOSSARY_FORMAT, GLOSSARY_FORMAT_VERSION } from './glossary-format';
import { Lexicon } from './lexicon';
import { attachDictionaryHead, compileLexiconIndex, loadLexicon, loadPaintingLexicon } from './lexicon-load';
import { lookupAt } from './lexicon-lookup';
import { collectPageWords } from './page-words';
import { SUPPLEMENT_FORMAT, SUPPLEMENT_FORMAT_VERSION } from './supplement-format';

/** Through JSON, as the build writes the files and the background reads them. */
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('splitting the dictionary into shards', () => {
  test.each([1, 4, 50, 1000])('in shards of %i words, joined again it is the same dictionary', (size) => {
    const compiled = sampleDictionaryCompiled();
    const { head, shards } = roundTrip(splitDictionary(compiled, size));
    expect(head.words).toBe(compiled.words.length);
    expect(shards).toHaveLength(Math.ceil(compiled.words.length / size));
    expect(shards.every((s) => s.words.length <= size && s.attribution === compiled.attribution)).toBe(true);
    const joined = joinDictionary(head, shards);
    expect(joined.words).toEqual(compiled.words);
    // Each shard carries the Hán glosses its words use, and only those.
    expect(joined.han).toEqual(compiled.han);
    for (const s of shards) {
      for (const ch of Object.keys(s.han)) expect(s.words.some((w) => w.includes(ch))).toBe(true);
    }
  });

  test('refuses a head or shards that are not what the head says', () => {
    const { head, shards } = roundTrip(splitDictionary(sampleDictionaryCompiled(), 16));
    const bad: [string, () => unknown, RegExp][] = [
      ['another file', () => checkDictionaryHead({ format: 'song-ngu-dictionary' }), /not the head/],
      ['a later version', () => checkDictionaryHead({ ...head, version: 2 }), /unsupported dictionary head version 2/],
      ['counts that disagree', () => checkDictionaryHead({ ...head, shards: head.shards + 1 }), /are not/],
      ['a missing shard', () => joinDictionary(head, shards.slice(1)), /shards, the head says/],
      [
        'shards out of order',
        () => joinDictionary(head, [shards[1], shards[0], ...shards.slice(2)]),
        /says it is shard 1/,
      ],
      [
        'a shard short of a word',
        () => joinDictionary(head, [{ ...shards[0]!, words: shards[0]!.words.slice(1) }, ...shards.slice(1)]),
        /shard 0: expected 16 words/,
      ],
    ];
    for (const [, fn, message] of bad) expect(fn).toThrow(message);
  });
});

describe('a sharded dictionary', () => {
  const compiled = sampleDictionaryCompiled();
  const { head, shards } = roundTrip(splitDictionary(compiled, 8));
  const whole = new Dictionary(compiled.words, compiled);

  test('reads a word once its shard is in, and notes the shards it lacked', () => {
    const d = new ShardedDictionary(head);
    const i = 20; // shard 2
    expect(d.word(i)).toBeNull();
    const noted = d.noting(() => [d.word(i), d.headword(3), d.word(i + 1), d.word(-1), d.word(head.words)]);
    expect(noted.value).toEqual([null, null, null, null, null]);
    expect(noted.wanted).toEqual([0, 2]);
    d.add(2, shards[2]);
    expect(d.noting(() => d.word(16)).wanted).toEqual([]);
    expect(d.word(i)).toEqual(whole.word(i));
    expect(d.headword(i)).toBe(whole.headword(i));
    expect(d.noting(() => d.word(i)).wanted).toEqual([]);
  });

  test('refuses a shard that is not the one asked for', () => {
    const d = new ShardedDictionary(head);
    expect(() => d.add(1, shards[2])).toThrow(/says it is shard 2/);
    expect(() => d.add(head.shards, shards[0])).toThrow(/no such shard/);
    expect(() => d.add(0, { ...shards[0]!, words: [] })).toThrow(/expected 8 words/);
    expect(d.noting(() => d.word(8)).wanted).toEqual([1]);
  });
});

describe('a lexicon whose dictionary comes in shards', () => {
  const supplement = sampleSupplement();
  const compiled = sampleDictionaryCompiled();
  const index = roundTrip(
    compileLexiconIndex(Lexicon.build(SAMPLE_GLOSSARY, supplement, new Dictionary(compiled.words, compiled)), {
      glossary: SAMPLE_GLOSSARY.length,
      supplement: supplement.length,
      dictionary: compiled.words.length,
    }),
  );
  const glossary = roundTrip({ format: GLOSSARY_FORMAT, version: GLOSSARY_FORMAT_VERSION, entries: SAMPLE_GLOSSARY });
  const supplementFile = roundTrip({
    format: SUPPLEMENT_FORMAT,
    version: SUPPLEMENT_FORMAT_VERSION,
    entries: supplement,
  });
  const { head, shards } = roundTrip(splitDictionary(compiled, 8));
  const full = loadLexicon(glossary, supplementFile, index, roundTrip(compiled));

  /** Looks up as the background does: once, then again after loading the shards it wanted. */
  function lookUp<T>(read: (l: typeof full) => T): { value: T; loaded: number } {
    const lexicon = loadPaintingLexicon(glossary, supplementFile, index);
    const d = attachDictionaryHead(lexicon, head);
    const { wanted } = d.noting(() => read(lexicon));
    for (const n of wanted) d.add(n, shards[n]);
    return { value: read(lexicon), loaded: wanted.length };
  }

  test.each([
    ['hợp tác quân sự', 4],
    ['bệnh nhân ung thư', 11],
    ['Pháp luật', 1],
    ['bà Nga và Nga và My', 4],
    ['cô ấy bị bắt', 7],
  ])('answers “%s” at %i as the whole dictionary does, after reading only the shards it wants', (text, at) => {
    const { value, loaded } = lookUp((l) => lookupAt(l, text, at));
    expect(value).toEqual(lookupAt(full, text, at));
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(head.shards);
  });

  test('counts a page’s words as the whole dictionary does', () => {
    const texts = [
      'Bộ Quốc phòng Nga cho biết hai nước sẽ tăng cường hợp tác quân sự.',
      'Bệnh nhân ung thư được điều trị.',
    ];
    expect(lookUp((l) => collectPageWords(l, texts)).value).toEqual(collectPageWords(full, texts));
  });

  test('refuses a head built for another index', () => {
    const lexicon = loadPaintingLexicon(glossary, supplementFile, index);
    const other: DictionaryHead = { ...head, words: head.words - 1, shards: Math.ceil((head.words - 1) / 8) };
    expect(() => attachDictionaryHead(lexicon, other)).toThrow(/dictionary words.*rebuild the data/);
  });
});

describe('loading shards as reads want them', () => {
  const compiled = sampleDictionaryCompiled();
  const { head, shards } = roundTrip(splitDictionary(compiled, 8));
  const whole = new Dictionary(compiled.words, compiled);

  /** A loader whose shard fetches are counted and can be made to fail, or answer with another shard. */
  function setup(answer: (n: number, attempt: number) => unknown = (n) => shards[n]) {
    const fetched: number[] = [];
    const loader = new ShardLoader(new ShardedDictionary(head), async (n) => {
      fetched.push(n);
      await Promise.resolve();
      const a = answer(n, fetched.filter((m) => m === n).length);
      if (a instanceof Error) throw a;
      return a;
    });
    return { loader, fetched, d: loader.dictionary };
  }

  test('reads again with the shards loaded; reads that want the same shard share one fetch', async () => {
    const { loader, fetched, d } = setup();
    const [a, b] = await Promise.all([loader.read(() => d.word(20)), loader.read(() => [d.word(21), d.word(3)])]);
    expect(a).toEqual(whole.word(20));
    expect(b).toEqual([whole.word(21), whole.word(3)]);
    expect(fetched.sort((x, y) => x - y)).toEqual([0, 2]);
    // Loaded once: a later read fetches nothing.
    expect(await loader.read(() => d.headword(22))).toBe(whole.headword(22));
    expect(fetched).toHaveLength(2);
  });

  test('a shard that fails leaves its words out of that answer only, and is fetched again next time', async () => {
    const { loader, fetched, d } = setup((n, attempt) =>
      n === 2 && attempt === 1 ? new Error('offline?') : shards[n],
    );
    expect(await loader.read(() => [d.word(20), d.word(3)])).toEqual([null, whole.word(3)]);
    expect(await loader.read(() => d.word(20))).toEqual(whole.word(20));
    expect(fetched.filter((n) => n === 2)).toHaveLength(2);
  });

  test('a word read again is the same object, in any shard', async () => {
    const { loader, d } = setup();
    const [a, b] = await loader.read(() => [d.word(20), d.word(3)]);
    expect(d.word(20)).toBe(a);
    expect(d.word(3)).toBe(b);
  });

  test('a complete read fails with a shard that fails, and succeeds on the next try', async () => {
    const { loader, d } = setup((n, attempt) => (n === 2 && attempt === 1 ? new Error('offline?') : shards[n]));
    await expect(loader.readComplete(() => [d.word(20), d.word(3)])).rejects.toThrow();
    expect(await loader.readComplete(() => [d.word(20), d.word(3)])).toEqual([whole.word(20), whole.word(3)]);
  });

  test('a file that is not the shard asked for is refused like a failure', async () => {
    const { loader, d } = setup((n) => shards[n === 2 ? 1 : n]);
    expect(await loader.read(() => d.word(20))).toBeNull();
    expect(d.noting(() => d.word(16)).wanted).toEqual([2]);
  });
});
