/**
 * The floating UI, as the content script sees it: a store of what to show, and `ensureOverlay`,
 * which loads the UI the first time it is needed.
 *
 * The UI (Preact, its components, the sanitiser, the shadow-root host) is most of what the
 * extension would otherwise evaluate on every page, and most pages never need it. So it is a
 * script of its own (`overlay-ui.js`), which the background injects into this page's isolated
 * world on the first request: nothing is made web-accessible, so pages cannot probe for it. The
 * UI finds the store through a global of the isolated world, which the page cannot see.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { EMPTY_OVERLAY, type OverlayState } from './overlay-state';
import { Store } from './overlay-store';

export type { OverlayState };

export const overlayStore = new Store<OverlayState>(EMPTY_OVERLAY);

/** What the injected UI script and the content script hand each other. */
export interface OverlayHandshake {
  readonly store: Store<OverlayState>;
  readonly ctx: ContentScriptContext;
  /** The UI calls this once mounted, with its host element. */
  mounted(host: HTMLElement, rescheme: () => void): void;
}

/** The isolated-world global through which the injected UI finds its store. */
export const OVERLAY_HANDSHAKE = '__songNguOverlay';

let loading: Promise<void> | undefined;
let loadUi: () => Promise<unknown> = () => sendMessage('loadOverlay', {});

/**
 * How the UI script is loaded: the background injects it into a web page; the extension's reader
 * page, which no extension may script, runs it itself.
 */
export function setOverlayLoader(load: () => Promise<unknown>): void {
  loadUi = load;
}
let host: HTMLElement | undefined;
let rescheme: (() => void) | undefined;

/**
 * Loads the UI once; later calls return at once. Each call also matches the UI's colours to the
 * page's again, so a page that switched to its dark theme gets a dark popover next.
 */
export function ensureOverlay(ctx: ContentScriptContext): Promise<void> {
  if (!loading) {
    ctx.onInvalidated(() => {
      loading = undefined;
      host = undefined;
    });
  }
  loading ??= new Promise<void>((resolve, reject) => {
    (globalThis as Record<string, unknown>)[OVERLAY_HANDSHAKE] = {
      store: overlayStore,
      ctx,
      mounted(h, scheme) {
        host = h;
        rescheme = scheme;
        resolve();
      },
    } satisfies OverlayHandshake;
    loadUi().catch(reject);
  });
  loading.catch(() => (loading = undefined));
  return loading.then(() => rescheme?.());
}

/** True when an event target is our overlay's host (events from inside a shadow root retarget to it). */
export function isOverlay(target: EventTarget | null): boolean {
  return !!host && target === host;
}

/** True for a target the reader types into (a field, editable text): keys there are not ours. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** The element an event really started on, inside shadow roots too. */
export function originOf(e: Event): EventTarget | null {
  return e.composedPath()[0] ?? e.target;
}

/** True when the event started inside our overlay. */
export function isFromOverlay(e: Event): boolean {
  return !!host && e.composedPath().includes(host);
}
