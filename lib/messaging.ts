/**
 * The one message protocol between the extension's parts.
 *
 * Every message is declared once in {@link Protocol} as `{params, return}` (to the background) or in
 * {@link TabProtocol} (from the background to a content script), with a validator for its params.
 * Receivers take `unknown`, validate the envelope and the params before acting, and refuse
 * privileged messages (those that read or change the whole database, or other tabs) from anything
 * that is not one of the extension's own pages.
 */

import { browser, type Browser } from 'wxt/browser';
import { formatIssues, validate, type Validator } from '@/core/validate';
import type { Protocol } from './protocol';
import { TAB_PROTOCOL_PARAMS, type TabProtocol } from './tab-protocol';

export type { Protocol } from './protocol';
export type { TabProtocol } from './tab-protocol';

type Envelope = { type: string; params: unknown };
type Reply<R> = { ok: true; value: R } | { ok: false; error: string };

/** Any protocol: message names mapped to their params and return types. */
type AnyProtocol<P> = { [K in keyof P]: { params: unknown; return: unknown } };

/** Thrown on the sending side when the receiver refused or failed to handle a message. */
export class MessageError extends Error {
  override name = 'MessageError';
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Envelope).type === 'string' &&
    'params' in message
  );
}

/** The value of a reply to `type`, or the receiver's refusal or failure thrown as a MessageError. */
export function unwrap<R>(reply: unknown, type: string): R {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError(`${type}: no valid reply`);
  }
  const r = reply as Reply<R>;
  if (!r.ok) throw new MessageError(`${type}: ${r.error}`);
  return r.value;
}

/** Sends a message to the background and returns its reply. */
export async function sendMessage<K extends keyof Protocol>(
  type: K,
  params: Protocol[K]['params'],
): Promise<Protocol[K]['return']> {
  const reply: unknown = await browser.runtime.sendMessage({ type, params });
  return unwrap(reply, type);
}

/** Sends a message from the background to the content script of one tab. */
export async function sendTabMessage<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  params: TabProtocol[K]['params'],
): Promise<TabProtocol[K]['return']> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { type, params });
  return unwrap(reply, type);
}

/** Who sent a message, as far as a handler needs to know. */
export interface SenderInfo {
  /** The tab a content script runs in; undefined for extension pages that are not tabs. */
  readonly tabId: number | undefined;
  /** The frame of that tab the message came from (0 for the top frame). */
  readonly frameId?: number;
  /** The URL of the sending page or frame. */
  readonly url: string | undefined;
  /** True for the extension's own pages (popup, options). */
  readonly isExtensionPage: boolean;
}

export type Handlers<P extends AnyProtocol<P>> = {
  [K in keyof P]: (params: P[K]['params'], sender: SenderInfo) => Promise<P[K]['return']> | P[K]['return'];
};

function senderInfo(sender: Browser.runtime.MessageSender): SenderInfo {
  const base = browser.runtime.getURL('/');
  return {
    tabId: sender.tab?.id,
    frameId: sender.frameId,
    url: sender.url,
    isExtensionPage: typeof sender.url === 'string' && sender.url.startsWith(base),
  };
}

/** Checks the sender, the envelope and the params, then runs the handler; never throws. */
export async function dispatch<P extends AnyProtocol<P>>(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  handlers: Handlers<P>,
  validators: { [K in keyof P]: Validator<P[K]['params']> },
  privileged: ReadonlySet<string>,
): Promise<Reply<unknown>> {
  if (sender.id !== browser.runtime.id) return { ok: false, error: 'refused: not from this extension' };
  if (!isEnvelope(message)) return { ok: false, error: 'refused: malformed message' };
  const type = message.type;
  if (!Object.hasOwn(handlers, type))
    return { ok: false, error: `refused: unknown message type ${JSON.stringify(type)}` };
  const info = senderInfo(sender);
  if (privileged.has(type) && !info.isExtensionPage) {
    return { ok: false, error: `refused: ${type} is only accepted from the extension's own pages` };
  }
  const checked = validate(validators[type as keyof P], message.params, 'params');
  if (!checked.ok) return { ok: false, error: `invalid ${type}: ${formatIssues(checked.issues, 5)}` };
  try {
    const handler = handlers[type as keyof P];
    return { ok: true, value: await handler(checked.value, info) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Listens for {@link TabProtocol} messages in a content script. Only the background sends these;
 * messages from other content scripts (which carry a tab) are refused.
 */
export function handleTabMessages(handlers: Handlers<TabProtocol>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined; // not ours
    if (sender.tab) return Promise.resolve<Reply<unknown>>({ ok: false, error: 'refused: not from the background' });
    return dispatch<TabProtocol>(message, sender, handlers, TAB_PROTOCOL_PARAMS, new Set());
  };
  return addMessageListener(listener);
}

/** A listener answering with a promise (or not at all), registered so Chrome and Firefox both wait for it. */
export type AsyncListener = (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined;
type RuntimeListener = Parameters<typeof browser.runtime.onMessage.addListener>[0];

/**
 * Registers a listener that answers by returning a promise, which is how webextension-polyfill
 * replies asynchronously (its types describe Chrome's callback form, hence the cast). Returning
 * undefined leaves the message to other listeners.
 */
export function addMessageListener(listener: AsyncListener): () => void {
  const registered = listener as unknown as RuntimeListener;
  browser.runtime.onMessage.addListener(registered);
  return () => browser.runtime.onMessage.removeListener(registered);
}
