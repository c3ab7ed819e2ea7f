import { useState } from 'preact/hooks';
import type { ExportFormat, ImportResult } from '@/lib/protocol';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'anki', label: 'Anki' },
];

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
    <details class="export-import">
      <summary>Export or import</summary>
      <div class="export">
        <span>Export</span>
        {FORMATS.map((f) => (
          <button key={f.format} type="button" onClick={() => void onExport(f.format, filtered && onlyFiltered)}>
            {f.label}
          </button>
        ))}
        {filtered && (
          <label class="check">
            <input type="checkbox" checked={onlyFiltered} onChange={(e) => setOnlyFiltered(e.currentTarget.checked)} />
            only the filtered highlights
          </label>
        )}
      </div>
      <label class="import">
        Import a JSON export
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
      {busy && <p role="status">Importing…</p>}
      {result?.ok && (
        <p role="status" data-testid="import-result">
          Imported {result.added} new highlight{result.added === 1 ? '' : 's'}
          {result.updated ? `, updated ${result.updated}` : ''}
          {result.unchanged ? `; ${result.unchanged} already up to date` : ''}.
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
    </details>
  );
}
