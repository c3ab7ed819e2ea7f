/** The first-run page (welcome.html): opened once, when the extension is installed. */

import { browser } from 'wxt/browser';
import { firstRunShown } from './settings';

export const FIRST_RUN_PATH = '/welcome.html';

/** Opens the first-run page in a new tab, unless this profile has already seen it. */
export async function openFirstRunPage(): Promise<boolean> {
  if (await firstRunShown.getValue()) return false;
  await firstRunShown.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PATH) });
  return true;
}
