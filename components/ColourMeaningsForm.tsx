import { useState } from 'preact/hooks';
import { COLOURS, type Colour } from '@/core/highlight-record';

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
      <h2>Highlight colours</h2>
      {COLOURS.map((c) => (
        <label key={c}>
          Meaning of {c}
          <input
            maxLength={40}
            value={meanings[c]}
            onInput={(e) => setMeanings({ ...meanings, [c]: e.currentTarget.value })}
          />
        </label>
      ))}
      <button type="submit">Save colours</button>
      <p role="status">{status}</p>
    </form>
  );
}
