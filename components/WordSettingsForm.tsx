/** The reader's word and review settings, as the review page (and the options page) show them. */
export interface WordSettings {
  lookupHistory: boolean;
  colourWords: boolean;
  reverseCards: boolean;
}

const LABELS: { key: keyof WordSettings; label: string; hint: string }[] = [
  {
    key: 'lookupHistory',
    label: 'Keep a history of the words I look up',
    hint: 'Kept only in this browser, never sent anywhere; the oldest go beyond the limit.',
  },
  {
    key: 'colourWords',
    label: 'Colour words on news pages by how well I know them',
    hint: 'New, learning and known words in three shades.',
  },
  {
    key: 'reverseCards',
    label: 'Also review saved words English → Vietnamese',
    hint: 'A second card per word, shown the English sense.',
  },
];

/** Three switches; each change is saved at once by the page (`onChange`). */
export function WordSettingsForm({
  value,
  onChange,
}: {
  value: WordSettings;
  onChange: (key: keyof WordSettings, on: boolean) => void;
}) {
  return (
    <fieldset class="word-settings">
      <legend>Words and review</legend>
      {LABELS.map(({ key, label, hint }) => (
        <label key={key} class="switch">
          <input type="checkbox" checked={value[key]} onChange={(e) => onChange(key, e.currentTarget.checked)} />
          <span>
            {label}
            <small>{hint}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
