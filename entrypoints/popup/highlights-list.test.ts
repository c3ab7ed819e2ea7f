import { describe, expect, test } from 'vitest';
import { SAMPLE_HIGHLIGHTS } from '@/tests/fixtures/highlights-sample';
import { canPage, countLine, initialList, listReducer, type ListAction, type ListState } from './highlights-list';

const [a, b, c] = SAMPLE_HIGHLIGHTS as [
  (typeof SAMPLE_HIGHLIGHTS)[0],
  (typeof SAMPLE_HIGHLIGHTS)[0],
  (typeof SAMPLE_HIGHLIGHTS)[0],
];
const run = (...actions: ListAction[]): ListState => actions.reduce(listReducer, initialList);

describe('the highlights list state', () => {
  test('a copy is shown until the background answers; it is never paged', () => {
    const s = run({ type: 'copy', copy: { items: [c, b], next: 'copy', total: 3 } });
    expect(s.items).toEqual([c, b]);
    expect(countLine(s)).toBe('3 highlights');
    expect(canPage(s)).toBe(false);
    const live = listReducer(listReducer(s, { type: 'firstAsked', generation: 1 }), {
      type: 'firstAnswered',
      generation: 1,
      query: s.query,
      page: { items: [c], next: 'live', total: 2 },
    });
    expect(live.items).toEqual([c]);
    expect(canPage(live)).toBe(true);
  });

  test('a copy arriving after the background was asked is too late', () => {
    const s = run({ type: 'firstAsked', generation: 1 }, { type: 'copy', copy: { items: [a], next: null, total: 1 } });
    expect(s.items).toEqual([]);
  });

  test('an answer to an older request is dropped, with its further pages', () => {
    const green = { color: 'green' as const };
    const s = run(
      { type: 'firstAsked', generation: 1 },
      { type: 'query', query: green },
      { type: 'firstAsked', generation: 2 },
      {
        type: 'firstAnswered',
        generation: 1,
        query: initialList.query,
        page: { items: [a, b, c], next: 'x', total: 3 },
      },
    );
    expect(s.items).toEqual([]);
    expect(countLine(s)).toBe('Loading…');
    const answered = listReducer(s, {
      type: 'firstAnswered',
      generation: 2,
      query: green,
      page: { items: [b], next: null, total: 1 },
    });
    expect(countLine(answered)).toBe('1 highlight found');
    const stalePage = listReducer(answered, {
      type: 'pageAnswered',
      generation: 1,
      cursor: 'x',
      page: { items: [a], next: null, total: 3 },
    });
    expect(stalePage.items).toEqual([b]);
  });

  test('one further page at a time, appended, and only for the query on screen', () => {
    const s = run(
      { type: 'firstAsked', generation: 1 },
      { type: 'firstAnswered', generation: 1, query: initialList.query, page: { items: [c], next: 'p1', total: 3 } },
    );
    const asked = listReducer(s, { type: 'pageAsked', cursor: 'p1' });
    expect(canPage(asked)).toBe(false);
    const more = listReducer(asked, {
      type: 'pageAnswered',
      generation: 1,
      cursor: 'p1',
      page: { items: [b, a], next: null, total: 3 },
    });
    expect(more.items).toEqual([c, b, a]);
    expect(canPage(more)).toBe(false);
    const typed = listReducer({ ...s }, { type: 'query', query: { search: 'x' } });
    expect(canPage(typed)).toBe(false);
    expect(countLine(typed)).toBe('Searching…');
  });

  test('removals and edits follow on screen; failures are shown', () => {
    const s = run(
      { type: 'firstAsked', generation: 1 },
      {
        type: 'firstAnswered',
        generation: 1,
        query: initialList.query,
        page: { items: [c, b, a], next: null, total: 3 },
      },
      { type: 'removed', ids: [b.id] },
      { type: 'updated', record: { ...a, note: 'edited' } },
    );
    expect(s.items.map((h) => h.id)).toEqual([c.id, a.id]);
    expect(s.items[1]!.note).toBe('edited');
    expect(countLine(s)).toBe('2 highlights');
    const failed = listReducer(listReducer(s, { type: 'firstAsked', generation: 2 }), {
      type: 'failed',
      generation: 2,
      cursor: null,
      message: 'The database was closed',
    });
    expect(failed.error).toBe('The database was closed');
    expect(failed.loadingFirst).toBe(false);
  });
});
