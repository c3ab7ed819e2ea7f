/**
 * Large imports and exports travel in chunks: one extension message carries at most
 * TRANSFER_CHUNK_CHARS characters, and a 10,000-highlight export is several times that. The
 * pieces wait here, in the service worker's memory, for a short while.
 */

import { TRANSFER_CHUNK_CHARS } from '@/lib/protocol';

const TTL_MS = 5 * 60_000;

interface Pending {
  parts: (string | undefined)[];
  at: number;
}

const imports = new Map<string, Pending>();
const heldExports = new Map<string, Pending>();

function sweep(map: Map<string, Pending>, now: number): void {
  for (const [id, p] of map) if (now - p.at > TTL_MS) map.delete(id);
}

/**
 * Takes chunk `index` of `chunks` of an import. Returns the whole text once every chunk has
 * arrived, null before.
 */
export function receiveImportChunk(
  id: string,
  index: number,
  chunks: number,
  text: string,
  now: number,
): string | null {
  sweep(imports, now);
  const pending = imports.get(id) ?? { parts: Array.from({ length: chunks }, () => undefined), at: now };
  if (index >= chunks || pending.parts.length !== chunks)
    throw new Error('This import was sent in pieces that do not fit together.');
  pending.parts[index] = text;
  pending.at = now;
  imports.set(id, pending);
  if (pending.parts.includes(undefined)) return null;
  imports.delete(id);
  return pending.parts.join('');
}

/** Splits an export's text into chunks kept for the popup to take; returns how many. */
export function holdExport(id: string, text: string, now: number): number {
  sweep(heldExports, now);
  const parts: string[] = [];
  for (let i = 0; i < text.length || parts.length === 0; i += TRANSFER_CHUNK_CHARS) {
    parts.push(text.slice(i, i + TRANSFER_CHUNK_CHARS));
  }
  heldExports.set(id, { parts, at: now });
  return parts.length;
}

/** Chunk `index` of a held export; the last one taken releases it. */
export function takeExportChunk(id: string, index: number): string {
  const pending = heldExports.get(id);
  const part = pending?.parts[index];
  if (!pending || part === undefined) throw new Error('This export is no longer available; please export again.');
  if (index === pending.parts.length - 1) heldExports.delete(id);
  return part;
}
