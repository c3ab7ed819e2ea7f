// @vitest-environment jsdom
/**
 * The block walk against a plain recursive reading of the same rules, on every saved news page:
 * `collectBlocks` is an iterative walk that carries each node's owner down and can pause between
 * slices (see blocks.ts), this is written to be read. Both must find the same blocks, texts and
 * text-node segments, so a change made to the walk for speed cannot change what it reads. The
 * reference asks blocks.ts's own `isSkipped` and `isBlockTag` which elements to skip and which own
 * their text: it checks the walk (owners carried down, breaks, white space, order), and the last
 * test checks those rules on a page made for them.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { FIXTURE_PAGES_DIR } from '@/scripts/lib/paths';
import { collectBlocks, isBlockTag, isSkipped } from './blocks';

interface Reading {
  element: Element;
  parts: string[];
  segments: { node: Text; start: number }[];
  length: number;
  pendingBreak: boolean;
}

/** The rules of blocks.ts, recursively: skipped subtrees, owning blocks, breaks, whitespace. */
function referenceBlocks(root: Element) {
  const readings = new Map<Element, Reading>();
  const append = (r: Reading, node: Text) => {
    r.segments.push({ node, start: r.length });
    r.parts.push(node.data);
    r.length += node.data.length;
  };
  const visit = (parent: Node, owner: Element) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === n.TEXT_NODE) {
        const text = n as Text;
        const r = readings.get(owner);
        if (!/\S/.test(text.data)) {
          if (r && r.length > 0 && !r.pendingBreak) append(r, text);
          continue;
        }
        const reading = r ?? { element: owner, parts: [], segments: [], length: 0, pendingBreak: false };
        readings.set(owner, reading);
        if (reading.pendingBreak && reading.length > 0) {
          reading.parts.push('\n');
          reading.length += 1;
        }
        reading.pendingBreak = false;
        append(reading, text);
      } else if (n.nodeType === n.ELEMENT_NODE) {
        const el = n as Element;
        if (isSkipped(el)) continue;
        const block = isBlockTag(el);
        if (block || el.tagName.toUpperCase() === 'BR') {
          const r = readings.get(owner);
          if (r) r.pendingBreak = true;
        }
        visit(el, block ? el : owner);
      }
    }
  };
  visit(root, root);
  return [...readings.values()]
    .map((r) => ({ element: r.element, text: r.parts.join(''), segments: r.segments }))
    .filter((b) => /[\p{L}\p{N}]/u.test(b.text));
}

const PAGES = readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html'));

describe('the block walk reads a page as the plain reading of its rules does', () => {
  test('there are saved pages to read', () => expect(PAGES.length).toBeGreaterThanOrEqual(9));

  test.each(PAGES)('%s', async (name) => {
    const body = new JSDOM(readFileSync(join(FIXTURE_PAGES_DIR, name), 'utf8')).window.document.body;
    const walked = await collectBlocks(body);
    const reference = referenceBlocks(body);
    expect(walked.length).toBeGreaterThan(10);
    expect(walked.map((b) => b.text)).toEqual(reference.map((b) => b.text));
    walked.forEach((b, i) => {
      const expected = reference[i]!;
      expect(b.element).toBe(expected.element);
      expect(b.segments.map((s) => s.start)).toEqual(expected.segments.map((s) => s.start));
      // The same text nodes, not equal ones: a page repeats " " and "\n" nodes everywhere.
      b.segments.forEach((s, j) => expect(s.node).toBe(expected.segments[j]!.node));
    });
  });

  test('a page with SVG, MathML, custom elements, roles and an editable region', async () => {
    const { body } = new JSDOM(`<body>
      <div>Mở đầu<svg><text>Biểu đồ</text></svg> tiếp<math><mi>x</mi></math><br>dòng hai</div>
      <section role="navigation"><p>Menu</p></section><my-widget><p>Tiện ích</p></my-widget>
      <vr-translation><p>English</p></vr-translation><div contenteditable="false"><p>Đọc được</p></div>
      <div contenteditable><p>Không đọc</p></div><header class="site"><p>Báo</p></header>
      <main><header><h1>Tiêu đề</h1></header><p>Thân <b>bài</b><span> </span>viết.</p></main></body>`).window.document;
    const walked = await collectBlocks(body);
    expect(walked.map((b) => b.text)).toEqual(referenceBlocks(body).map((b) => b.text));
    expect(walked.map((b) => b.text)).toEqual([
      'Mở đầu tiếp\ndòng hai',
      'Tiện ích',
      'Đọc được',
      'Tiêu đề',
      'Thân bài viết.',
    ]);
  });
});
