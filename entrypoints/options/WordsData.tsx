import { BackupControls } from '@/components/BackupControls';
import { LookupHistoryControls } from '@/components/LookupHistoryControls';
import { WordSettingsForm } from '@/components/WordSettingsForm';
import { exportBackupToFile } from '@/lib/backup-transfer';
import { LOOKUP_HISTORY_CAPS } from '@/lib/settings';
import { useWordData } from '@/lib/word-data';
import '@/components/words.css';

/**
 * The Data section's words part: the word and review settings, the lookup history (on or off,
 * its limit, clearing it), and the backup of everything with the Anki export.
 */
export function WordsData() {
  const data = useWordData();
  return (
    <>
      <div class="group" data-testid="words-data">
        <h3>Saved words and lookup history</h3>
        <p class="group-intro">
          Saved words, review progress and the lookup history stay in this browser.{' '}
          <a href="/review.html" target="_blank" rel="noopener">
            Open the review page
          </a>
        </p>
        {data.settings && <WordSettingsForm value={data.settings} onChange={(k, on) => void data.change(k, on)} />}
        <LookupHistoryControls
          total={data.lookups}
          cap={data.cap}
          caps={LOOKUP_HISTORY_CAPS}
          onCap={(c) => void data.setCap(c)}
          onClear={data.clearLookups}
        />
      </div>
      <div class="group">
        <BackupControls onExport={exportBackupToFile} onImport={data.importBackup} />
      </div>
    </>
  );
}
