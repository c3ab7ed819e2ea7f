import { useState } from 'preact/hooks';
import { MODIFIER_KEYS, type ModifierKey, type PopoverSettings } from '@/lib/settings';

const MODIFIER_LABELS: Record<ModifierKey, string> = {
  none: 'None: hovering is enough',
  Alt: 'Alt (Option)',
  Control: 'Ctrl',
  Shift: 'Shift',
  Meta: 'Meta (⌘ / Windows)',
};

/** The glossary popover's settings. */
export function PopoverSettingsForm({
  value,
  onSave,
}: {
  value: PopoverSettings;
  onSave: (v: PopoverSettings) => Promise<void>;
}) {
  const [delay, setDelay] = useState(String(value.delayMs));
  const [modifier, setModifier] = useState<ModifierKey>(value.modifier);
  const [status, setStatus] = useState('');
  const delayMs = Number(delay);
  const valid = Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= 2000;
  return (
    <form
      class="settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        setStatus('');
        void onSave({ delayMs, modifier }).then(
          () => setStatus('Saved.'),
          (err: unknown) => setStatus(`Could not save: ${String(err)}`),
        );
      }}
    >
      <h2>Glossary popovers</h2>
      <label>
        Delay before a popover opens (ms)
        <input
          type="number"
          min={0}
          max={2000}
          step={10}
          value={delay}
          aria-invalid={!valid}
          onInput={(e) => setDelay(e.currentTarget.value)}
        />
      </label>
      {!valid && <p class="error">Enter a whole number of milliseconds from 0 to 2000.</p>}
      <label>
        Modifier key
        <select value={modifier} onChange={(e) => setModifier(e.currentTarget.value as ModifierKey)}>
          {MODIFIER_KEYS.map((m) => (
            <option key={m} value={m}>
              {MODIFIER_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!valid}>
        Save
      </button>
      <p role="status">{status}</p>
    </form>
  );
}
