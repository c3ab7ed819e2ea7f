/**
 * The one shadow-root host for the extension's floating UI (English peek, term popover,
 * selection toolbar), created on first use so pages that never need it are not touched.
 */

import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EnglishPeek, type PeekParagraph } from '@/components/EnglishPeek';
import overlayCss from '@/components/overlay.css?inline';
import { useStore } from '@/components/use-store';
import type { Rect } from '@/core/placement';
import { Store } from './overlay-store';
import { pageScheme } from './page-scheme';

export interface OverlayState {
  peek: { anchor: Rect; paragraphs: PeekParagraph[] } | null;
}

export const overlayStore = new Store<OverlayState>({ peek: null });

function Overlay({ store }: { store: Store<OverlayState> }) {
  const state = useStore(store);
  return <>{state.peek && <EnglishPeek anchor={state.peek.anchor} paragraphs={state.peek.paragraphs} />}</>;
}

let ui: Promise<ShadowRootContentScriptUi<void>> | undefined;

/** Mounts the overlay once; later calls return the same UI. */
export function ensureOverlay(ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<void>> {
  ui ??= createShadowRootUi(ctx, {
    name: 'song-ngu-ui',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: overlayCss,
    onMount(container, _shadow, host) {
      host.setAttribute('data-scheme', pageScheme());
      render(<Overlay store={overlayStore} />, container);
    },
    onRemove(_mounted) {
      ui = undefined;
    },
  }).then((created) => {
    created.mount();
    return created;
  });
  return ui;
}
