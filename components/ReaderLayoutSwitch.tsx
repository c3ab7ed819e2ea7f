import { READER_LAYOUTS, type ReaderLayout } from '@/lib/settings';

const LABELS: Record<ReaderLayout, string> = {
  interleaved: 'Interleaved',
  'side-by-side': 'Side by side',
  hover: 'English on hover',
};

/** The reader's layout: interleaved, side by side, or English on hover only. */
export function ReaderLayoutSwitch({
  value,
  onChange,
}: {
  value: ReaderLayout;
  onChange: (layout: ReaderLayout) => void;
}) {
  return (
    <fieldset class="segmented" data-testid="reader-layout">
      <legend class="visually-hidden">Layout</legend>
      {READER_LAYOUTS.map((layout) => (
        <label key={layout}>
          <input
            type="radio"
            name="reader-layout"
            value={layout}
            checked={value === layout}
            onChange={() => onChange(layout)}
          />
          <span>{LABELS[layout]}</span>
        </label>
      ))}
    </fieldset>
  );
}
