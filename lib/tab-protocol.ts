/**
 * The messages the background sends to a tab's content script, apart from the rest of the protocol:
 * the content script validates these on receipt, and importing only them keeps the validators of
 * every other message (and what they import) out of the script every page evaluates.
 */

import { highlightIdValidator } from '@/core/highlight-record';
import { literal, object, string, type Validator } from '@/core/validate';

/** A one-time token naming a staged highlight or a transfer. */
export const token = string({ pattern: /^[A-Za-z0-9_-]{16,80}$/, patternMessage: 'must be a token' });
/** The params of a message that takes none. */
export const noParams = object({}) as Validator<Record<string, never>>;

/** The reading modes of the bilingual view. */
export const VIEW_MODES = ['bilingual', 'original', 'english'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** The Vietnamese paragraphs a page shows, as its content script read them. */
export interface PageParagraphs {
  url: string;
  title: string;
  paragraphs: string[];
}

/** The most paragraphs a page hands over for "Add an English version". */
export const MAX_PAGE_PARAGRAPHS = 1_000;

/** Messages from the background to a tab's content script. */
export interface TabProtocol {
  /** The keyboard shortcut: moves the page's site to the next reading mode. */
  cycleViewMode: { params: Record<string, never>; return: ViewMode };
  /** The keyboard shortcut: opens the popover of the glossary term at the caret or selection. */
  showTermAtCaret: { params: Record<string, never>; return: boolean };
  /** The keyboard shortcut and context menu: highlights the current selection. */
  highlightSelection: { params: Record<string, never>; return: boolean };
  /** The popup opened a highlight on this (already open) page: scroll to it and flash it. */
  flashHighlight: { params: { id: string }; return: boolean };
  /** This page's highlights changed elsewhere (edited, recoloured, deleted, restored): repaint. */
  highlightsChanged: { params: Record<string, never>; return: null };
  /** The note editor for a staged highlight is done: saved (with the record) or discarded. */
  stagedHighlightDone: { params: { token: string; saved: boolean }; return: null };
  /** A frame of ours on the page (the highlight card) asked to be closed. */
  closeFrame: { params: Record<string, never>; return: null };
  /** "Add an English version": the Vietnamese paragraphs of the page as last read. */
  pageParagraphs: { params: Record<string, never>; return: PageParagraphs };
}

export const TAB_PROTOCOL_PARAMS: { [K in keyof TabProtocol]: Validator<TabProtocol[K]['params']> } = {
  cycleViewMode: noParams,
  showTermAtCaret: noParams,
  highlightSelection: noParams,
  flashHighlight: object({ id: highlightIdValidator }),
  highlightsChanged: noParams,
  stagedHighlightDone: object({ token, saved: literal(true, false) }),
  closeFrame: noParams,
  pageParagraphs: noParams,
};
