/**
 * The page served with the English already in it, for the whole-cost benchmark: the renderings
 * the extension made, read from the live page, written into the served HTML after their blocks,
 * each open shadow root as a declarative `<template shadowrootmode="open">`; and the checks that
 * the result is the page plus the English and nothing else.
 *
 * The functions marked "runs in the page" are passed to `page.evaluate`, so they use nothing
 * from this module.
 */

import { JSDOM } from 'jsdom';

/** A rendering as the extension left it, and the block it follows (told apart by its tag, text and rank). */
export interface ServedRendering {
  tag: string;
  text: string;
  /** How many elements with the same tag and text come before the block. */
  rank: number;
  /** The rendering, its shadow root written as a declarative template. */
  html: string;
}

/** Runs in the page after the extension is ready: its renderings and the blocks they follow. */
export function renderingsToServe(): ServedRendering[] {
  const textOf = (el: Element) => {
    const copy = el.cloneNode(true) as Element;
    for (const r of copy.querySelectorAll('vr-translation')) r.remove();
    return copy.textContent ?? '';
  };
  const byTag = new Map<string, { el: Element; text: string }[]>();
  return [...document.querySelectorAll('vr-translation')].map((r) => {
    const block = r.previousElementSibling;
    if (!block) throw new Error('a rendering with no block before it');
    const tag = block.localName;
    if (!byTag.has(tag))
      byTag.set(
        tag,
        [...document.querySelectorAll(tag)].map((el) => ({ el, text: textOf(el) })),
      );
    const text = textOf(block);
    const same = byTag.get(tag)!.filter((e) => e.text === text);
    const attributes = [...r.attributes]
      .map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .join('');
    const inner = r.getHTML({ shadowRoots: r.shadowRoot ? [r.shadowRoot] : [] });
    return {
      tag,
      text,
      rank: same.findIndex((e) => e.el === block),
      html: `<vr-translation${attributes}>${inner}</vr-translation>`,
    };
  });
}

/**
 * The page as served, with each rendering after its block: the served HTML parsed again (no
 * script runs, so nothing the page's scripts added is copied) and each rendering's markup put
 * after the element with its block's tag, text and rank.
 */
export function servedWithEnglish(html: string, renderings: readonly ServedRendering[]): string {
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const byTag = new Map<string, Element[]>();
  renderings.forEach((r, i) => {
    if (!byTag.has(r.tag)) byTag.set(r.tag, [...doc.querySelectorAll(r.tag)]);
    const block = byTag.get(r.tag)!.filter((el) => el.textContent === r.text)[r.rank];
    if (!block) throw new Error(`no <${r.tag}> "${r.text.slice(0, 40)}…" in the served page`);
    block.after(doc.createComment(`vr-rendering-${i}`));
  });
  return dom.serialize().replace(/<!--vr-rendering-(\d+)-->/g, (_, i: string) => renderings[Number(i)]!.html);
}

/** Runs in the page: its renderings (attributes, light and shadow DOM), and the rest of the document without them or the extension's marks. */
export function pageSnapshot(): { rest: string; renderings: string[] } {
  const renderings = [...document.querySelectorAll('vr-translation')].map(
    (r) =>
      `${[...r.attributes].map((a) => `${a.name}=${a.value}`).join(' ')} | ${r.getHTML({ shadowRoots: r.shadowRoot ? [r.shadowRoot] : [] })}`,
  );
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll('vr-translation, song-ngu-ui')) el.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) if (a.name.startsWith('data-vr-')) el.removeAttribute(a.name);
  }
  const attributes = [...clone.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
  return { rest: `${attributes} | ${clone.getHTML()}`, renderings };
}

/** "same", or where two serialisations first differ. */
export function difference(a: string, b: string): string {
  if (a === b) return 'same';
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `differ at character ${i} of ${a.length} / ${b.length}: ${at(a)} vs ${at(b)}`;
}
