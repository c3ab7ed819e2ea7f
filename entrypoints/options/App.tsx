import { useEffect, useState } from 'preact/hooks';
import { PopoverSettingsForm } from '@/components/PopoverSettingsForm';
import { popoverSettings, type PopoverSettings } from '@/lib/settings';

export function App() {
  const [popover, setPopover] = useState<PopoverSettings | null>(null);
  useEffect(() => {
    void popoverSettings.getValue().then(setPopover);
  }, []);
  return (
    <main>
      <h1>Song ngữ settings</h1>
      {popover && <PopoverSettingsForm value={popover} onSave={(v) => popoverSettings.setValue(v)} />}
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
