/**
 * What the floating UI shows (the peek at the other language, term popover, selection toolbar, note editor frame).
 * The content script's features write it; the UI, loaded into the page only once needed
 * (see overlay.ts), renders it.
 */

import type { PeekProps } from '@/components/Peek';
import type { PageFrameProps } from '@/components/PageFrame';
import type { SelectionToolbarProps } from '@/components/SelectionToolbar';
import type { TermPopoverProps } from '@/components/TermPopover';
import type { DictionaryPopoverProps } from '@/components/DictionaryPopover';
import type { WordActionsProps } from '@/components/WordActions';

export interface OverlayState {
  peek: PeekProps | null;
  popover: TermPopoverProps | null;
  toolbar: SelectionToolbarProps | null;
  /** The note editor of a highlight being saved. */
  note: PageFrameProps | null;
  /** The card of a saved highlight. */
  card: PageFrameProps | null;
  /** The dictionary popover of a hovered word. */
  lookup: DictionaryPopoverProps | null;
  /** Save word, I know this and the lookup count of the open popover's word. */
  wordActions: WordActionsProps | null;
  /** Read out by screen readers (an ARIA live region): what a popover says, in short. */
  announcement: string;
}

export const EMPTY_OVERLAY: OverlayState = {
  peek: null,
  popover: null,
  toolbar: null,
  note: null,
  card: null,
  announcement: '',
  lookup: null,
  wordActions: null,
};
