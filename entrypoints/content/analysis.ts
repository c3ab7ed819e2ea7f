/**
 * What the background found in the page's blocks, cached by block text: each text is sent once,
 * in batches small enough to serialise within one slice, and read by both the bilingual view
 * (corpus candidates) and the glossary terms.
 */

import { sendMessage } from '@/lib/messaging';
import type { BlockAnalysis, ParagraphText } from '@/lib/protocol';
import type { PageBlock } from './blocks';

const BATCH_CHARS = 32_000;
const BATCH_TEXTS = 150;
const CACHE_LIMIT = 5000;
const NOTHING: BlockAnalysis = { candidates: [], terms: [] };

export class PageAnalysis {
  private readonly results = new Map<string, BlockAnalysis>();
  /** The English of every candidate paragraph seen, by `articleId:index`. */
  readonly english = new Map<string, ParagraphText>();

  /** Sends the blocks whose text is new to the background. */
  async analyze(blocks: readonly PageBlock[]): Promise<void> {
    const pending = [...new Set(blocks.map((b) => b.text).filter((t) => !this.results.has(t)))];
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const texts = batch;
      batch = [];
      size = 0;
      const { results, paragraphs } = await sendMessage('analyzeBlocks', { texts });
      texts.forEach((t, i) => this.results.set(t, results[i] ?? NOTHING));
      for (const [key, p] of Object.entries(paragraphs)) this.english.set(key, p);
    };
    for (const text of pending) {
      if (batch.length >= BATCH_TEXTS || size + text.length > BATCH_CHARS) await flush();
      batch.push(text);
      size += text.length;
    }
    await flush();
    if (this.results.size > CACHE_LIMIT) {
      const live = new Set(blocks.map((b) => b.text));
      for (const key of this.results.keys()) if (!live.has(key)) this.results.delete(key);
    }
  }

  of(text: string): BlockAnalysis {
    return this.results.get(text) ?? NOTHING;
  }
}
