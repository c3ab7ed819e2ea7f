/**
 * The background's side of the protocol, apart from lib/messaging.ts: the validators of every
 * message (and the core modules they import) stay out of the content script, which only sends.
 */

import type { Browser } from 'wxt/browser';
import { addMessageListener, dispatch, type Handlers } from './messaging';
import { PROTOCOL_PARAMS, PRIVILEGED, type Protocol } from './protocol';

/**
 * Listens for {@link Protocol} messages in the background. Returns a function that stops listening.
 */
export function handleMessages(handlers: Handlers<Protocol>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) =>
    dispatch<Protocol>(message, sender, handlers, PROTOCOL_PARAMS, PRIVILEGED);
  return addMessageListener(listener);
}
