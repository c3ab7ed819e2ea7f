import type { ViewMode } from '@/lib/protocol';

const LABELS: Record<ViewMode, { label: string; hint: string }> = {
  bilingual: { label: 'Bilingual', hint: 'English after each recognised paragraph' },
  original: { label: 'Original only', hint: 'English on hover or focus' },
  english: { label: 'English only', hint: 'Vietnamese dimmed; click to show it' },
};

/** The reading mode for a site, as a radio group. */
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
      <legend>Reading mode on {site}</legend>
      {(Object.keys(LABELS) as ViewMode[]).map((m) => (
        <label key={m} title={LABELS[m].hint}>
          <input type="radio" name="mode" value={m} checked={m === mode} onChange={() => onChange(m)} />
          <span>{LABELS[m].label}</span>
        </label>
      ))}
    </fieldset>
  );
}
