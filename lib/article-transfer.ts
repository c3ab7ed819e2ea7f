/**
 * The reader's articles between the options page and the background. The chosen files are checked
 * for size before anything reads them, then read and checked here (YAML or JSON, every problem
 * with its line), and only then sent, as JSON `[{name, articles}]` in chunks (one extension message
 * cannot carry a large import); the background checks the articles again and imports them all or
 * nothing. Exports come back as the article's JSON in chunks and are saved as one YAML download.
 * The YAML parser and writer live here, not in the service worker.
 */

import { refusal } from '@/core/article-check';
import { articleToYaml, importSizeProblems, readArticleFiles } from '@/core/article-import';
import type { CorpusArticle } from '@/core/corpus-schema';
import { sendMessage } from '@/lib/messaging';
import { TRANSFER_CHUNK_CHARS, type ArticleImportResult } from '@/lib/protocol';
import { download } from '@/lib/transfers';

/** Imports article files, all or nothing. Files too large are refused before they are read. */
export async function importArticleFiles(files: readonly File[]): Promise<ArticleImportResult> {
  const tooLarge = importSizeProblems(files.map((f) => ({ name: f.name, size: f.size })));
  if (tooLarge.length > 0) return refusal(tooLarge);
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  // The bundled articles' ids too, so one list names every problem, a clash with them included
  // (the background refuses those again).
  const bundled = new Set((await sendMessage('listArticles', {})).filter((a) => !a.user).map((a) => a.id));
  const read = readArticleFiles(texts, bundled);
  if (read.problems.length > 0) return refusal(read.problems);
  const payload = JSON.stringify(read.files.map((f) => ({ name: f.name, articles: f.articles })));
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
  // The background's answer, the article as it is stored: written out as it is, even should the
  // import's rules one day be stricter than they were when it came in.
  download(prepared.filename, prepared.mime, [articleToYaml(JSON.parse(parts.join('')) as CorpusArticle)]);
  return prepared.filename;
}
