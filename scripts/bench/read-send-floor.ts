/**
 * The floor under the extension's cost on a page (benchmark 1, table 1e): a stand-in content
 * script that does only what any design reading the page in the background must do on load. It
 * reads the page's text, block by block, and sends all of it to the shipped background in the
 * shipped content script's batches (at most ANALYSIS_BATCH_TEXTS texts and MAX_ANALYSIS_CHARS
 * characters a message, one message at a time), which analyses it as it would for the real one. It writes
 * nothing: no English, no terms, no marks.
 *
 * Its reading is simpler than the real collector's and never reads more: a TreeWalker over text
 * nodes, each given to its nearest block-level ancestor, and left out when any ancestor is one the
 * real collector skips (its tags and ARIA roles, an editable region, a custom element, any
 * header); no break handling; a block longer than one message, which the real one sends in
 * pieces, left out. So it costs at most what the real one's reading would: the load with it,
 * less the page alone, is a lower bound on the extension's overhead over the page served with the
 * English, which already holds the English.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYSIS_BATCH_TEXTS, MAX_ANALYSIS_CHARS } from '../../lib/message-limits';
import { SKIP_ROLES, SKIP_TAGS } from '../../entrypoints/content/blocks';
import { copyOfBuild } from '../lib/chromium';

export const READ_AND_SEND_SCRIPT = `(async () => {
  const BLOCK = /^(P|BLOCKQUOTE|LI|TD|TH|FIGCAPTION|CAPTION|H[1-6]|DD|DT|DIV|SECTION|ARTICLE|MAIN|HEADER|PRE|ADDRESS|FIGURE|UL|OL|DL|TABLE|TBODY|TR|BODY|CENTER|SUMMARY|DETAILS)$/;
  const SKIP_TAGS = new Set(${JSON.stringify([...SKIP_TAGS, 'HEADER', 'svg', 'math'])});
  const SKIP_ROLES = new Set(${JSON.stringify([...SKIP_ROLES])});
  const skipped = (el) =>
    SKIP_TAGS.has(el.tagName) || el.tagName.includes('-') ||
    (el.hasAttributes() && (SKIP_ROLES.has(el.getAttribute('role')) || el.hasAttribute('contenteditable')));
  // Per element: null when it or an ancestor is skipped, else the block its text belongs to.
  const owners = new Map([[document.body, document.body]]);
  const ownerOf = (el) => {
    let owner = owners.get(el);
    if (owner !== undefined) return owner;
    const above = el.parentElement ? ownerOf(el.parentElement) : null;
    owner = above === null || skipped(el) ? null : BLOCK.test(el.tagName) ? el : above;
    owners.set(el, owner);
    return owner;
  };
  const parts = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = ownerOf(node.parentElement);
    if (owner === null) continue;
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
  const dir = copyOfBuild('vr-read-send-');
  writeFileSync(join(dir, 'content-scripts/content.js'), READ_AND_SEND_SCRIPT);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts: { css?: string[] }[];
  };
  for (const script of manifest.content_scripts) delete script.css;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
