import { BackupControls } from '@/components/BackupControls';
import { WordPreferences } from '@/components/WordPreferences';
import { exportBackupToFile } from '@/lib/backup-transfer';
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
        <WordPreferences data={data} />
      </div>
      <div class="group">
        <BackupControls onExport={exportBackupToFile} onImport={data.importBackup} />
      </div>
    </>
  );
}
