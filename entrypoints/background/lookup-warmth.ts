/**
 * The background's end of the warmth port (lib/warmth-port.ts): a content script connecting, or
 * saying its reader is still pointing, has the lookup data loaded. Only the extension's own
 * scripts in tabs are taken (content scripts, and the reader page, which runs the same one);
 * web pages cannot connect at all, as the extension exposes no `externally_connectable`. Any other
 * port, and anything else said on this one, is ignored: the most a port can do is load the data.
 */

import { browser, type Browser } from 'wxt/browser';
import { STILL_POINTING, WARMTH_PORT } from '@/lib/warmth-port';

/** What the background reads of a connecting port. */
export type IncomingPort = Pick<Browser.runtime.Port, 'name' | 'sender' | 'onMessage'>;

/** Takes a port if it is a content script's warmth port: `warm` now and whenever it says so. */
export function acceptWarmth(port: IncomingPort, warm: () => void, extensionId = browser.runtime.id): boolean {
  if (port.name !== WARMTH_PORT || port.sender?.id !== extensionId || !port.sender.tab) return false;
  warm();
  port.onMessage.addListener((message: unknown) => {
    if (message === STILL_POINTING) warm();
  });
  return true;
}

export function listenForWarmth(warm: () => void): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => void acceptWarmth(port, warm));
}
