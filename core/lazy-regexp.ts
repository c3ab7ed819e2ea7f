/**
 * Regular expressions with Unicode property classes (`\p{L}`), built on first use.
 *
 * V8 checks every regex literal while it parses a script, lazily compiled functions included,
 * and parses it again when the literal is first evaluated. A property class is the costly part:
 * 25–200 µs each time on the machine the bench runs on (a union like `[\p{L}\p{M}\p{N}]` the
 * most). The content script held two dozen, ~1.5 ms of its compile on every page, most of them
 * for features a page may never use. Written as a string and built here, a pattern costs nothing
 * until it is used. (`lint` refuses `\p{…}` in a regex literal outside tests.)
 */

/** A function returning the one `RegExp` of `source` and `flags`, built the first time it is called. */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let built: RegExp | undefined;
  return () => (built ??= new RegExp(source, flags));
}
