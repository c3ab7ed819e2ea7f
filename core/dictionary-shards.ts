/**
 * The dictionary as the extension ships it: a small head and shards of consecutive words, so that
 * a background that has just started answers a lookup after reading the few shards the lookup
 * shows, not the whole 1.5 MB. (Chromium's service worker took 90–180 ms on this machine only to
 * fetch the whole file, against 2–3 ms for a shard.) Words are in key order, so a word and the
 * longer words that begin with it are mostly in one shard.
 */

import {
  checkDictionary,
  Dictionary,
  DICTIONARY_FORMAT,
  DICTIONARY_FORMAT_VERSION,
  RecentWords,
  type CompiledDictionary,
  type DictionaryWord,
} from './dictionary-format';

export const DICTIONARY_HEAD_FORMAT = 'song-ngu-dictionary-head';
export const DICTIONARY_SHARD_FORMAT = 'song-ngu-dictionary-shard';
export const DICTIONARY_SHARDS_VERSION = 1;

/** Words per shard: about 18 KB of JSON each. */
export const SHARD_WORDS = 256;

/** `dictionary/head.json`: what every shard shares. */
export interface DictionaryHead {
  format: typeof DICTIONARY_HEAD_FORMAT;
  version: typeof DICTIONARY_SHARDS_VERSION;
  attribution: string;
  pos: CompiledDictionary['pos'];
  /** Words in the whole dictionary. */
  words: number;
  shardWords: number;
  shards: number;
}

/** `dictionary/<n>.json`: words `n · shardWords` onwards, with the Hán glosses their senses use. */
export interface DictionaryShard {
  format: typeof DICTIONARY_SHARD_FORMAT;
  version: typeof DICTIONARY_SHARDS_VERSION;
  attribution: string;
  shard: number;
  words: string[];
  han: Record<string, string>;
}

/** What a lookup reads of the dictionary: a word's senses, its headword (null: not loaded). */
export interface DictionarySenses {
  readonly size: number;
  word(i: number): DictionaryWord | null;
  headword(i: number): string | null;
}

/** Splits a compiled dictionary into its head and shards. */
export function splitDictionary(
  compiled: CompiledDictionary,
  shardWords = SHARD_WORDS,
): { head: DictionaryHead; shards: DictionaryShard[] } {
  const shards: DictionaryShard[] = [];
  for (let first = 0; first < compiled.words.length; first += shardWords) {
    const words = compiled.words.slice(first, first + shardWords);
    const han: Record<string, string> = {};
    for (const w of words) {
      for (const ch of w) if (Object.hasOwn(compiled.han, ch)) han[ch] = compiled.han[ch]!;
    }
    shards.push({
      format: DICTIONARY_SHARD_FORMAT,
      version: DICTIONARY_SHARDS_VERSION,
      attribution: compiled.attribution,
      shard: shards.length,
      words,
      han,
    });
  }
  return {
    head: {
      format: DICTIONARY_HEAD_FORMAT,
      version: DICTIONARY_SHARDS_VERSION,
      attribution: compiled.attribution,
      pos: compiled.pos,
      words: compiled.words.length,
      shardWords,
      shards: shards.length,
    },
    shards,
  };
}

/** Checks the shape of a loaded head. */
export function checkDictionaryHead(head: unknown): DictionaryHead {
  const h = head as Partial<DictionaryHead> | null;
  if (!h || h.format !== DICTIONARY_HEAD_FORMAT) throw new Error('not the head of a compiled Song ngữ dictionary');
  if (h.version !== DICTIONARY_SHARDS_VERSION)
    throw new Error(`unsupported dictionary head version ${String(h.version)}`);
  const counts = [h.words, h.shardWords, h.shards];
  if (!Array.isArray(h.pos) || !counts.every((n) => Number.isInteger(n) && n! >= 0) || !(h.shardWords! > 0))
    throw new Error('dictionary head lacks its parts of speech or counts');
  if (h.shards !== Math.ceil(h.words! / h.shardWords!))
    throw new Error(`dictionary head: ${h.words} words in shards of ${h.shardWords} are not ${h.shards} shards`);
  return h as DictionaryHead;
}

/** Checks a loaded shard against its head: shard `n`, with the words the head says it has. */
export function checkDictionaryShard(head: DictionaryHead, shard: unknown, n: number): DictionaryShard {
  const s = shard as Partial<DictionaryShard> | null;
  if (!s || s.format !== DICTIONARY_SHARD_FORMAT) throw new Error(`dictionary shard ${n}: not a dictionary shard`);
  if (s.version !== DICTIONARY_SHARDS_VERSION)
    throw new Error(`dictionary shard ${n}: unsupported version ${String(s.version)}`);
  if (s.shard !== n) throw new Error(`dictionary shard ${n}: it says it is shard ${String(s.shard)}`);
  const expected = Math.min(head.shardWords, head.words - n * head.shardWords);
  if (!Array.isArray(s.words) || s.words.length !== expected || typeof s.han !== 'object' || s.han === null)
    throw new Error(`dictionary shard ${n}: expected ${expected} words and their Hán glosses`);
  return s as DictionaryShard;
}

/** The whole compiled dictionary again (for the build's own checks, benches and tests). */
export function joinDictionary(head: unknown, shards: readonly unknown[]): CompiledDictionary {
  const h = checkDictionaryHead(head);
  if (shards.length !== h.shards) throw new Error(`dictionary: ${shards.length} shards, the head says ${h.shards}`);
  const checked = shards.map((s, n) => checkDictionaryShard(h, s, n));
  return checkDictionary({
    format: DICTIONARY_FORMAT,
    version: DICTIONARY_FORMAT_VERSION,
    attribution: h.attribution,
    pos: h.pos,
    words: checked.flatMap((s) => s.words),
    han: Object.assign({}, ...checked.map((s) => s.han)) as Record<string, string>,
  });
}

/**
 * The dictionary's senses as shards arrive: a word whose shard is not loaded reads as null, and
 * {@link noting} says which shards a lookup wanted, so that its caller can load them and look up
 * again (a warm lookup takes well under a millisecond).
 */
export class ShardedDictionary implements DictionarySenses {
  private readonly loaded: (Dictionary | undefined)[];
  private wanted: Set<number> | null = null;
  /** One bound on the words kept decoded, for all the shards. */
  private readonly recent = new RecentWords();

  constructor(readonly head: DictionaryHead) {
    this.loaded = Array.from({ length: head.shards }, () => undefined);
  }

  get size(): number {
    return this.head.words;
  }

  shardOf(i: number): number {
    return Math.floor(i / this.head.shardWords);
  }

  /** Adds shard `n` (its parsed JSON); throws when it is not the shard the head describes. */
  add(n: number, shard: unknown): void {
    if (!Number.isInteger(n) || n < 0 || n >= this.head.shards) throw new Error(`dictionary shard ${n}: no such shard`);
    const s = checkDictionaryShard(this.head, shard, n);
    this.loaded[n] = new Dictionary(s.words, { pos: this.head.pos, han: s.han }, this.recent, n * this.head.shardWords);
  }

  word(i: number): DictionaryWord | null {
    return this.part(i)?.word(i % this.head.shardWords) ?? null;
  }

  headword(i: number): string | null {
    return this.part(i)?.headword(i % this.head.shardWords) ?? null;
  }

  /** Runs `fn`; returns what it returned and the shards it read words of that are not loaded. */
  noting<T>(fn: () => T): { value: T; wanted: number[] } {
    const outer = this.wanted;
    this.wanted = new Set();
    try {
      const value = fn();
      return { value, wanted: [...this.wanted].sort((a, b) => a - b) };
    } finally {
      this.wanted = outer;
    }
  }

  private part(i: number): Dictionary | undefined {
    if (!(i >= 0 && i < this.head.words)) return undefined;
    const n = this.shardOf(i);
    const d = this.loaded[n];
    if (!d) this.wanted?.add(n);
    return d;
  }
}

/**
 * Loads a sharded dictionary's shards as reads want them: each shard once, a load in flight shared
 * by every read that wants it, a failed one asked for again by the next read that wants it.
 */
export class ShardLoader {
  private readonly loads = new Map<number, Promise<void>>();

  constructor(
    readonly dictionary: ShardedDictionary,
    private readonly fetchShard: (n: number) => Promise<unknown>,
  ) {}

  /**
   * Runs `read` (a pure read of the dictionary: a hover's takes well under a millisecond, a page's
   * words read ahead a few); when it read words of shards not loaded, loads them and runs it
   * again. The words it reads depend on the index alone, so the second run wants nothing more. A
   * shard that fails to load (or is not the shard the head describes) leaves its words out of
   * this answer, not the rest of it.
   */
  read<T>(read: () => T): Promise<T> {
    return this.run(read, (n) => this.load(n).catch(() => undefined));
  }

  /**
   * As {@link read}, but a shard that fails to load fails the read: for answers kept for long
   * (a page's words read ahead), which would otherwise stay without those words' senses.
   */
  readComplete<T>(read: () => T): Promise<T> {
    return this.run(read, (n) => this.load(n));
  }

  private async run<T>(read: () => T, load: (n: number) => Promise<void>): Promise<T> {
    const first = this.dictionary.noting(read);
    if (first.wanted.length === 0) return first.value;
    await Promise.all(first.wanted.map(load));
    return read();
  }

  private load(n: number): Promise<void> {
    let load = this.loads.get(n);
    if (!load) {
      load = this.fetchShard(n).then((json) => this.dictionary.add(n, json));
      this.loads.set(n, load);
      load.catch(() => this.loads.delete(n));
    }
    return load;
  }
}
