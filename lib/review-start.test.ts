import { beforeEach, expect, test } from 'vitest';
import { validate } from '@/core/validate';
import { PROTOCOL_PARAMS } from './protocol';
import { FIRST_CARDS_MESSAGE, prefetchFirstCards, takeFirstCards, type ReviewStartApi } from './review-start';

beforeEach(() => void takeFirstCards());

const answering = (sent: unknown[], reply: Promise<unknown>): ReviewStartApi => ({
  runtime: {
    sendMessage: (m) => {
      sent.push(m);
      return reply;
    },
  },
});

test('the head script asks for the first batch with a message the protocol accepts, and hands the reply over once', async () => {
  const sent: unknown[] = [];
  const reply = { ok: true, value: { items: [], due: 0, next: null } };
  prefetchFirstCards(answering(sent, Promise.resolve(reply)));
  expect(sent).toEqual([FIRST_CARDS_MESSAGE]);
  expect(FIRST_CARDS_MESSAGE.type in PROTOCOL_PARAMS).toBe(true);
  expect(validate(PROTOCOL_PARAMS.listDueCards, FIRST_CARDS_MESSAGE.params).ok).toBe(true);
  expect(await takeFirstCards()).toEqual(reply);
  expect(takeFirstCards()).toBeUndefined();
});

test('a failed request settles to null, so the page asks again rather than fail', async () => {
  prefetchFirstCards(answering([], Promise.reject(new Error('no background'))));
  expect(await takeFirstCards()).toBeNull();
});
