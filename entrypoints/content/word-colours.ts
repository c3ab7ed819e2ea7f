/**
 * Colouring the reader's words on the page by status, when the reader turned it on (off by
 * default): saved words not yet reviewed, words being learnt, and words known, each under its own
 * CSS Custom Highlight (`vr-word-new`, `vr-word-learning`, `vr-word-known`; the paint is in
 * page-highlights.content.css).
 *
 * While the setting is off this costs one storage read at start and nothing else: no message, no
 * pass over the text. While it is on, the word list is asked for once, and again when the page
 * comes back into view (the reader may have reviewed meanwhile); each snapshot is then matched
 * against it in the content script.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WordStatus } from '@/core/saved-word';
import { WordMatcher } from '@/core/word-occurrences';
import { sendMessage } from '@/lib/messaging';
import { colourWordsByStatus } from '@/lib/settings';
import { paint } from './paint';
import type { PageFeature } from './page-controller';
import type { PageSnapshot } from './page-snapshot';

const STATUSES: readonly WordStatus[] = ['new', 'learning', 'known'];
/** The highlight names, one per status. */
export const wordHighlightName = (status: WordStatus) => `vr-word-${status}`;

export class WordColours implements PageFeature {
  private on = false;
  private matcher: WordMatcher | null = null;
  private snapshot: PageSnapshot | null = null;
  private asking = false;

  constructor(private readonly ctx: ContentScriptContext) {
    void colourWordsByStatus.getValue().then((on) => this.set(on));
    ctx.onInvalidated(colourWordsByStatus.watch((on) => this.set(on)));
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (this.on && document.visibilityState === 'visible') this.fetchWords();
    });
  }

  onSnapshot(snapshot: PageSnapshot): void {
    this.snapshot = snapshot;
    if (this.on) this.render();
  }

  onNavigate(): void {
    this.snapshot = null;
    this.clear();
  }

  private set(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (on) this.fetchWords();
    else {
      this.matcher = null;
      this.clear();
    }
  }

  private fetchWords(): void {
    if (this.asking || this.ctx.isInvalid) return;
    this.asking = true;
    void sendMessage('listColouredWords', {})
      .then(
        ({ words }) => {
          if (!this.on) return;
          this.matcher = new WordMatcher(words);
          this.render();
        },
        () => undefined,
      )
      .finally(() => (this.asking = false));
  }

  /** Paints the snapshot's occurrences of the reader's words, all three statuses in one go. */
  private render(): void {
    if (!this.snapshot || !this.matcher) return;
    const text = this.snapshot.text;
    const ranges: Record<WordStatus, StaticRange[]> = { new: [], learning: [], known: [] };
    for (const o of this.matcher.find(text.text)) {
      const range = text.rangeOf(o.start, o.end);
      if (range) ranges[o.status].push(range);
    }
    for (const status of STATUSES) paint(wordHighlightName(status), ranges[status]);
  }

  private clear(): void {
    for (const status of STATUSES) paint(wordHighlightName(status), []);
  }
}
