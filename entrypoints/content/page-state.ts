/**
 * Publishes the page's state, from one place: to the automation contract on `<html>`
 * (`data-vr-state`, `data-vr-matched`, `data-vr-terms`, `data-vr-highlights`, `data-vr-orphans`)
 * and to the background, which keeps it for the popup. Attributes are written only when they
 * change, and the background is told only when something it shows changed.
 */

import { sendMessage } from '@/lib/messaging';
import type { PageState } from '@/lib/protocol';

const ATTRIBUTES = {
  state: 'data-vr-state',
  matched: 'data-vr-matched',
  terms: 'data-vr-terms',
  highlights: 'data-vr-highlights',
  orphans: 'data-vr-orphans',
} as const;

export type PublishedState = Omit<PageState, 'url' | 'title'>;

export class StatePublisher {
  private reported = '';

  constructor(private readonly root: HTMLElement = document.documentElement) {}

  private set(name: string, value: string): void {
    if (this.root.getAttribute(name) !== value) this.root.setAttribute(name, value);
  }

  /** Says the page has changes not yet read (a pass is running or about to). */
  scanning(): void {
    this.set(ATTRIBUTES.state, 'scanning');
  }

  /**
   * Publishes a pass's outcome. `report: false` writes the page's attributes only: a state the
   * popup has no use for (the pass is done, its paint is a frame away) wakes no background.
   */
  publish(state: PublishedState, report = true): void {
    this.set(ATTRIBUTES.matched, String(state.matched));
    this.set(ATTRIBUTES.terms, String(state.terms));
    this.set(ATTRIBUTES.highlights, String(state.highlights));
    this.set(ATTRIBUTES.orphans, String(state.orphans));
    this.set(ATTRIBUTES.state, state.state);
    if (report) void this.report(state);
  }

  private async report(state: PublishedState): Promise<void> {
    if (!/^https?:/.test(location.href)) return;
    const full: PageState = { url: location.href, title: document.title.slice(0, 2000), ...state };
    const key = JSON.stringify(full);
    if (key === this.reported) return;
    this.reported = key;
    try {
      await sendMessage('reportPageState', full);
    } catch {
      // The background may be restarting: report again next time.
      this.reported = '';
    }
  }

  /** Takes the contract's attributes off the page (the content script is going away). */
  clear(): void {
    for (const name of Object.values(ATTRIBUTES)) this.root.removeAttribute(name);
  }
}
