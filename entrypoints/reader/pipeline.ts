/**
 * The reader page runs the content script itself, on its own document: recognition, the English
 * renderings, glossary terms and their popovers, the dictionary, highlights, the selection
 * toolbar, note editor and cards are the very code that runs on a news page, so an article reads
 * the same here as there. Only two things differ, both because no extension can script its own
 * pages: the content script is called rather than injected, and its floating UI is run here
 * rather than injected by the background.
 */

import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../content/index';
import { setOverlayLoader } from '../content/overlay';
import overlayUi from '../overlay-ui';

/** Starts the page pipeline on the reader's document; resolves after its first pass. */
export async function runPagePipeline(): Promise<ContentScriptContext> {
  const ctx = new ContentScriptContext('reader');
  setOverlayLoader(() => {
    overlayUi.main();
    return Promise.resolve();
  });
  await contentScript.main(ctx);
  return ctx;
}
