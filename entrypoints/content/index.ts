import { defineContentScript } from 'wxt/utils/define-content-script';
import { handleTabMessages } from '@/lib/messaging';
import { VIEW_MODES } from '@/lib/protocol';
import { setViewMode, viewModeFor, viewModes, DEFAULT_VIEW_MODE } from '@/lib/settings';
import { NEWS_SITE_MATCHES, siteOf } from '@/lib/sites';
import { HighlightsFeature } from './highlights';
import { PageController } from './page-controller';
import { watchPage } from './page-watch';
import { SelectionToolbarController } from './selection-toolbar';
import { TermPopover } from './term-popover';
import { TermsFeature } from './terms';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // The overlay's CSS is passed to its shadow root as text; nothing is injected into the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const site = siteOf(location.hostname);
    const controller = new PageController(ctx, await viewModeFor(site));
    const terms = new TermsFeature(controller.analysis);
    controller.addFeature(terms);
    const popover = new TermPopover(ctx, terms, controller.view);
    const highlights = new HighlightsFeature();
    controller.addFeature(highlights);
    const toolbar = new SelectionToolbarController(ctx, highlights, controller.view, terms);
    toolbar.onSaved = (count) => controller.setCounts({ highlights: count });

    const unwatchModes = viewModes.watch((modes) => controller.setMode(modes?.[site] ?? DEFAULT_VIEW_MODE));
    ctx.onInvalidated(unwatchModes);

    const stopMessages = handleTabMessages({
      getPageState: () => controller.state(),
      cycleViewMode: async () => {
        const next = VIEW_MODES[(VIEW_MODES.indexOf(controller.view.viewMode) + 1) % VIEW_MODES.length]!;
        controller.setMode(next);
        await setViewMode(site, next);
        return next;
      },
      showTermAtCaret: () => popover.showAtCaret(),
      highlightSelection: () => toolbar.highlightSelection(),
      flashHighlight: ({ id }) => highlights.flash(id),
    });
    ctx.onInvalidated(stopMessages);

    watchPage(
      ctx,
      controller.view.removedByUs,
      () => controller.markDirty(),
      (changes) => void controller.onChanges(changes),
    );
    ctx.onInvalidated(() => controller.view.destroy());
    await controller.runFull();
  },
});
