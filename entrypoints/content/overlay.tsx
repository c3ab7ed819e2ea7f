/**
 * The one shadow-root host for the extension's floating UI (English peek, term popover,
 * selection toolbar, note editor frame), created on first use so pages that never need it are not
 * touched.
 */

import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EnglishPeek, type PeekParagraph } from '@/components/EnglishPeek';
import { NoteFrame, type NoteFrameProps } from '@/components/NoteFrame';
import { SelectionToolbar, type SelectionToolbarProps } from '@/components/SelectionToolbar';
import overlayCss from '@/components/overlay.css?inline';
import { TermPopover, type TermPopoverProps } from '@/components/TermPopover';
import { useStore } from '@/components/use-store';
import type { Rect } from '@/core/placement';
import { Store } from './overlay-store';
import { pageScheme } from './page-scheme';

export interface OverlayState {
  peek: { anchor: Rect; paragraphs: PeekParagraph[] } | null;
  popover: TermPopoverProps | null;
  toolbar: SelectionToolbarProps | null;
  note: NoteFrameProps | null;
  /** Read out by screen readers (an ARIA live region): what a popover says, in short. */
  announcement: string;
}

export const overlayStore = new Store<OverlayState>({
  peek: null,
  popover: null,
  toolbar: null,
  note: null,
  announcement: '',
});

function Overlay({ store }: { store: Store<OverlayState> }) {
  const state = useStore(store);
  return (
    <>
      {state.peek && <EnglishPeek anchor={state.peek.anchor} paragraphs={state.peek.paragraphs} />}
      {state.popover && <TermPopover {...state.popover} />}
      {state.toolbar && <SelectionToolbar {...state.toolbar} />}
      {state.note && <NoteFrame {...state.note} />}
      <div class="sr-only" aria-live="polite" data-testid="announcement">
        {state.announcement}
      </div>
    </>
  );
}

/**
 * Events that must not bubble out of our UI into the page's listeners: what the reader types and
 * clicks in it is not the page's business (capture-phase listeners still see events retargeted to
 * the host, which is why notes are typed in an extension frame instead).
 */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'contextmenu',
  'focusin',
  'focusout',
];

let ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
let host: HTMLElement | undefined;

/**
 * Mounts the overlay once; later calls return the same UI. Each call also matches the overlay's
 * colours to the page's again, so a page that switches to its dark theme gets a dark popover next.
 */
export function ensureOverlay(ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<void>> {
  ui ??= createShadowRootUi(ctx, {
    name: 'song-ngu-ui',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: overlayCss,
    isolateEvents: ISOLATED_EVENTS,
    onMount(container, _shadow, shadowHost) {
      host = shadowHost;
      render(<Overlay store={overlayStore} />, container);
    },
    onRemove() {
      ui = undefined;
      host = undefined;
    },
  }).then((created) => {
    created.mount();
    return created;
  });
  return ui.then((created) => {
    host?.setAttribute('data-scheme', pageScheme());
    return created;
  });
}

/** True when an event target is our overlay's host (events from inside a shadow root retarget to it). */
export function isOverlay(target: EventTarget | null): boolean {
  return !!host && target === host;
}

/** The element an event really started on, inside shadow roots too. */
export function originOf(e: Event): EventTarget | null {
  return e.composedPath()[0] ?? e.target;
}

/** True when the event started inside our overlay. */
export function isFromOverlay(e: Event): boolean {
  return !!host && e.composedPath().includes(host);
}
