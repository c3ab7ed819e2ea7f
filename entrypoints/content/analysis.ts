/**
 * What the background found in the page's blocks, cached by block text: each text is sent once,
 * in messages of at most MAX_ANALYSIS_CHARS, and read by both the bilingual view (corpus
 * candidates) and the glossary terms.
 *
 * A page is not trusted to be reasonable. A block longer than one message (a 300,000-character
 * paragraph) is sent in pieces, for its glossary terms only: no corpus paragraph is that long.
 * A batch the background refuses or fails on is not fatal: its blocks simply have no analysis
 * this pass, and are asked for again on a later one.
 */

import { sendMessage } from '@/lib/messaging';
import { ANALYSIS_BATCH_TEXTS, MAX_ANALYSIS_CHARS } from '@/lib/message-limits';
import type { BlockAnalysis, ParagraphText, TermHit } from '@/lib/protocol';
import type { PageBlock } from './blocks';
import type { Pacer } from './scheduler';

const CACHE_LIMIT = 5000;
const NOTHING: BlockAnalysis = { candidates: [], terms: [] };

/** Splits a long text into pieces of at most `max` characters, at a space or line break where one is near. */
export function piecesOf(text: string, max: number): { start: number; text: string }[] {
  const pieces: { start: number; text: string }[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const cut = Math.max(
        text.lastIndexOf('\n', end),
        text.lastIndexOf('. ', end - 2) + 1,
        text.lastIndexOf(' ', end),
      );
      if (cut > start + max / 2) end = cut;
    }
    pieces.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return pieces;
}

export class PageAnalysis {
  private readonly results = new Map<string, BlockAnalysis>();
  /** The English of every candidate paragraph seen, by `articleId:index`. */
  readonly english = new Map<string, ParagraphText>();

  /**
   * Sends the blocks whose text is new to the background. Resolves to false when some of them
   * could not be analysed (refused, rate-limited, the background restarting): those are tried
   * again on the next call.
   */
  async analyze(blocks: readonly PageBlock[], pacer: Pacer): Promise<boolean> {
    const pending = [...new Set(blocks.map((b) => b.text).filter((t) => !this.results.has(t)))];
    const whole = pending.filter((t) => t.length <= MAX_ANALYSIS_CHARS);
    let complete = true;
    // Texts that fit in a message go in batches, the rest piece by piece.
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const texts = batch;
      batch = [];
      size = 0;
      try {
        const { results, paragraphs } = await sendMessage('analyzeBlocks', { texts });
        texts.forEach((t, i) => this.results.set(t, results[i] ?? NOTHING));
        for (const [key, p] of Object.entries(paragraphs)) this.english.set(key, p);
      } catch {
        complete = false;
      }
      await pacer.check();
    };
    for (const text of whole) {
      if (batch.length >= ANALYSIS_BATCH_TEXTS || size + text.length > MAX_ANALYSIS_CHARS) await flush();
      batch.push(text);
      size += text.length;
    }
    await flush();
    for (const text of pending.filter((t) => t.length > MAX_ANALYSIS_CHARS)) {
      if (!(await this.analyzeHuge(text, pacer))) complete = false;
    }
    this.trim(blocks);
    return complete;
  }

  /** Glossary terms of a text too long for one message, found piece by piece. */
  private async analyzeHuge(text: string, pacer: Pacer): Promise<boolean> {
    const terms: TermHit[] = [];
    try {
      for (const piece of piecesOf(text, MAX_ANALYSIS_CHARS)) {
        const { results } = await sendMessage('analyzeBlocks', { texts: [piece.text] });
        for (const t of results[0]?.terms ?? [])
          terms.push({ ...t, start: t.start + piece.start, end: t.end + piece.start });
        await pacer.check();
      }
    } catch {
      return false;
    }
    this.results.set(text, { candidates: [], terms });
    return true;
  }

  private trim(blocks: readonly PageBlock[]): void {
    if (this.results.size <= CACHE_LIMIT) return;
    const live = new Set(blocks.map((b) => b.text));
    for (const key of this.results.keys()) if (!live.has(key)) this.results.delete(key);
  }

  of(text: string): BlockAnalysis {
    return this.results.get(text) ?? NOTHING;
  }
}
