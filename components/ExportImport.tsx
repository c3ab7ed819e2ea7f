import { useState } from 'preact/hooks';
import { countOf, formatCount, NOUNS } from '@/core/plural';
import type { ExportFormat, ImportResult } from '@/lib/protocol';
import { DownloadIcon, UploadIcon } from './icons';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'anki', label: 'Anki' },
];

/** What an import did, in a sentence. */
export function importSummary(result: { added: number; updated: number; unchanged: number }): string {
  return (
    `Imported ${countOf(result.added, NOUNS.newHighlight)}` +
    (result.updated ? `, updated ${formatCount(result.updated)}` : '') +
    (result.unchanged ? `; ${formatCount(result.unchanged)} already up to date` : '') +
    '.'
  );
}

/** Export (everything, or the filtered set) and import of highlights. */
export function ExportImport({
  filtered,
  onExport,
  onImport,
}: {
  filtered: boolean;
  onExport: (format: ExportFormat, onlyFiltered: boolean) => Promise<void>;
  /** Receives the chosen file itself: its size is checked before anything reads it. */
  onImport: (file: File) => Promise<ImportResult>;
}) {
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="export-import-body">
      <div class="transfer-row" role="group" aria-labelledby="export-label">
        <span class="transfer-label" id="export-label">
          <DownloadIcon size={15} /> Export
        </span>
        <div class="transfer-buttons">
          {FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              class="small"
              onClick={() => void onExport(f.format, filtered && onlyFiltered)}
            >
              {f.label}
            </button>
          ))}
        </div>
      </div>
      {filtered && (
        <label class="check only-filtered">
          <input type="checkbox" checked={onlyFiltered} onChange={(e) => setOnlyFiltered(e.currentTarget.checked)} />
          only the filtered highlights
        </label>
      )}
      <div class="transfer-row">
        <span class="transfer-label" aria-hidden="true">
          <UploadIcon size={15} /> Import
        </span>
        <label class="file-picker">
          Import a JSON export…
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              setBusy(true);
              setResult(null);
              void onImport(file)
                .then(setResult, (err: unknown) =>
                  setResult({
                    ok: false,
                    errors: [err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err)],
                  }),
                )
                .finally(() => setBusy(false));
            }}
          />
        </label>
      </div>
      {busy && <p role="status">Importing…</p>}
      {result?.ok && (
        <p role="status" class="import-ok" data-testid="import-result">
          {importSummary(result)}
        </p>
      )}
      {result && !result.ok && (
        <div role="alert" class="error" data-testid="import-result">
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
    </div>
  );
}
