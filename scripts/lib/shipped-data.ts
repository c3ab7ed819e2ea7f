/**
 * The compiled data as the build wrote it into public/data, read back in Node (benches run after
 * `npm run build`): a file by name, and the dictionary whole again from its head and shards.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledDictionary } from '../../core/dictionary-format';
import { checkDictionaryHead, joinDictionary } from '../../core/dictionary-shards';
import { REPO_ROOT } from './paths';

export const SHIPPED_DATA_DIR = join(REPO_ROOT, 'public/data');

/** The parsed JSON of `public/data/<name>.json` (`name` may be in a folder: `dictionary/head`). */
export function shippedJson(name: string): unknown {
  return JSON.parse(readFileSync(join(SHIPPED_DATA_DIR, `${name}.json`), 'utf8')) as unknown;
}

/** The shipped dictionary, its shards joined. */
export function shippedDictionary(): CompiledDictionary {
  const head = checkDictionaryHead(shippedJson('dictionary/head'));
  return joinDictionary(
    head,
    Array.from({ length: head.shards }, (_, n) => shippedJson(`dictionary/${n}`)),
  );
}
