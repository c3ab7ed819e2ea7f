/**
 * Moving whole files between the popup and the background: exports come back in chunks and are
 * saved as one download; an import file is checked for size before it is read, then sent in
 * chunks, since one extension message cannot carry a large file.
 */

import { sendMessage } from '@/lib/messaging';
import { TRANSFER_CHUNK_CHARS, type ExportFormat, type HighlightQuery, type ImportResult } from '@/lib/protocol';

/**
 * The largest file read at all: an export of 100,000 highlights (the most one import takes) is
 * well under this, and reading a larger file would only fill the popup's memory.
 */
export const MAX_IMPORT_BYTES = 100_000_000;

/** Saves text parts as one file download. */
export function download(filename: string, mime: string, parts: string[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the highlights matching a query as a file download. */
export async function exportToFile(query: HighlightQuery, format: ExportFormat): Promise<number> {
  const prepared = await sendMessage('exportHighlights', { query, format });
  const parts: string[] = [];
  for (let index = 0; index < prepared.chunks; index++) {
    parts.push(await sendMessage('exportChunk', { exportId: prepared.exportId, index }));
  }
  download(prepared.filename, prepared.mime, parts);
  return prepared.count;
}

/** Imports an export file, all or nothing. A file too large is refused before it is read. */
export async function importFromFile(file: Blob): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    return {
      ok: false,
      errors: [
        `The file is too large to import (${mb(file.size)}; the limit is ${mb(MAX_IMPORT_BYTES)}). Nothing was read.`,
      ],
    };
  }
  const text = await file.text();
  const importId = crypto.randomUUID().replace(/-/g, '');
  const chunks = Math.max(1, Math.ceil(text.length / TRANSFER_CHUNK_CHARS));
  if (chunks > 100) return { ok: false, errors: ['The file is too large to import. Nothing was imported.'] };
  let result: ImportResult | null = null;
  for (let index = 0; index < chunks; index++) {
    const part = text.slice(index * TRANSFER_CHUNK_CHARS, (index + 1) * TRANSFER_CHUNK_CHARS);
    result = await sendMessage('importHighlights', { importId, index, chunks, text: part });
  }
  return result ?? { ok: false, errors: ['The import did not complete. Nothing was imported.'] };
}
