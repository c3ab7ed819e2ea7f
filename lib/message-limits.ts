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
 * `lookupSpans`: the most text nodes, and characters, one message reads ahead; a node longer than
 * that is left to the hovers, which send a window of it. A few paragraphs a message: the
 * background answers one in milliseconds, so a hover asked meanwhile does not wait long behind it.
 */
export const MAX_SPAN_TEXTS = 400;
export const MAX_SPAN_CHARS = 8_000;
