import { describe, expect, test, vi } from 'vitest';
import type { ReviewItem } from '@/core/review-face';
import type { Protocol } from '@/lib/protocol';
import { BATCH, ReviewSession, type Send } from './session';

const NOW = Date.UTC(2026, 0, 5, 9, 0);

function item(n: number): ReviewItem {
  const headword = `từ ${n}`;
  return {
    cardId: `word:vi-en:${headword}`,
    vi: headword,
    state: 0,
    reps: 0,
    due: NOW + n,
    nextDue: { 1: NOW + 60_000, 2: NOW + 360_000, 3: NOW + 600_000, 4: NOW + 7 * 86_400_000 },
    readAt: NOW,
    face: { kind: 'word', direction: 'forward', headword, sense: null, han: null, context: null, status: 'new' },
  };
}

/** A background holding `n` due cards; each answer waits until `release` (so tests see the page before it). */
function background(n: number) {
  const due = Array.from({ length: n }, (_, i) => item(i));
  const rated: string[] = [];
  const calls: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  const hold = (): void => void (gate = new Promise((r) => (open = r)));
  const answer = async <K extends keyof Protocol>(type: K, params: Protocol[K]['params']): Promise<unknown> => {
    calls.push(type);
    await gate;
    if (type === 'listDueCards') {
      const { limit, exclude } = params as Protocol['listDueCards']['params'];
      return {
        items: due.filter((i) => !exclude.includes(i.cardId)).slice(0, limit),
        due: due.length,
        next: due.length ? null : NOW + 600_000,
      };
    }
    if (type === 'rateCard') {
      const { cardId, rating } = params as Protocol['rateCard']['params'];
      if (cardId === 'word:vi-en:từ 13') throw new Error('rateCard: That card no longer exists.');
      rated.push(`${cardId}=${rating}`);
      due.splice(
        due.findIndex((i) => i.cardId === cardId),
        1,
      );
      return { due: due.length, next: due.length ? null : NOW + 600_000, status: 'learning' };
    }
    if (type === 'undoRating') {
      const { cardId } = params as Protocol['undoRating']['params'];
      const back = item(Number(cardId.split(' ')[1]));
      due.unshift(back);
      rated.pop();
      return { item: back, due: due.length, next: null };
    }
    throw new Error(`unexpected ${type}`);
  };
  return { send: answer as Send, rated, calls, hold, release: () => open() };
}

const settled = async (s: ReviewSession) => {
  await vi.waitFor(() => expect(s.get().phase).not.toBe('loading'));
  // Let every queued message finish.
  await new Promise((r) => setTimeout(r, 0));
};

describe('a review session', () => {
  test('shows the first due card, front up, with the due count', async () => {
    const bg = background(3);
    const s = new ReviewSession(bg.send);
    expect(s.get().phase).toBe('loading');
    await s.start();
    expect(s.get()).toMatchObject({ phase: 'front', due: 3, canUndo: false });
    expect(s.get().item!.vi).toBe('từ 0');
  });

  test('a rating needs the answer shown; then the next card shows at once and the count drops before the background answers', async () => {
    const bg = background(3);
    const s = new ReviewSession(bg.send);
    await s.start();
    s.rate(3);
    expect(bg.rated).toEqual([]);
    expect(s.get().phase).toBe('front');
    s.show();
    bg.hold();
    s.rate(3);
    expect(s.get()).toMatchObject({ phase: 'front', due: 2, canUndo: true, reviewed: 1 });
    expect(s.get().item!.vi).toBe('từ 1');
    bg.release();
    await settled(s);
    expect(bg.rated).toEqual(['word:vi-en:từ 0=3']);
    expect(s.get().due).toBe(2);
  });

  test('undo brings the last rated card back, front up, and tells the background which card', async () => {
    const bg = background(3);
    const s = new ReviewSession(bg.send);
    await s.start();
    s.show();
    s.rate(4);
    s.show();
    s.rate(1);
    await settled(s);
    s.undo();
    expect(s.get()).toMatchObject({ phase: 'front', due: 2, reviewed: 1 });
    expect(s.get().item!.vi).toBe('từ 1');
    await settled(s);
    expect(bg.rated).toEqual(['word:vi-en:từ 0=4']);
    s.undo();
    expect(s.get().item!.vi).toBe('từ 0');
    expect(s.get().canUndo).toBe(false);
    s.undo(); // nothing left to undo
    await settled(s);
    expect(bg.rated).toEqual([]);
    expect(s.get().due).toBe(3);
  });

  test('asks for more cards before the page runs out, and says when it is done', async () => {
    const bg = background(BATCH + 3);
    const s = new ReviewSession(bg.send);
    await s.start();
    const seen = new Set<string>();
    while (s.get().phase === 'front' || s.get().phase === 'loading') {
      if (s.get().phase === 'loading') {
        await settled(s);
        continue;
      }
      seen.add(s.get().item!.vi);
      s.show();
      s.rate(3);
    }
    await settled(s);
    expect(seen.size).toBe(BATCH + 3);
    expect(s.get()).toMatchObject({ phase: 'done', due: 0, next: NOW + 600_000 });
    expect(bg.calls.filter((c) => c === 'listDueCards').length).toBeGreaterThan(1);
    s.dispose();
  });

  test('a rating the background refuses is shown, and undo skips it: it takes back the rating before', async () => {
    const bg = background(15);
    const s = new ReviewSession(bg.send);
    await s.start();
    for (let i = 0; i < 14; i++) {
      s.show();
      s.rate(3);
    }
    await settled(s);
    expect(s.get().error).toBe('That card no longer exists.');
    s.undo();
    expect(s.get().item!.vi).toBe('từ 12');
    await settled(s);
    expect(bg.rated.at(-1)).toBe('word:vi-en:từ 11=3');
  });
});
