/**
 * The port a content script keeps to the background while the reader points at its page, so that
 * a lookup finds the background running with its lexicon loaded.
 *
 * Why a port and not a message: a port tells the content script when the background has stopped
 * (the browser stops an idle service worker after 30 s, or under memory pressure, or on an
 * update): it disconnects. The reader's next move opens it again, which starts the background and
 * has it load the lexicon while the hand is still on its way to a word, not after it has come to
 * rest. While the pointer keeps moving, a word on the port now and then keeps the background from
 * being stopped as idle, so an active reader does not pay for loading it again and again.
 *
 * In Firefox the extension's MV2 background page is persistent: the port is opened once and never
 * disconnects, and the words on it only ask for what is already loaded.
 */

export const WARMTH_PORT = 'song-ngu-warmth';

/** The one message the port carries: "the reader is still pointing" (or scrolling, or typing). */
export const STILL_POINTING = 'still-pointing';

/**
 * How often, at most, a moving pointer says so: well inside the 30 s after which Chrome stops an
 * idle service worker (every extension event starts those 30 s again).
 */
export const STILL_POINTING_EVERY_MS = 20_000;
