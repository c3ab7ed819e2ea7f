import { useEffect, useState } from 'preact/hooks';
import { ColourMeaningsForm } from '@/components/ColourMeaningsForm';
import { PopoverSettingsForm } from '@/components/PopoverSettingsForm';
import type { Colour } from '@/core/highlight-record';
import { colourMeanings, popoverSettings, type PopoverSettings } from '@/lib/settings';

export function App() {
  const [popover, setPopover] = useState<PopoverSettings | null>(null);
  const [meanings, setMeanings] = useState<Record<Colour, string> | null>(null);
  useEffect(() => {
    void popoverSettings.getValue().then(setPopover);
    void colourMeanings.getValue().then(setMeanings);
  }, []);
  return (
    <main>
      <h1>Song ngữ settings</h1>
      {popover && <PopoverSettingsForm value={popover} onSave={(v) => popoverSettings.setValue(v)} />}
      {meanings && <ColourMeaningsForm value={meanings} onSave={(v) => colourMeanings.setValue(v)} />}
      <section>
        <h2>Keyboard shortcuts</h2>
        <p>
          Switch reading mode: Alt+Shift+B · Highlight the selection: Alt+Shift+H · Glossary entry at the caret:
          Alt+Shift+G. Change them on your browser's extension shortcuts page.
        </p>
      </section>
    </main>
  );
}
