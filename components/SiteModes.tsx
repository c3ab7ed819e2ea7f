import { VIEW_MODES, type ViewMode } from '@/lib/protocol';
import { MODE_LABELS } from './ModeSwitch';

/** The sites with a reading mode of their own: change it, or reset the site to the default. */
export function SiteModes({
  modes,
  defaultMode,
  onChange,
  onReset,
}: {
  modes: Record<string, ViewMode>;
  defaultMode: ViewMode;
  onChange: (site: string, mode: ViewMode) => void;
  onReset: (site: string) => void;
}) {
  const sites = Object.keys(modes).sort();
  if (sites.length === 0) {
    return (
      <p class="empty-note" data-testid="site-modes">
        Every site opens in <strong>{MODE_LABELS[defaultMode].label}</strong>. Choose another mode for a site in the
        popup while you read it, and it is listed here.
      </p>
    );
  }
  return (
    <ul class="site-modes" data-testid="site-modes">
      {sites.map((site) => (
        <li key={site}>
          <span class="site-name">{site}</span>
          <select
            aria-label={`Reading mode on ${site}`}
            value={modes[site]}
            onChange={(e) => onChange(site, e.currentTarget.value as ViewMode)}
          >
            {VIEW_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m].label}
              </option>
            ))}
          </select>
          <button type="button" class="small ghost" aria-label={`Reset ${site}`} onClick={() => onReset(site)}>
            Reset
          </button>
        </li>
      ))}
    </ul>
  );
}
