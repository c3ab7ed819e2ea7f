/**
 * The news supplement: hover-only entries for common news words the dictionary lacks or
 * explains poorly (`assets/dictionary/*.yaml`, in the glossary's entry format with an optional
 * part of speech). They are looked up like glossary entries but never painted on the page.
 */

import { isPartOfSpeech, PARTS_OF_SPEECH, type PartOfSpeech } from './dictionary-source';
import { compileEntryFields, type CompiledEntryFields } from './glossary-format';
import { entryShape, type GlossarySourceEntry } from './glossary-schema';
import { array, literal, object, optional, type Validator } from './validate';

export const SUPPLEMENT_FORMAT = 'song-ngu-supplement';
export const SUPPLEMENT_FORMAT_VERSION = 1;

/** A supplement entry as written in a source file. */
export interface SupplementSourceEntry extends GlossarySourceEntry {
  pos?: PartOfSpeech;
}

export const supplementEntryValidator = object({ ...entryShape, pos: optional(literal(...PARTS_OF_SPEECH)) });
export const supplementFileValidator: Validator<SupplementSourceEntry[]> = array(supplementEntryValidator);

/** A compiled supplement entry: a glossary entry's fields and a part of speech. */
export interface SupplementEntry extends CompiledEntryFields {
  readonly pos: PartOfSpeech | null;
}

export interface CompiledSupplement {
  format: typeof SUPPLEMENT_FORMAT;
  version: typeof SUPPLEMENT_FORMAT_VERSION;
  entries: SupplementEntry[];
}

/** Compiles validated entries. `glossOf` gives Unihan's English definition of a character. */
export function compileSupplement(
  entries: readonly SupplementSourceEntry[],
  glossOf: (char: string) => string | null,
): CompiledSupplement {
  return {
    format: SUPPLEMENT_FORMAT,
    version: SUPPLEMENT_FORMAT_VERSION,
    entries: entries.map((e, id) => ({
      ...compileEntryFields(e, id, glossOf),
      pos: e.pos !== undefined && isPartOfSpeech(e.pos) ? e.pos : null,
    })),
  };
}

/** Checks the shape of a loaded compiled supplement. */
export function loadSupplement(compiled: unknown): SupplementEntry[] {
  const c = compiled as Partial<CompiledSupplement> | null;
  if (!c || c.format !== SUPPLEMENT_FORMAT) throw new Error('not a compiled Song ngữ supplement');
  if (c.version !== SUPPLEMENT_FORMAT_VERSION) throw new Error(`unsupported supplement version ${String(c.version)}`);
  if (!Array.isArray(c.entries)) throw new Error('compiled supplement has no entries');
  return c.entries;
}
