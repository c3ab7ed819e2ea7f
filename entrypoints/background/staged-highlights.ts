/**
 * Highlights waiting for their note. The note is typed in the note editor, an extension page in a
 * frame, where the page's scripts cannot read the keys; until it is saved, the draft the content
 * script made (selectors, corpus link) waits here, in session storage: it survives the service
 * worker stopping while the reader types, and content scripts cannot read it.
 */

import { storage } from 'wxt/utils/storage';
import type { HighlightDraft } from '@/core/highlight-record';

/** How long a staged highlight waits for its note. */
const STAGE_TTL_MS = 60 * 60_000;

export interface Staged {
  tabId: number;
  draft: HighlightDraft;
  stagedAt: number;
}

const key = (token: string) => `session:staged-highlight:${token}` as const;

export function newToken(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export async function stage(token: string, staged: Staged): Promise<void> {
  await storage.setItem<Staged>(key(token), staged);
}

/** The staged highlight, or null when there is none (saved, discarded, or too old). */
export async function peekStaged(token: string, now: number): Promise<Staged | null> {
  const staged = await storage.getItem<Staged>(key(token));
  return staged && now - staged.stagedAt <= STAGE_TTL_MS ? staged : null;
}

export async function unstage(token: string): Promise<void> {
  await storage.removeItem(key(token));
}
