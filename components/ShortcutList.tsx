import { keyParts, type Shortcut } from '@/lib/shortcuts';
import { KeyboardIcon } from './icons';
import './shortcut-list.css';

/**
 * The keyboard shortcuts as the browser has them now, and a button to the browser's page for
 * changing them.
 */
export function ShortcutList({
  shortcuts,
  onChangeShortcuts,
}: {
  /** null while they are being read. */
  shortcuts: Shortcut[] | null;
  onChangeShortcuts: () => void;
}) {
  return (
    <div class="shortcuts">
      {shortcuts === null ? (
        <p class="muted">Reading the shortcuts…</p>
      ) : (
        <dl class="shortcut-list" data-testid="shortcut-list">
          {shortcuts.map((s) => (
            <div key={s.name} data-command={s.name}>
              <dt>{s.description}</dt>
              <dd>
                {s.keys ? (
                  keyParts(s.keys).map((k, i) => (
                    <span key={i}>
                      {i > 0 && <span class="plus">+</span>}
                      <kbd>{k}</kbd>
                    </span>
                  ))
                ) : (
                  <span class="muted">Not set</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" onClick={onChangeShortcuts}>
        <KeyboardIcon /> Change shortcuts…
      </button>
    </div>
  );
}
