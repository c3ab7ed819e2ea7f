/** Where things are, for scripts and tests that run from the repository. */

import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The shared material (seeds, fixture pages and texts) next to the repository. */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const FIXTURE_PAGES_DIR = resolve(SHARED_DIR, 'fixtures/pages');
export const FIXTURE_TEXT_DIR = resolve(SHARED_DIR, 'fixtures/text');
export const SEEDS_DIR = resolve(SHARED_DIR, 'seeds');
