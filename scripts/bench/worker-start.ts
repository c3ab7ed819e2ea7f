/**
 * The service worker's cold start in Chromium, from the reader's first move to the first answered
 * lookup (benchmark 10b): where the time goes between the browser starting the worker and the
 * worker answering. A copy of the built extension whose background script first notes the time
 * (its start, and when each message is handled and answered) into `self.__start`; nothing else
 * changes. All times are the machine's clock (each process's timeOrigin + now), from the trusted
 * move that wakes the worker.
 *
 * Two first requests are timed, each in its own cold starts:
 * - a dictionary word: `lookupWord`, which loads the lexicon, the dictionary's head and the
 *   word's shards;
 * - a glossary term: `getEntries`, which loads the lexicon (the glossary, the supplement and the
 *   index) and the corpus, but no dictionary senses: the service worker's start without them.
 */

import { copyOfBuild, prependToBackground } from '../lib/chromium';

/** Prepended to background.js: the worker's clock, and each message's arrival and answer. */
const NOTE_START = `{
  const now = () => performance.timeOrigin + performance.now();
  self.__start = { origin: performance.timeOrigin, script: now(), evaluated: 0, messages: [] };
  const listen = chrome.runtime.onMessage.addListener.bind(chrome.runtime.onMessage);
  chrome.runtime.onMessage.addListener = (handle) =>
    listen((message, sender, reply) => {
      const note = { type: message && message.type, at: now(), answered: 0 };
      self.__start.messages.push(note);
      const answered = () => (note.answered = now());
      // Answered through the callback (webextension-polyfill's way) or by the promise returned,
      // which Chromium waits for itself where it has the browser namespace.
      const result = handle(message, sender, (value) => { answered(); reply(value); });
      if (result && typeof result.then === 'function') result.then(answered, answered);
      return result;
    });
  queueMicrotask(() => (self.__start.evaluated = now()));
}`;

/** A copy of the built extension whose background notes its start (see NOTE_START). */
export function startNotingExtension(): string {
  const dir = copyOfBuild('vr-worker-start-');
  prependToBackground(dir, NOTE_START);
  return dir;
}

interface Noted {
  origin: number;
  script: number;
  evaluated: number;
  messages: { type: string; at: number; answered: number }[];
}

/** One cold start, in ms from the waking move. */
export interface WorkerStart {
  /** The browser started the worker (its clock's origin). */
  started: number;
  /** Its script began to run (after loading and compiling it). */
  script: number;
  /** Its script's top level had run. */
  evaluated: number;
  /** The first request of `type` arrived, and was answered. */
  requested: number;
  answered: number;
}

/**
 * Reads what the worker noted, once it has answered `type`, relative to `movedAt` (the machine's
 * clock). `read` evaluates in the service worker.
 */
export async function notedStart(
  read: () => Promise<Noted | undefined>,
  type: string,
  movedAt: number,
): Promise<WorkerStart | null> {
  for (const started = Date.now(); Date.now() - started < 8000; await new Promise((r) => setTimeout(r, 50))) {
    const noted = await read().catch(() => undefined);
    const first = noted?.messages.find((m) => m.type === type && m.answered > 0);
    if (!noted || !first || noted.origin < movedAt) continue;
    return {
      started: noted.origin - movedAt,
      script: noted.script - movedAt,
      evaluated: noted.evaluated - movedAt,
      requested: first.at - movedAt,
      answered: first.answered - movedAt,
    };
  }
  return null;
}
