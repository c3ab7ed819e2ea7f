/**
 * The reader's articles between the options page and the background: the chosen files are
 * checked for size before anything reads them, then sent as JSON `[{name, text}]` in chunks (one
 * extension message cannot carry a large import); the background validates and imports them all
 * or nothing. Exports come back in chunks and are saved as one YAML download.
 */

import { formatArticleProblem, importSizeProblems } from '@/core/article-import';
import { sendMessage } from '@/lib/messaging';
import { TRANSFER_CHUNK_CHARS, type ArticleImportResult } from '@/lib/protocol';
import { download } from '@/lib/transfers';

/** Imports article files, all or nothing. Files too large are refused before they are read. */
export async function importArticleFiles(files: readonly File[]): Promise<ArticleImportResult> {
  const tooLarge = importSizeProblems(files.map((f) => ({ name: f.name, size: f.size })));
  if (tooLarge.length > 0)
    return { ok: false, errors: [...tooLarge.map(formatArticleProblem), 'Nothing was imported.'] };
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const payload = JSON.stringify(texts);
  const importId = crypto.randomUUID().replace(/-/g, '');
  const chunks = Math.max(1, Math.ceil(payload.length / TRANSFER_CHUNK_CHARS));
  let result: ArticleImportResult | null = null;
  for (let index = 0; index < chunks; index++) {
    const text = payload.slice(index * TRANSFER_CHUNK_CHARS, (index + 1) * TRANSFER_CHUNK_CHARS);
    result = await sendMessage('importArticles', { importId, index, chunks, text });
  }
  return result ?? { ok: false, errors: ['The import did not complete. Nothing was imported.'] };
}

/** Downloads one article as a YAML file in the corpus format. */
export async function exportArticleToFile(articleId: string): Promise<string> {
  const prepared = await sendMessage('exportArticle', { articleId });
  const parts: string[] = [];
  for (let index = 0; index < prepared.chunks; index++) {
    parts.push(await sendMessage('exportChunk', { exportId: prepared.exportId, index }));
  }
  download(prepared.filename, prepared.mime, parts);
  return prepared.filename;
}
