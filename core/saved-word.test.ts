import { describe, expect, test } from 'vitest';
import { SAMPLE_WORDS } from '@/tests/fixtures/words-sample';
import {
  addContext,
  contextForReview,
  headwordKey,
  mergeWords,
  saveWord,
  savedWordValidator,
  WORD_LIMITS,
  wordDraftValidator,
  type WordContext,
  type WordDraft,
} from './saved-word';
import { validate } from './validate';

const NOW = Date.UTC(2026, 0, 5, 9, 0);
const [soldiers, criticise] = SAMPLE_WORDS as [(typeof SAMPLE_WORDS)[0], (typeof SAMPLE_WORDS)[0]];

const draftFrom = (c: WordContext, url = c.url): WordDraft => {
  const { at: _at, ...context } = c;
  return { headword: soldiers.headword, sense: soldiers.sense!, han: soldiers.han, context: { ...context, url } };
};

describe('saving a word', () => {
  test('the first save makes a new word with its sentence', () => {
    const { word, created, added } = saveWord(undefined, draftFrom(soldiers.contexts[0]!), NOW);
    expect(created).toBe(true);
    expect(added).toBe(true);
    expect(word).toEqual({
      headword: 'binh sĩ',
      sense: soldiers.sense,
      han: soldiers.han,
      contexts: [{ ...soldiers.contexts[0], at: NOW }],
      saved: true,
      marked: false,
      status: 'new',
      knownAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(validate(savedWordValidator, word).ok).toBe(true);
  });

  test('saving twice adds the new sentence to the same word', () => {
    const first = saveWord(undefined, draftFrom(soldiers.contexts[0]!), NOW).word;
    const second = saveWord(first, draftFrom(soldiers.contexts[1]!), NOW + 1000);
    expect(second.created).toBe(false);
    expect(second.added).toBe(true);
    expect(second.word.contexts.map((c) => c.sentence)).toEqual(soldiers.contexts.map((c) => c.sentence));
    expect(second.word.createdAt).toBe(NOW);
    expect(second.word.updatedAt).toBe(NOW + 1000);
  });

  test('the same spot of the same sentence on the same page is not added twice (tracking parameters aside)', () => {
    const first = saveWord(undefined, draftFrom(soldiers.contexts[0]!), NOW).word;
    const again = saveWord(
      first,
      draftFrom(soldiers.contexts[0]!, `${soldiers.contexts[0]!.url}?utm_source=zalo#top`),
      NOW + 1000,
    );
    expect(again.added).toBe(false);
    expect(again.word.contexts).toHaveLength(1);
  });

  test('the sense chosen last becomes the word’s sense', () => {
    const first = saveWord(undefined, draftFrom(soldiers.contexts[0]!), NOW).word;
    const other = { ...draftFrom(soldiers.contexts[1]!), sense: { ...soldiers.sense!, gloss: 'troops' } };
    expect(saveWord(first, other, NOW + 1).word.sense!.gloss).toBe('troops');
  });

  test('saving a word marked known keeps the mark, and says it is a first save (cards are to be made)', () => {
    const marked = { ...soldiers, saved: false, marked: true, contexts: [], status: 'known' as const };
    const r = saveWord(marked, draftFrom(soldiers.contexts[0]!), NOW);
    expect(r.created).toBe(true);
    expect(r.word.marked).toBe(true);
    expect(r.word.saved).toBe(true);
  });

  test(`at most ${WORD_LIMITS.contexts} sentences are kept per word, the oldest dropped`, () => {
    let contexts: WordContext[] = [];
    for (let i = 0; i < WORD_LIMITS.contexts + 3; i++) {
      contexts = addContext(contexts, {
        ...soldiers.contexts[0]!,
        sentence: `Câu ${i} có binh sĩ.`,
        start: 6 + String(i).length,
        end: 13 + String(i).length,
        at: NOW + i,
      }).contexts;
    }
    expect(contexts).toHaveLength(WORD_LIMITS.contexts);
    expect(contexts[0]!.sentence).toBe('Câu 3 có binh sĩ.');
  });

  test('headwords are keyed in NFC with single spaces', () => {
    expect(headwordKey(' binh\u00a0 si\u0303 '.normalize('NFD'))).toBe('binh sĩ');
  });
});

describe('drafts from pages are validated strictly', () => {
  const good = draftFrom(soldiers.contexts[0]!);
  test.each<[string, unknown, string[]]>([
    ['a good draft', good, []],
    [
      'offsets past the sentence',
      { ...good, context: { ...good.context, end: 9999 } },
      ['word.context: end is beyond the sentence (149 characters)'],
    ],
    [
      'offsets reversed',
      { ...good, context: { ...good.context, start: 80, end: 70 } },
      ['word.context: end must come after start'],
    ],
    [
      'not an http(s) page',
      { ...good, context: { ...good.context, url: 'javascript:alert(1)' } },
      ['word.context.url: must be an http(s) URL'],
    ],
    [
      'a sense from nowhere',
      { ...good, sense: { ...good.sense, source: 'internet' } },
      ['word.sense.source: must be one of "glossary", "supplement", "dictionary", got "internet"'],
    ],
    ['a multi-line headword', { ...good, headword: 'binh\nsĩ' }, ['word.headword: must be one line']],
    ['an extra field', { ...good, status: 'known' }, ['word.status: is not a known field']],
  ])('%s', (_name, value, issues) => {
    const r = validate(wordDraftValidator, value, 'word');
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(issues);
  });

  test('a stored word must be saved or marked, and a saved word must have a sense and a sentence', () => {
    const r = validate(savedWordValidator, { ...criticise, contexts: [] }, 'words[1]');
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'words[1]: a saved word needs a sense and a sentence',
    ]);
    const neither = validate(savedWordValidator, { ...criticise, saved: false }, 'words[1]');
    expect(neither.ok ? [] : neither.issues.map((i) => i.message)).toEqual(['a word is either saved or marked known']);
  });
});

describe('merging and reviewing', () => {
  test('merging two versions keeps every sentence of both and the newer version’s sense', () => {
    const older = { ...soldiers, contexts: [soldiers.contexts[0]!], updatedAt: soldiers.createdAt };
    const newer = { ...soldiers, contexts: [soldiers.contexts[1]!], sense: { ...soldiers.sense!, gloss: 'troops' } };
    const merged = mergeWords(older, newer);
    expect(merged.contexts).toEqual(soldiers.contexts);
    expect(merged.sense!.gloss).toBe('troops');
    expect(mergeWords(newer, older)).toEqual(merged);
  });

  test('the sentences take turns, newest first', () => {
    expect([0, 1, 2].map((reps) => contextForReview(soldiers, reps)!.at)).toEqual([
      soldiers.contexts[1]!.at,
      soldiers.contexts[0]!.at,
      soldiers.contexts[1]!.at,
    ]);
    expect(contextForReview({ ...soldiers, contexts: [] }, 0)).toBeNull();
  });
});
