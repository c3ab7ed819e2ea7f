import { useState } from 'preact/hooks';
import { countOf, NOUNS } from '@/core/plural';
import type { ArticleSummary } from '@/core/user-corpus';
import type { ArticleImportResult } from '@/lib/protocol';
import { DownloadIcon, TrashIcon, UploadIcon } from './icons';

/** What an import did, in a sentence. */
export function articleImportSummary(result: { added: number; replaced: number }): string {
  const parts = [`Imported ${countOf(result.added, NOUNS.article)}`];
  if (result.replaced) parts.push(`replaced ${countOf(result.replaced, NOUNS.article)} with the same id`);
  return `${parts.join('; ')}.`;
}

/**
 * The reader's own articles: import (one or more YAML or JSON files), and per article export and
 * delete. Every text is rendered as text; nothing in an article becomes markup.
 */
export function UserArticles({
  articles,
  onImport,
  onExport,
  onDelete,
}: {
  /** The reader's articles (not the bundled ones). */
  articles: readonly ArticleSummary[] | null;
  /** Receives the chosen files themselves: their size is checked before anything reads them. */
  onImport: (files: File[]) => Promise<ArticleImportResult>;
  onExport: (id: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus('');
    setErrors([]);
    try {
      setStatus(await work());
    } catch (e) {
      if (e instanceof ImportErrors) setErrors(e.errors);
      else setErrors([e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="user-articles">
      <div class="transfer-row">
        <span class="transfer-label" aria-hidden="true">
          <UploadIcon size={15} /> Import
        </span>
        <label class="file-picker">
          Import articles
          <input
            type="file"
            multiple
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length === 0) return;
              void run(async () => {
                const result = await onImport(files);
                if (!result.ok) throw new ImportErrors(result.errors);
                return articleImportSummary(result);
              });
            }}
          />
        </label>
      </div>
      <p role="status" class="status" data-testid="articles-status">
        {status}
      </p>
      <ErrorList errors={errors} />
      {articles && articles.length === 0 && <p class="muted">You have not added any articles yet.</p>}
      {articles && articles.length > 0 && (
        <ul class="article-list" aria-label="Your articles">
          {articles.map((a) => (
            <li key={a.id} data-article-id={a.id}>
              <div class="article-titles">
                <strong lang="vi">{a.title.vi}</strong>
                <span class="muted">{a.title.en}</span>
                <span class="muted small">
                  {[a.outlet, a.published, countOf(a.paragraphs, NOUNS.paragraph)].filter(Boolean).join(' · ')}
                  {a.url && (
                    <>
                      {' · '}
                      <a href={a.url} target="_blank" rel="noreferrer noopener">
                        source
                      </a>
                    </>
                  )}
                </span>
              </div>
              <div class="article-actions">
                <button
                  type="button"
                  class="small"
                  disabled={busy}
                  aria-label={`Export ${a.title.en}`}
                  onClick={() => void run(async () => (await onExport(a.id), `Exported ${a.id}.yaml.`))}
                >
                  <DownloadIcon size={14} /> Export
                </button>
                <button
                  type="button"
                  class="small danger"
                  disabled={busy}
                  aria-label={`Delete ${a.title.en}`}
                  onClick={() => void run(async () => (await onDelete(a.id), `Deleted “${a.title.en}”.`))}
                >
                  <TrashIcon size={14} /> Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An import's problems: thrown through `run` so they land in the alert. */
class ImportErrors extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

function ErrorList({ errors }: { errors: string[] }) {
  const lines = errors;
  if (lines.length === 0) return null;
  return (
    <div role="alert" class="error import-errors">
      {lines.length === 1 ? (
        <p>{lines[0]}</p>
      ) : (
        <ul>
          {lines.map((line, k) => (
            <li key={k}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
