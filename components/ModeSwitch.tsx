import { VIEW_MODES, type ViewMode } from '@/lib/protocol';

/** What each reading mode is called and does, for every page that offers the choice. */
export const MODE_LABELS: Record<ViewMode, { label: string; hint: string }> = {
  bilingual: { label: 'Bilingual', hint: 'The English follows each recognised paragraph.' },
  original: { label: 'Original only', hint: 'The English is hidden; hover or focus a paragraph to see its English.' },
  english: {
    label: 'English only',
    hint: 'The Vietnamese is hidden; hover or focus the English to see it, click to bring it back.',
  },
};

/** The reading mode for a site, as a segmented radio group with the chosen mode explained under it. */
export function ModeSwitch({
  mode,
  site,
  onChange,
}: {
  mode: ViewMode;
  site: string;
  onChange: (mode: ViewMode) => void;
}) {
  return (
    <fieldset class="mode-switch">
      <legend>
        Reading mode on <span class="site">{site}</span>
      </legend>
      <div class="segmented">
        {VIEW_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="mode" value={m} checked={m === mode} onChange={() => onChange(m)} />
            <span>{MODE_LABELS[m].label}</span>
          </label>
        ))}
      </div>
      <p class="hint muted" aria-live="polite">
        {MODE_LABELS[mode].hint}
      </p>
    </fieldset>
  );
}
