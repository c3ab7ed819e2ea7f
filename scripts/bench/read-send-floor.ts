/**
 * The floor under the extension's cost on a page (benchmark 1, table 1e): a stand-in content
 * script that does only what any design reading the page in the background must do on load. It
 * reads the page's text, block by block, and sends all of it to the shipped background in the
 * shipped content script's batches (at most ANALYSIS_BATCH_TEXTS texts and MAX_ANALYSIS_CHARS
 * characters a message, one message at a time), which analyses it as it would for the real one. It writes
 * nothing: no English, no terms, no marks.
 *
 * Its reading is simpler than the real collector's (a TreeWalker over text nodes, each given to
 * its nearest block-level ancestor; no skipped regions, no break handling; a block longer than
 * one message, which the real one sends in pieces, left out), so it costs at most what the real
 * one's would: the load with it, less the page alone, is a lower bound on the
 * extension's overhead over the page served with the English, which already holds the English.
 */

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYSIS_BATCH_TEXTS, MAX_ANALYSIS_CHARS } from '../../lib/message-limits';
import { EXTENSION_DIR } from '../lib/chromium';

export const READ_AND_SEND_SCRIPT = `(async () => {
  const BLOCK = /^(P|BLOCKQUOTE|LI|TD|TH|FIGCAPTION|CAPTION|H[1-6]|DD|DT|DIV|SECTION|ARTICLE|MAIN|HEADER|PRE|ADDRESS|FIGURE|UL|OL|DL|TABLE|TBODY|TR|BODY|CENTER|SUMMARY|DETAILS)$/;
  const UNREAD = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/;
  const parts = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let owner = node.parentElement;
    if (!owner || UNREAD.test(owner.tagName)) continue;
    while (owner !== document.body && !BLOCK.test(owner.tagName)) owner = owner.parentElement;
    const list = parts.get(owner);
    if (list) list.push(node.data);
    else parts.set(owner, [node.data]);
  }
  const texts = [...new Set([...parts.values()].map((p) => p.join('')).filter((t) => /[\\p{L}\\p{N}]/u.test(t)))];
  let batch = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await chrome.runtime.sendMessage({ type: 'analyzeBlocks', params: { texts: batch } });
    batch = [];
    size = 0;
  };
  for (const text of texts) {
    if (text.length > ${MAX_ANALYSIS_CHARS}) continue;
    if (batch.length >= ${ANALYSIS_BATCH_TEXTS} || size + text.length > ${MAX_ANALYSIS_CHARS}) await flush();
    batch.push(text);
    size += text.length;
  }
  await flush();
})();
`;

/**
 * The shipped extension with the stand-in as its content script (and without the page stylesheet
 * the real one brings): the background, its data and the manifest's sites are the shipped ones.
 */
export function readAndSendExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vr-read-send-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'content-scripts/content.js'), READ_AND_SEND_SCRIPT);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts: { css?: string[] }[];
  };
  for (const script of manifest.content_scripts) delete script.css;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
