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
  const valid = delay.trim() !== '' && Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= 2000;
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
      <div class="setting">
        <label for="popover-delay">Delay before a popover opens (ms)</label>
        <p class="setting-hint" id="popover-delay-hint">
          How long the pointer rests on a term before its popover opens: 0 to 2000.
        </p>
        <input
          id="popover-delay"
          type="number"
          min={0}
          max={2000}
          step={10}
          value={delay}
          aria-invalid={!valid}
          aria-describedby={valid ? 'popover-delay-hint' : 'popover-delay-hint popover-delay-error'}
          onInput={(e) => setDelay(e.currentTarget.value)}
        />
        {!valid && (
          <p class="error" id="popover-delay-error">
            Enter a whole number of milliseconds from 0 to 2000.
          </p>
        )}
      </div>
      <div class="setting">
        <label for="popover-modifier">Modifier key</label>
        <p class="setting-hint" id="popover-modifier-hint">
          A key to hold while hovering, so popovers only open when you ask for them.
        </p>
        <select
          id="popover-modifier"
          value={modifier}
          aria-describedby="popover-modifier-hint"
          onChange={(e) => setModifier(e.currentTarget.value as ModifierKey)}
        >
          {MODIFIER_KEYS.map((m) => (
            <option key={m} value={m}>
              {MODIFIER_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={!valid}>
          Save
        </button>
        <p role="status" class="status">
          {status}
        </p>
      </div>
    </form>
  );
}
