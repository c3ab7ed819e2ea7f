import { useEffect, useState } from 'preact/hooks';
import { BackupControls } from '@/components/BackupControls';
import { HighlightCardsForm } from '@/components/HighlightCardsForm';
import { WordSettingsForm, type WordSettings } from '@/components/WordSettingsForm';
import { DEFAULT_COLOUR_MEANINGS, type Colour } from '@/core/highlight-record';
import { exportBackupToFile, importBackupFromFile } from '@/lib/backup-transfer';
import { sendMessage } from '@/lib/messaging';
import { colourMeanings, colourWordsByStatus, lookupHistory, reverseCards } from '@/lib/settings';

/** The lookup history's size, and a clear button that asks once more before it forgets. */
function HistoryLine({ total, onClear }: { total: number | null; onClear: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  if (total === null) return null;
  return (
    <div class="history-line row">
      <span>
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
  );
}

/** Cards from highlights, the word settings, the lookup history and the backup. */
export function Manage({ onCardsChanged }: { onCardsChanged: () => void }) {
  const [meanings, setMeanings] = useState<Record<Colour, string>>(DEFAULT_COLOUR_MEANINGS);
  const [settings, setSettings] = useState<WordSettings | null>(null);
  const [lookups, setLookups] = useState<number | null>(null);

  useEffect(() => {
    void colourMeanings.getValue().then(setMeanings);
    void Promise.all([lookupHistory.getValue(), colourWordsByStatus.getValue(), reverseCards.getValue()]).then(
      ([history, colour, reverse]) =>
        setSettings({ lookupHistory: history, colourWords: colour, reverseCards: reverse }),
    );
    void sendMessage('listLookups', { limit: 1 }).then((r) => setLookups(r.total));
  }, []);

  const change = async (key: keyof WordSettings, on: boolean) => {
    setSettings((s) => s && { ...s, [key]: on });
    if (key === 'lookupHistory') await lookupHistory.setValue(on);
    else if (key === 'colourWords') await colourWordsByStatus.setValue(on);
    else {
      await sendMessage('setReverseCards', { enabled: on });
      onCardsChanged();
    }
  };

  return (
    <section class="manage" aria-labelledby="manage-title">
      <h2 id="manage-title">Cards, settings and backup</h2>
      <div class="manage-grid">
        <HighlightCardsForm
          meanings={meanings}
          onAdd={async (color) => {
            const r = await sendMessage('addHighlightCards', { color });
            if (r.added > 0) onCardsChanged();
            return r;
          }}
        />
        <div>
          {settings && <WordSettingsForm value={settings} onChange={(k, on) => void change(k, on)} />}
          <HistoryLine
            total={lookups}
            onClear={async () => {
              await sendMessage('clearLookups', {});
              setLookups(0);
            }}
          />
        </div>
        <BackupControls
          onExport={exportBackupToFile}
          onImport={async (file) => {
            const result = await importBackupFromFile(file);
            if (result.ok) {
              onCardsChanged();
              void sendMessage('listLookups', { limit: 1 }).then((r) => setLookups(r.total));
            }
            return result;
          }}
        />
      </div>
    </section>
  );
}
