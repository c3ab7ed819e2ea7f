/**
 * The hashes the text code shares: 32-bit FNV-1a, which a scan can fold in one UTF-16 unit at a
 * time as it reads a run (nothing is sliced out to be hashed), and murmur3's finaliser, which
 * spreads a hash's bits before its low ones pick a slot.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a's step: `h` with one more unit folded in. */
export const fnvStep = (h: number, unit: number): number => Math.imul(h ^ unit, FNV_PRIME);

/** Murmur3's finaliser: spreads the bits of a combined hash. */
export function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
