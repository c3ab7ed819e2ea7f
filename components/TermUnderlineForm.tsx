import { useState } from 'preact/hooks';
import { TERM_UNDERLINES, type TermUnderline } from '@/lib/settings';

const CHOICES: Record<TermUnderline, { label: string; hint: string }> = {
  'names-and-terms': { label: 'Names and terms', hint: 'People, places, organisations and every other glossary term.' },
  names: { label: 'Names only', hint: 'People, places and organisations.' },
  none: { label: 'Nothing', hint: 'No underlines on news pages.' },
};

/** What news pages underline; saved as soon as it is chosen. */
export function TermUnderlineForm({
  value,
  onSave,
}: {
  value: TermUnderline;
  onSave: (v: TermUnderline) => Promise<void>;
}) {
  const [chosen, setChosen] = useState(value);
  const [status, setStatus] = useState('');
  return (
    <fieldset class="choice-list">
      <legend>Underline on the page</legend>
      {TERM_UNDERLINES.map((u) => (
        <label key={u} class="choice">
          <input
            type="radio"
            name="term-underline"
            value={u}
            checked={u === chosen}
            aria-describedby={`underline-${u}-hint`}
            onChange={() => {
              setChosen(u);
              setStatus('');
              onSave(u).then(
                () => setStatus('Saved.'),
                (err: unknown) => setStatus(`Could not save: ${String(err)}`),
              );
            }}
          />
          <span class="choice-text">
            <span class="choice-label">{CHOICES[u].label}</span>
            <span class="choice-hint" id={`underline-${u}-hint`}>
              {CHOICES[u].hint}
            </span>
          </span>
        </label>
      ))}
      <p role="status" class="status" data-testid="underline-status">
        {status}
      </p>
    </fieldset>
  );
}
