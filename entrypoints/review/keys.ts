/**
 * The review page's keys: Space shows the answer; 1, 2, 3, 4 rate Again, Hard, Good, Easy; Z
 * undoes the last rating. Keys typed into a field, with a modifier, held down (repeats) or made up
 * by a script are not ours.
 */

import type { ReviewRating } from '@/core/review-card';

export type ReviewKey = { action: 'show' } | { action: 'rate'; rating: ReviewRating } | { action: 'undo' };

const TYPING = /^(INPUT|TEXTAREA|SELECT)$/;
/** Elements where Space already means "press": a focused button keeps its own Space. */
const PRESSABLE = /^(BUTTON|A|SUMMARY|INPUT|SELECT|TEXTAREA)$/;

/** What a keydown asks for, if anything. */
export function reviewKey(e: KeyboardEvent): ReviewKey | null {
  if (!e.isTrusted || e.repeat || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  const target = e.target instanceof HTMLElement ? e.target : null;
  if (target && (TYPING.test(target.tagName) || target.isContentEditable)) return null;
  if (e.key === ' ') return target && PRESSABLE.test(target.tagName) ? null : { action: 'show' };
  if (/^[1-4]$/.test(e.key)) return { action: 'rate', rating: Number(e.key) as ReviewRating };
  if (e.key === 'z' || e.key === 'Z') return { action: 'undo' };
  return null;
}
