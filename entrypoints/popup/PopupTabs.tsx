import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

/**
 * Tabs in the WAI-ARIA tabs pattern: one tab stop for the tab list, arrow keys (and Home, End)
 * move between tabs and show each at once, the panel is labelled by its tab.
 */
export function PopupTabs<T extends string>({
  title,
  tabs,
  selected,
  onSelect,
  end,
  children,
}: {
  /** The heading beside the tabs. */
  title: ComponentChildren;
  /** Controls after the tabs (the settings button). */
  end?: ComponentChildren;
  tabs: readonly TabDef<T>[];
  selected: T;
  onSelect: (tab: T) => void;
  children: ComponentChildren;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const move = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const tab = tabs[to]!.id;
    onSelect(tab);
    refs.current.get(tab)?.focus();
  };
  return (
    <>
      <header class="app-header">
        {title}
        <div role="tablist" aria-label="Views" onKeyDown={move}>
          {tabs.map((t) => (
            <button
              key={t.id}
              ref={(el) => void (el ? refs.current.set(t.id, el) : refs.current.delete(t.id))}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === selected}
              aria-controls={`panel-${t.id}`}
              tabIndex={t.id === selected ? 0 : -1}
              onClick={() => onSelect(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {end}
      </header>
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {children}
      </div>
    </>
  );
}
