import { render } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Registers hooks giving each jsdom test a fresh extension (fakeBrowser) and an element to render
 * popup components into; returns a getter for that element. With `endInView`, whatever the list
 * observes counts as in view at once, as the end of a short list is in a real popup.
 */
export function usePopupHost({ endInView = false } = {}): () => HTMLElement {
  let host: HTMLElement | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    // jsdom has no IntersectionObserver; the list only uses it to load further pages.
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        private live = true;
        constructor(private readonly report: (entries: { isIntersecting: boolean }[]) => void) {}
        observe() {
          if (endInView) queueMicrotask(() => this.live && this.report([{ isIntersecting: true }]));
        }
        disconnect() {
          this.live = false;
        }
      },
    );
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    if (host) render(null, host);
    host?.remove();
    vi.unstubAllGlobals();
  });
  return () => host!;
}

/** The ids of the highlight rows on screen, in order. */
export const rowIds = () =>
  [...document.querySelectorAll('[data-testid="highlight"]')].map((li) => li.getAttribute('data-id'));
