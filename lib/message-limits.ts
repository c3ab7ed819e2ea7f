/** Size limits of the protocol's messages, in a file of their own so senders import only these. */

/**
 * The most characters one `analyzeBlocks` message may carry. A page's text is sent in batches
 * under this size; a single block longer than this is sent in pieces (see the content script's
 * analysis), so no page can make one message, or one answer, unbounded.
 */
export const MAX_ANALYSIS_CHARS = 64_000;

/** The most block texts the content script puts in one `analyzeBlocks` message. */
export const ANALYSIS_BATCH_TEXTS = 150;

/** Chunks of a large import or export travel in messages of at most this many characters. */
export const TRANSFER_CHUNK_CHARS = 4_000_000;

/**
 * The most characters one `lookupWord` message may carry: a window of the hovered text node
 * around the pointer, wide enough for the longest entry either side, never a whole block.
 */
export const MAX_LOOKUP_CHARS = 256;

/**
 * The most characters one `lookupSpans` message reads ahead, its text nodes together; a node
 * longer than that is left to the hovers, which send a window of it. A few paragraphs: the
 * background answers them in a few milliseconds once warm, so a hover asked meanwhile does not
 * wait long behind them.
 */
export const MAX_SPAN_CHARS = 4_000;

/** The most text nodes in one `lookupSpans` message. */
export const MAX_SPAN_TEXTS = 400;
