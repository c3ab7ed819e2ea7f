import { useState } from 'preact/hooks';
import { COLOURS, type Colour } from '@/core/highlight-record';
import { ColourDot } from './ColourPicker';

const COLOUR_NAMES: Record<Colour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** Renames what each highlight colour means. */
export function ColourMeaningsForm({
  value,
  onSave,
}: {
  value: Record<Colour, string>;
  onSave: (v: Record<Colour, string>) => Promise<void>;
}) {
  const [meanings, setMeanings] = useState(value);
  const [status, setStatus] = useState('');
  return (
    <form
      class="settings"
      onSubmit={(e) => {
        e.preventDefault();
        const cleaned = Object.fromEntries(COLOURS.map((c) => [c, meanings[c].trim() || value[c]])) as Record<
          Colour,
          string
        >;
        void onSave(cleaned).then(
          () => setStatus('Saved.'),
          (err: unknown) => setStatus(`Could not save: ${String(err)}`),
        );
      }}
    >
      <div class="colour-meanings">
        {COLOURS.map((c) => (
          <div key={c} class="colour-meaning">
            <ColourDot colour={c} />
            <label for={`meaning-${c}`}>
              <span class="visually-hidden">Meaning of </span>
              <span class="colour-name">{COLOUR_NAMES[c]}</span>
            </label>
            <input
              id={`meaning-${c}`}
              maxLength={40}
              value={meanings[c]}
              onInput={(e) => setMeanings({ ...meanings, [c]: e.currentTarget.value })}
            />
          </div>
        ))}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary">
          Save colours
        </button>
        <p role="status" class="status">
          {status}
        </p>
      </div>
    </form>
  );
}
