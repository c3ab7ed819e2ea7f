/**
 * Moving the backup between an extension page and the background: an export comes back in chunks
 * and is saved as one download; a backup file is checked for size before it is read, then sent in
 * chunks, since one extension message cannot carry a large file. For the review page and the
 * options page.
 */

import { sendMessage } from './messaging';
import { download } from './transfers';
import { TRANSFER_CHUNK_CHARS, type BackupExport, type BackupImportResult } from './protocol';

/** The largest file read at all: a backup of years of daily reviews is far smaller. */
export const MAX_BACKUP_BYTES = 300_000_000;
/** At most this many chunks per transfer (the protocol's limit). */
const MAX_CHUNKS = 100;

/** Exports the backup (or the words for Anki) as a file download; returns how many records it holds. */
export async function exportBackupToFile(format: BackupExport): Promise<number> {
  const prepared = await sendMessage('exportBackup', { format });
  const parts: string[] = [];
  for (let index = 0; index < prepared.chunks; index++) {
    parts.push(await sendMessage('exportChunk', { exportId: prepared.exportId, index }));
  }
  download(prepared.filename, prepared.mime, parts);
  return prepared.count;
}

/** Imports a backup file, all or nothing. A file too large is refused before it is read. */
export async function importBackupFromFile(file: Blob): Promise<BackupImportResult> {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const tooLarge: BackupImportResult = {
    ok: false,
    errors: [
      `The file is too large to import (${mb(file.size)}; the limit is ${mb(MAX_BACKUP_BYTES)}). Nothing was read.`,
    ],
  };
  if (file.size > MAX_BACKUP_BYTES) return tooLarge;
  const text = await file.text();
  const chunks = Math.max(1, Math.ceil(text.length / TRANSFER_CHUNK_CHARS));
  if (chunks > MAX_CHUNKS) return tooLarge;
  const importId = crypto.randomUUID().replace(/-/g, '');
  let result: BackupImportResult | null = null;
  for (let index = 0; index < chunks; index++) {
    const part = text.slice(index * TRANSFER_CHUNK_CHARS, (index + 1) * TRANSFER_CHUNK_CHARS);
    result = await sendMessage('importBackup', { importId, index, chunks, text: part });
  }
  return result ?? { ok: false, errors: ['The import did not complete. Nothing was imported.'] };
}
