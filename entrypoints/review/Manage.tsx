import { useEffect, useState } from 'preact/hooks';
import { BackupControls } from '@/components/BackupControls';
import { HighlightCardsForm } from '@/components/HighlightCardsForm';
import { WordPreferences } from '@/components/WordPreferences';
import { DEFAULT_COLOUR_MEANINGS, type Colour } from '@/core/highlight-record';
import { exportBackupToFile } from '@/lib/backup-transfer';
import { sendMessage } from '@/lib/messaging';
import { colourMeanings } from '@/lib/settings';
import { useWordData } from '@/lib/word-data';
import '@/components/words.css';

/** Cards from highlights, the word settings, the lookup history and the backup. */
export function Manage({ onCardsChanged }: { onCardsChanged: () => void }) {
  const [meanings, setMeanings] = useState<Record<Colour, string>>(DEFAULT_COLOUR_MEANINGS);
  const data = useWordData(onCardsChanged);

  useEffect(() => {
    void colourMeanings.getValue().then(setMeanings);
  }, []);

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
          <WordPreferences data={data} />
        </div>
        <BackupControls onExport={exportBackupToFile} onImport={data.importBackup} />
      </div>
    </section>
  );
}
