/**
 * Synthetic Vietnamese text for scale: a syllable bigram model of real news (the background
 * sentences) generates paragraphs that read like news statistically, share its stock phrases,
 * and are still distinct from one another, as thousands of real articles would be.
 */

import type { CorpusArticle } from '../../core/corpus-schema';
import { seededRandom } from '../lib/variations';

export class SyllableModel {
  private readonly next = new Map<string, string[]>();
  private readonly vocabulary: string[];

  constructor(sentences: readonly string[]) {
    const vocab = new Set<string>();
    for (const s of sentences) {
      const words = s.split(/\s+/).filter(Boolean);
      words.forEach((w, i) => {
        vocab.add(w);
        const n = words[i + 1];
        if (n) {
          const list = this.next.get(w) ?? [];
          list.push(n);
          this.next.set(w, list);
        }
      });
    }
    this.vocabulary = [...vocab];
  }

  /** A paragraph of about `length` words: mostly following the model, now and then a jump. */
  paragraph(random: () => number, length: number): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    let word = pick(this.vocabulary);
    const out = [word.charAt(0).toUpperCase() + word.slice(1)];
    for (let i = 1; i < length; i++) {
      const options = this.next.get(word);
      word = options && random() < 0.7 ? pick(options) : pick(this.vocabulary);
      out.push(word);
    }
    return `${out.join(' ').replace(/[.,;:]+$/, '')}.`;
  }
}

/** `count` synthetic articles of 15–25 paragraphs. */
export function syntheticArticles(model: SyllableModel, count: number, seed = 11): CorpusArticle[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, k) => {
    const n = 15 + Math.floor(random() * 11);
    return {
      id: `synthetic-${k}`,
      // Headlines of 8 to 24 syllables, as news headlines run.
      title: { vi: model.paragraph(random, 8 + ((k * 5) % 17)), en: 'Synthetic article' },
      source: { outlet: null, author: null, published: null, credits: [], seed: 'synthetic.txt' },
      paragraphs: Array.from({ length: n }, () => ({
        vi: model.paragraph(random, 25 + Math.floor(random() * 50)),
        en: 'x',
      })),
    };
  });
}
