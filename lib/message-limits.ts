/** Size limits of the protocol's messages, in a file of their own so senders import only these. */

/**
 * The most characters one `analyzeBlocks` message may carry. A page's text is sent in batches
 * under this size; a single block longer than this is sent in pieces (see the content script's
 * analysis), so no page can make one message, or one answer, unbounded.
 */
export const MAX_ANALYSIS_CHARS = 64_000;

/** Chunks of a large import or export travel in messages of at most this many characters. */
export const TRANSFER_CHUNK_CHARS = 4_000_000;
