/**
 * The extension's floating UI (English peek, term popover, selection toolbar, note editor frame)
 * in one shadow-root host. Injected by the background into a page's isolated world the first
 * time the content script needs it (see entrypoints/content/overlay.ts), it finds the content
 * script's store and context through a global of that world and renders the store.
 */

import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Peek } from '@/components/Peek';
import { PageFrame } from '@/components/PageFrame';
import overlayCss from '@/components/overlay.css?inline';
import { pageScheme } from '@/components/page-scheme';
import { SelectionToolbar } from '@/components/SelectionToolbar';
import { TermPopover } from '@/components/TermPopover';
import { DictionaryPopover } from '@/components/DictionaryPopover';
import { useStore } from '@/components/use-store';
import { OVERLAY_HANDSHAKE, type OverlayHandshake } from './content/overlay';
import type { OverlayState } from './content/overlay-state';
import type { Store } from './content/overlay-store';

function Overlay({ store }: { store: Store<OverlayState> }) {
  const state = useStore(store);
  // Keyed: the frames (a note being typed, a card) must never be re-created because a sibling
  // came or went (the toolbar closing after "Saved."), which would reload them and lose the typing.
  return (
    <>
      {state.peek && <Peek key="peek" {...state.peek} />}
      {state.popover && <TermPopover key="term" {...state.popover} actions={state.wordActions} />}
      {state.lookup && !state.popover && (
        <DictionaryPopover
          key="lookup"
          {...state.lookup}
          actions={state.lookup.staged ? state.lookup.actions : state.wordActions}
        />
      )}
      {state.toolbar && <SelectionToolbar key="toolbar" {...state.toolbar} />}
      {state.note && <PageFrame key="note" {...state.note} />}
      {state.card && <PageFrame key="card" {...state.card} />}
      <div key="announcement" class="sr-only" aria-live="polite" data-testid="announcement">
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

export default defineUnlistedScript(() => {
  const handshake = (globalThis as Record<string, unknown>)[OVERLAY_HANDSHAKE] as OverlayHandshake | undefined;
  // Injected twice (a second request raced the first), or with no content script to serve: nothing to do.
  if (!handshake || (handshake as { taken?: boolean }).taken) return;
  (handshake as { taken?: boolean }).taken = true;
  void createShadowRootUi(handshake.ctx, {
    name: 'song-ngu-ui',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: overlayCss,
    isolateEvents: ISOLATED_EVENTS,
    onMount(container, _shadow, host) {
      render(<Overlay store={handshake.store} />, container);
      handshake.mounted(host, () => host.setAttribute('data-scheme', pageScheme()));
    },
  }).then((ui) => ui.mount());
});
