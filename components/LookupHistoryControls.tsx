import { useState } from 'preact/hooks';

/**
 * The lookup history's size, its limit, and a clear button that asks once more before it
 * forgets. Props in, events out: the page keeps the history (see lib/word-data.ts).
 */
export function LookupHistoryControls({
  total,
  cap,
  caps,
  onCap,
  onClear,
}: {
  total: number | null;
  cap: number | null;
  caps: readonly number[];
  onCap: (cap: number) => void;
  onClear: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <div class="history-controls">
      {cap !== null && (
        <label class="history-cap">
          Keep at most{' '}
          <select value={cap} onChange={(e) => onCap(Number(e.currentTarget.value))}>
            {caps.map((c) => (
              <option key={c} value={c}>
                {c.toLocaleString('en')}
              </option>
            ))}
          </select>{' '}
          lookups
        </label>
      )}
      {total !== null && (
        <div class="history-line row">
          <span data-testid="lookup-total">
            {total === 0
              ? 'No lookups recorded.'
              : `${total.toLocaleString('en')} lookup${total === 1 ? '' : 's'} recorded.`}
          </span>
          {total > 0 &&
            (asking ? (
              <>
                <button type="button" class="danger" onClick={() => void onClear().then(() => setAsking(false))}>
                  Forget all {total.toLocaleString('en')}
                </button>
                <button type="button" onClick={() => setAsking(false)}>
                  Keep them
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setAsking(true)}>
                Clear the history…
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
