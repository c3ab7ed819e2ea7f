/**
 * The messages of {@link ./messaging.ts}: their types and the validators their receivers run.
 * Add a message here (type, validator, and whether it is privileged) and the compiler asks for
 * its handler.
 */

import { literal, number, object, string, type Validator } from '@/core/validate';

const url = string({ max: 8192, pattern: /^https?:\/\//, patternMessage: 'must be an http(s) URL' });
const tabId = number({ int: true, min: 0 });

/** What a content script knows about its page, reported after every pass. */
export interface PageState {
  url: string;
  title: string;
  state: 'scanning' | 'ready';
  matched: number;
  terms: number;
  highlights: number;
  orphans: number;
}

const pageState: Validator<PageState> = object({
  url,
  title: string({ max: 2000 }),
  state: literal('scanning', 'ready'),
  matched: number({ int: true, min: 0 }),
  terms: number({ int: true, min: 0 }),
  highlights: number({ int: true, min: 0 }),
  orphans: number({ int: true, min: 0 }),
});

/** Messages to the background: from content scripts and the extension's pages. */
export interface Protocol {
  /** Liveness check; any part may send it. */
  ping: { params: { from: string }; return: { version: string; receivedFrom: string } };
  /** A content script reports its page's state (counts, recognised article). */
  reportPageState: { params: PageState; return: null };
  /** The popup asks what the content script of a tab last reported. Privileged. */
  getTabState: { params: { tabId: number }; return: (PageState & { reportedAt: number }) | null };
}

export const PROTOCOL_PARAMS: { [K in keyof Protocol]: Validator<Protocol[K]['params']> } = {
  ping: object({ from: string({ max: 100 }) }),
  reportPageState: pageState,
  getTabState: object({ tabId }),
};

/** Messages that read or change what belongs to other pages: extension pages only. */
export const PRIVILEGED: ReadonlySet<keyof Protocol> = new Set<keyof Protocol>(['getTabState']);

/** Messages from the background to a tab's content script. */
export interface TabProtocol {
  /** Asks the content script for its page state now. */
  getPageState: { params: Record<string, never>; return: PageState };
}

export const TAB_PROTOCOL_PARAMS: { [K in keyof TabProtocol]: Validator<TabProtocol[K]['params']> } = {
  getPageState: object({}) as Validator<Record<string, never>>,
};
