/** Highlights for tests that need some saved without selecting text on a page. */

import type { Page } from '@playwright/test';
import { toJson } from '../../core/highlight-export';
import type { HighlightRecord } from '../../core/highlight-record';
import { SAMPLE_HIGHLIGHTS } from '../fixtures/highlights-sample';

/** Imports highlights from an extension page (the import is a privileged message); returns the reply. */
export function importHighlights(
  extensionPage: Page,
  highlights: readonly HighlightRecord[] = SAMPLE_HIGHLIGHTS,
): Promise<unknown> {
  return extensionPage.evaluate(
    (text) =>
      chrome.runtime.sendMessage({
        type: 'importHighlights',
        params: { importId: `seed${Date.now()}seedseed`, index: 0, chunks: 1, text },
      }),
    toJson(highlights, new Date()),
  );
}
