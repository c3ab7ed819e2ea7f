import { LOOKUP_HISTORY_CAPS } from '@/lib/settings';
import type { WordData } from '@/lib/word-data';
import { LookupHistoryControls } from './LookupHistoryControls';
import { WordSettingsForm } from './WordSettingsForm';

/** The word and review settings and the lookup history's controls, on the options and review pages. */
export function WordPreferences({ data }: { data: WordData }) {
  return (
    <>
      {data.settings && <WordSettingsForm value={data.settings} onChange={(k, on) => void data.change(k, on)} />}
      <LookupHistoryControls
        total={data.lookups}
        cap={data.cap}
        caps={LOOKUP_HISTORY_CAPS}
        onCap={(c) => void data.setCap(c)}
        onClear={data.clearLookups}
      />
    </>
  );
}
