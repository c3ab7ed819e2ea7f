/**
 * The reader's own articles in the database (v7's `articles` store): each with the sentence
 * pairs computed when it was saved, so loading them needs no alignment.
 */

import type { UserArticleRecord } from '@/core/user-corpus';
import { storing, type Connection } from './db-connection';

export class ArticleStore {
  constructor(private readonly connection: Connection) {}

  /** Every stored article, in id order. */
  async list(): Promise<UserArticleRecord[]> {
    const db = await this.connection.database();
    return db.getAll('articles');
  }

  /** The ids stored already, of those given. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const db = await this.connection.database();
    const tx = db.transaction('articles');
    const found = await Promise.all(ids.map((id) => tx.store.getKey(id)));
    await tx.done;
    return new Set(found.filter((k): k is string => k !== undefined));
  }

  /** Writes the articles in one transaction: all of them or, on any failure, none. */
  put(records: readonly UserArticleRecord[]): Promise<void> {
    return storing('save the articles', async () => {
      const db = await this.connection.database();
      const tx = db.transaction('articles', 'readwrite');
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    });
  }

  /** Deletes one article; returns whether it existed. */
  delete(id: string): Promise<boolean> {
    return storing('delete the article', async () => {
      const db = await this.connection.database();
      const tx = db.transaction('articles', 'readwrite');
      const had = (await tx.store.getKey(id)) !== undefined;
      if (had) await tx.store.delete(id);
      await tx.done;
      return had;
    });
  }
}
