/**
 * The word settings, the lookup history's size and limit, and the backup, as the review page and
 * the options page both manage them.
 */

import { useEffect, useState } from 'preact/hooks';
import type { WordSettings } from '@/components/WordSettingsForm';
import type { BackupImportResult } from './protocol';
import { importBackupFromFile } from './backup-transfer';
import { sendMessage } from './messaging';
import { colourWordsByStatus, lookupHistory, lookupHistoryCap, reverseCards, type LookupHistoryCap } from './settings';

export interface WordData {
  settings: WordSettings | null;
  change: (key: keyof WordSettings, on: boolean) => Promise<void>;
  lookups: number | null;
  cap: LookupHistoryCap | null;
  setCap: (cap: number) => Promise<void>;
  clearLookups: () => Promise<void>;
  importBackup: (file: File) => Promise<BackupImportResult>;
}

/** Reads and changes the word data; `onCardsChanged` runs when the review queue may have changed. */
export function useWordData(onCardsChanged: () => void = () => undefined): WordData {
  const [settings, setSettings] = useState<WordSettings | null>(null);
  const [lookups, setLookups] = useState<number | null>(null);
  const [cap, setCapState] = useState<LookupHistoryCap | null>(null);
  const countLookups = () =>
    sendMessage('listLookups', { limit: 1 }).then(
      (r) => setLookups(r.total),
      () => setLookups(null),
    );

  useEffect(() => {
    void Promise.all([lookupHistory.getValue(), colourWordsByStatus.getValue(), reverseCards.getValue()]).then(
      ([history, colour, reverse]) =>
        setSettings({ lookupHistory: history, colourWords: colour, reverseCards: reverse }),
    );
    void lookupHistoryCap.getValue().then(setCapState);
    void countLookups();
  }, []);

  return {
    settings,
    lookups,
    cap,
    change: async (key, on) => {
      setSettings((s) => s && { ...s, [key]: on });
      if (key === 'lookupHistory') await lookupHistory.setValue(on);
      else if (key === 'colourWords') await colourWordsByStatus.setValue(on);
      else {
        await sendMessage('setReverseCards', { enabled: on });
        onCardsChanged();
      }
    },
    setCap: async (value) => {
      const chosen = value as LookupHistoryCap;
      setCapState(chosen);
      await lookupHistoryCap.setValue(chosen);
    },
    clearLookups: async () => {
      await sendMessage('clearLookups', {});
      setLookups(0);
    },
    importBackup: async (file) => {
      const result = await importBackupFromFile(file);
      if (result.ok) {
        onCardsChanged();
        void countLookups();
      }
      return result;
    },
  };
}
