import { defineContentScript } from 'wxt/utils/define-content-script';
import { isSwitchedOff, siteOfHost } from '@/core/site';
import { handleTabMessages } from '@/lib/messaging';
import { VIEW_MODES } from '@/lib/tab-protocol';
import { neverSites, setViewMode, viewModeFor, viewModes, DEFAULT_VIEW_MODE } from '@/lib/settings';
import { NEWS_SITE_MATCHES } from '@/lib/sites';
import { trustOnlyRealRestarts } from './context-guard';
import { Flash } from './flash';
import { GlossaryEntries } from './glossary-entries';
import { HighlightCards } from './highlight-cards';
import { ensureOverlay } from './overlay';
import { PageController } from './page-controller';
import { watchPage } from './page-watch';
import { ReadingModes } from './reading-modes';
import { SelectionToolbarController } from './selection-toolbar';
import { SentenceLinks } from './sentence-link';
import { LookupAhead } from './lookup-ahead';
import { LookupWarmth } from './lookup-warmth';
import { PointerRest } from './pointer-rest';
import { TermPopover } from './term-popover';
import { pageParagraphs } from './page-paragraphs';
import { WordColours } from './word-colours';
import { WordActions } from './word-actions';
import { WordLookup } from './word-lookup';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // The overlay's CSS is passed to its shadow root as text; nothing is injected into the page.
  cssInjectionMode: 'manual',
  // WXT would otherwise post a window message carrying the extension's id on every page load.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const site = siteOfHost(location.hostname);
    // Both settings in one wait: the first pass starts a storage round trip sooner.
    const [never, mode] = await Promise.all([neverSites.getValue(), viewModeFor(site)]);
    // A news site the reader switched off ("Never on this site"): stand down.
    if (isSwitchedOff(location.hostname, never)) return;
    trustOnlyRealRestarts(ctx);
    const controller = new PageController(ctx, mode);
    const entries = new GlossaryEntries();
    const modes = new ReadingModes(ctx, mode);
    const actions = new WordActions(ctx, () => controller.snapshot);
    // One pointer tracker: a rest on a painted term is the glossary popover's, else the dictionary's.
    const rest = new PointerRest(ctx);
    // The background kept ready while the reader is active on the page: pointing, or reading on.
    const warmth = new LookupWarmth(ctx);
    // While it is, the text near the view is looked up ahead: a hover after a long read is
    // answered in the page, not after the background has started again.
    const ahead = new LookupAhead(ctx);
    warmth.onActive(() => ahead.active());
    rest.onMoving(() => warmth.moved());
    warmth.listenForReading(ctx);
    const popover = new TermPopover(ctx, rest, entries, actions);
    const lookup = new WordLookup(ctx, rest, actions, ahead);
    const toolbar = new SelectionToolbarController(ctx, entries, (record) => controller.highlightSaved(record));
    const flash = new Flash(ctx);
    const cards = new HighlightCards(ctx);
    for (const feature of [modes, popover, toolbar, flash, cards]) controller.addFeature(feature);
    controller.addFeature(new SentenceLinks(ctx, mode));
    controller.addFeature(new WordColours(ctx));
    controller.addFeature(lookup);
    controller.addFeature(ahead);

    ctx.onInvalidated(viewModes.watch((modes) => controller.setMode(modes[site] ?? DEFAULT_VIEW_MODE)));
    ctx.onInvalidated(
      handleTabMessages({
        cycleViewMode: async () => {
          const next = VIEW_MODES[(VIEW_MODES.indexOf(controller.viewMode) + 1) % VIEW_MODES.length]!;
          controller.setMode(next);
          await setViewMode(site, next);
          return next;
        },
        showTermAtCaret: async () => popover.showAtCaret() || (await lookup.showAtCaret()),
        highlightSelection: () => toolbar.highlightSelection(),
        flashHighlight: ({ id }) => flash.flash(id),
        highlightsChanged: async () => {
          await controller.refreshHighlights(true);
          return null;
        },
        stagedHighlightDone: ({ token, saved }) => {
          toolbar.noteDone(token, saved);
          return null;
        },
        closeFrame: () => {
          cards.close();
          return null;
        },
        pageParagraphs: () => pageParagraphs(controller.snapshot, location.href, document.title),
      }),
    );

    // The floating UI is loaded when the reader first moves the pointer over the page, so it is
    // there by the time a popover or the toolbar is wanted, and pages read without a pointer never
    // load it.
    const warmUp = (e: Event) => {
      if (!e.isTrusted) return;
      document.removeEventListener('pointermove', warmUp, true);
      void ensureOverlay(ctx).catch(() => undefined);
    };
    ctx.addEventListener(document, 'pointermove', warmUp, { capture: true, passive: true });

    watchPage(
      ctx,
      controller.removedByUs,
      () => controller.markDirty(),
      (changes) => void controller.onChanges(changes),
    );
    await controller.runFull();
  },
});
