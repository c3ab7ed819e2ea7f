import { COLOURS, type Colour } from '@/core/highlight-record';

export interface ColourPickerProps {
  /** The colour chosen now. */
  value: Colour;
  /** What each colour means to the reader: the visible label of each choice. */
  meanings: Record<Colour, string>;
  /** The radio group's name: unique on the page (the popup lists several editors at once). */
  name: string;
  onChange: (colour: Colour) => void;
}

/**
 * A highlight's colour, chosen from the five: a radio group whose choices show their dot and
 * meaning side by side. The note editor, the highlight card and the popup's edit form all use it;
 * its look is in `colours.css`.
 */
export function ColourPicker({ value, meanings, name, onChange }: ColourPickerProps) {
  return (
    <fieldset class="colour-choice">
      <legend>Colour</legend>
      {COLOURS.map((c) => (
        <label key={c} class="colour-option">
          <input type="radio" name={name} checked={c === value} onChange={() => onChange(c)} />
          <span class="swatch">
            <ColourDot colour={c} />
            <span class="meaning">{meanings[c]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** A highlight colour's dot, decorative: its meaning is always written beside it. */
export function ColourDot({ colour }: { colour: Colour }) {
  return <span class={`dot dot-${colour}`} aria-hidden="true" />;
}
