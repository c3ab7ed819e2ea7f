/**
 * The review page's earliest start. `review-prefetch.js`, a classic script in review.html's head,
 * asks the background for the first due cards before the page's modules are fetched, so the
 * database read overlaps their loading; the page's entry module picks the answer up here. The
 * same pattern as the popup's (lib/popup-start.ts).
 *
 * No imports: this is bundled into that script, which has to stay tiny to be worth it.
 */

/** Cards asked for at a time. */
export const REVIEW_BATCH = 20;

const HANDOFF = '__songNguReviewStart';

/** What the prefetch needs of the extension API (Chrome's `chrome` and Firefox's `browser` both fit). */
export interface ReviewStartApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

type Handoff = { [HANDOFF]?: Promise<unknown> };

/** The `listDueCards` message of the first batch, as lib/messaging.ts sends it. */
export const FIRST_CARDS_MESSAGE = { type: 'listDueCards', params: { limit: REVIEW_BATCH, exclude: [] } } as const;

/** The classic script: asks for the first cards and leaves the raw reply (null on failure). */
export function prefetchFirstCards(api: ReviewStartApi): void {
  (globalThis as Handoff)[HANDOFF] = api.runtime.sendMessage(FIRST_CARDS_MESSAGE).catch(() => null);
}

/** The prefetched reply, to one taker only. */
export function takeFirstCards(): Promise<unknown> | undefined {
  const handoff = globalThis as Handoff;
  const first = handoff[HANDOFF];
  delete handoff[HANDOFF];
  return first;
}
