/**
 * What the open popover (a glossary term's or the dictionary's) offers for its word: "Save word"
 * (or key S), "I know this", the lookup history (a popover open for a second, or pinned, is one
 * lookup) and "looked up N times". One word at a time: the popover opened last owns it.
 *
 * The background decides whether history is kept (the lookupHistory setting) and answers the
 * count either way; only the reader's own input (`isTrusted`) saves or marks anything.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WordActionsProps } from '@/components/WordActions';
import type { HanSyllable } from '@/core/glossary-format';
import type { WordSense } from '@/core/saved-word';
import { sendMessage } from '@/lib/messaging';
import { isFromOverlay, isTyping, originOf, overlayStore } from './overlay';
import type { PageSnapshot } from './page-snapshot';
import { sentenceAt, wordContext, type WordSpot } from './word-context';

/** A popover open this long is a lookup the history records. */
export const LOOKUP_RECORD_MS = 1_000;

/** The word a popover is about, as it would be saved. */
export interface PopoverWord {
  headword: string;
  sense: WordSense | null;
  han: readonly HanSyllable[] | null;
}

/** A word's actions as a popover first shows them, before its saved state and lookup count are in. */
export function initialActions(headword: string): WordActionsProps {
  const nothing = () => undefined;
  return { headword, saved: false, known: false, lookups: null, status: '', onSave: nothing, onKnow: nothing };
}

export class WordActions {
  private word: PopoverWord | null = null;
  private spot: WordSpot | null = null;
  private timer: number | undefined;
  private recorded = false;
  private state: Omit<WordActionsProps, 'onSave' | 'onKnow'> | null = null;
  private generation = 0;
  /** The popover that opened the current word: only it can pin or close it. */
  private owner: object | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly snapshot: () => PageSnapshot,
  ) {
    ctx.addEventListener(document, 'keydown', (e) => this.onKey(e), { capture: true });
  }

  /** A popover (`owner`) opened on `word` at `spot`: show its actions, count it, record it after a while. */
  open(owner: object, word: PopoverWord, spot: WordSpot, pinned: boolean): void {
    this.close(this.owner);
    this.owner = owner;
    const generation = ++this.generation;
    this.word = word;
    this.spot = spot;
    this.recorded = false;
    const { onSave: _save, onKnow: _know, ...initial } = initialActions(word.headword);
    this.state = initial;
    this.render();
    if (pinned) this.record();
    else this.timer = this.ctx.setTimeout(() => this.record(), LOOKUP_RECORD_MS);
    void Promise.all([
      sendMessage('lookupCount', { headword: word.headword }),
      sendMessage('wordStatus', { headwords: [word.headword] }),
    ])
      .then(([count, { statuses }]) => {
        if (generation !== this.generation) return;
        const status = statuses[word.headword];
        this.update({
          lookups: Math.max(this.state?.lookups ?? 0, count.count),
          known: status === 'known',
          saved: status === 'new' || status === 'learning' || (this.state?.saved ?? false),
        });
      })
      .catch(() => undefined);
  }

  /** The popover was pinned: that is a lookup at once. */
  pinned(owner: object): void {
    if (owner === this.owner) this.record();
  }

  /** The popover `owner` closed: its word's actions go with it (another's stay). */
  close(owner: object | null): void {
    if (owner !== this.owner) return;
    this.owner = null;
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.word = null;
    this.spot = null;
    this.state = null;
    this.generation++;
    if (overlayStore.get().wordActions) overlayStore.set({ wordActions: null });
  }

  private update(patch: Partial<Omit<WordActionsProps, 'onSave' | 'onKnow'>>): void {
    if (!this.state) return;
    this.state = { ...this.state, ...patch };
    this.render();
  }

  private render(): void {
    if (!this.state) return;
    const trusted = (action: () => void) => (e: Event) => {
      if (e.isTrusted) action();
    };
    overlayStore.set({
      wordActions: { ...this.state, onSave: trusted(() => void this.save()), onKnow: trusted(() => void this.know()) },
    });
  }

  private record(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    const { word, spot } = this;
    if (!word || !spot || this.recorded || !/^https?:/.test(location.href)) return;
    this.recorded = true;
    const generation = this.generation;
    const { sentence } = sentenceAt(this.snapshot(), spot);
    void sendMessage('recordLookup', {
      headword: word.headword,
      sentence,
      url: location.href,
      title: document.title.slice(0, 1000),
    })
      .then((r) => {
        if (generation === this.generation) this.update({ lookups: r.count });
      })
      .catch(() => undefined);
  }

  /** "Save word": the headword, its sense, the sentence, the page and the English there. */
  async save(): Promise<void> {
    const { word, spot } = this;
    if (!word || !spot || this.state?.saved) return;
    if (!word.sense) {
      this.update({ status: 'Nothing to save: this word has no English here' });
      return;
    }
    const generation = this.generation;
    try {
      await sendMessage('saveWord', {
        word: {
          headword: word.headword,
          sense: word.sense,
          han: word.han ? [...word.han] : null,
          context: wordContext(this.snapshot(), spot),
        },
      });
      if (generation === this.generation)
        this.update({ saved: true, known: false, status: `Saved “${word.headword}”` });
    } catch (e) {
      if (generation === this.generation) this.update({ status: `Could not save: ${(e as Error).message}` });
    }
  }

  /** "I know this", or taking it back. */
  async know(): Promise<void> {
    const { word } = this;
    if (!word || !this.state) return;
    const known = !this.state.known;
    const generation = this.generation;
    try {
      const r = await sendMessage('markKnown', {
        headword: word.headword,
        known,
        sense: word.sense,
        han: word.han ? [...word.han] : null,
      });
      if (generation === this.generation) {
        this.update({ known: r.status === 'known', status: r.status === 'known' ? 'Marked as known' : '' });
      }
    } catch (e) {
      if (generation === this.generation) this.update({ status: `Could not mark: ${(e as Error).message}` });
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.word || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key !== 's' && e.key !== 'S') return;
    if (isTyping(originOf(e)) && !isFromOverlay(e)) return;
    e.preventDefault();
    void this.save();
  }
}
