/**
 * "Delete all highlights" on the options page: the ids are read a page at a time with
 * `listHighlights`, then deleted with `deleteHighlights`, which keeps them in the background's
 * trash, so the whole delete can be undone as one (up to 100,000 highlights a delete; more, and
 * each 100,000 is a delete of its own).
 */

import type { Deletion, Protocol } from './protocol';
import { sendMessage } from './messaging';

/** How many ids one `listHighlights` page brings (its largest page). */
export const ID_PAGE_SIZE = 500;
/** The most ids one `deleteHighlights` takes. */
export const MAX_DELETE_IDS = 100_000;

/** The messages used here (so tests can stand in for the background). */
export type Send = typeof sendMessage;

/** Every saved highlight's id, newest first. */
export async function allHighlightIds(send: Send = sendMessage, pageSize = ID_PAGE_SIZE): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Protocol['listHighlights']['return'] = await send('listHighlights', {
      query: {},
      cursor,
      limit: pageSize,
    });
    for (const h of page.items) ids.push(h.id);
    cursor = page.next;
  } while (cursor !== null);
  return ids;
}

/** Deletes every saved highlight; returns the deletes to undo (none when there was nothing). */
export async function deleteAllHighlights(
  send: Send = sendMessage,
  sizes: { page: number; delete: number } = { page: ID_PAGE_SIZE, delete: MAX_DELETE_IDS },
): Promise<Deletion[]> {
  const ids = await allHighlightIds(send, sizes.page);
  const deletions: Deletion[] = [];
  for (let start = 0; start < ids.length; start += sizes.delete) {
    const deletion = await send('deleteHighlights', { ids: ids.slice(start, start + sizes.delete) });
    if (deletion) deletions.push(deletion);
  }
  return deletions;
}
