/**
 * The one shadow-root host for the extension's floating UI (English peek, term popover,
 * selection toolbar), created on first use so pages that never need it are not touched.
 */

import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EnglishPeek, type PeekParagraph } from '@/components/EnglishPeek';
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
  /** Read out by screen readers (an ARIA live region): what a popover says, in short. */
  announcement: string;
}

export const overlayStore = new Store<OverlayState>({ peek: null, popover: null, toolbar: null, announcement: '' });

function Overlay({ store }: { store: Store<OverlayState> }) {
  const state = useStore(store);
  return (
    <>
      {state.peek && <EnglishPeek anchor={state.peek.anchor} paragraphs={state.peek.paragraphs} />}
      {state.popover && <TermPopover {...state.popover} />}
      {state.toolbar && <SelectionToolbar {...state.toolbar} />}
      <div class="sr-only" aria-live="polite" data-testid="announcement">
        {state.announcement}
      </div>
    </>
  );
}

let ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
let host: HTMLElement | undefined;

/** Mounts the overlay once; later calls return the same UI. */
export function ensureOverlay(ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<void>> {
  ui ??= createShadowRootUi(ctx, {
    name: 'song-ngu-ui',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: overlayCss,
    onMount(container, _shadow, shadowHost) {
      host = shadowHost;
      shadowHost.setAttribute('data-scheme', pageScheme());
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
  return ui;
}

/** True when an event target is our overlay's host (events from inside a shadow root retarget to it). */
export function isOverlay(target: EventTarget | null): boolean {
  return !!host && target === host;
}

/** Keeps the overlay's colours in step with the page (which may switch theme). */
export function refreshOverlayScheme(): void {
  host?.setAttribute('data-scheme', pageScheme());
}
