import { useState } from 'preact/hooks';
import { describeCounts } from '@/core/backup';
import type { BackupExport, BackupImportResult } from '@/lib/protocol';

/**
 * Backup of everything (highlights, words, review state, history and the reader's articles) as one JSON file, the saved
 * words for Anki, and importing a backup, all or nothing. Events out: the page does the transfer
 * (see lib/backup-transfer.ts), so this can sit on the review page and on the options page.
 */
export function BackupControls({
  onExport,
  onImport,
}: {
  onExport: (format: BackupExport) => Promise<unknown>;
  /** Receives the chosen file itself: its size is checked before anything reads it. */
  onImport: (file: File) => Promise<BackupImportResult>;
}) {
  const [result, setResult] = useState<BackupImportResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = (what: string, work: () => Promise<unknown>) => {
    setBusy(what);
    setResult(null);
    void work()
      .catch((err: unknown) =>
        setResult({ ok: false, errors: [err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err)] }),
      )
      .finally(() => setBusy(null));
  };
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h3 id="backup-title">Backup</h3>
      <p class="muted">
        One file with your highlights, saved words, review progress, lookup history and your own articles. Importing it
        merges it with what is here, all or nothing.
      </p>
      <div class="row">
        <button type="button" disabled={!!busy} onClick={() => run('Exporting…', () => onExport('backup'))}>
          Export a backup
        </button>
        <button type="button" disabled={!!busy} onClick={() => run('Exporting…', () => onExport('anki-words'))}>
          Export words for Anki
        </button>
        <label class="file">
          Import a backup
          <input
            type="file"
            accept=".json,application/json"
            disabled={!!busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) run('Importing…', () => onImport(file).then(setResult));
            }}
          />
        </label>
      </div>
      {busy && <p role="status">{busy}</p>}
      {result?.ok && (
        <p role="status" data-testid="backup-result">
          Imported:{' '}
          {describeCounts(
            Object.fromEntries(Object.entries(result.counts).map(([k, c]) => [k, c.added + c.updated])),
          ) || 'nothing new'}
          .
        </p>
      )}
      {result && !result.ok && (
        <div role="alert" class="error" data-testid="backup-result">
          <p>{result.errors[0]}</p>
          {result.errors.length > 1 && (
            <ul>
              {result.errors.slice(1).map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
