/**
 * User settings, in extension storage with versioned items (WXT storage), read by the content
 * script, the popup and the options page.
 */

import { storage } from 'wxt/utils/storage';
import type { ViewMode } from './protocol';

/** The reading mode chosen for each site (`vnexpress.net` → `english`); bilingual by default. */
export const viewModes = storage.defineItem<Record<string, ViewMode>>('local:viewModes', {
  fallback: {},
  version: 1,
});

export const DEFAULT_VIEW_MODE: ViewMode = 'bilingual';

export async function viewModeFor(site: string): Promise<ViewMode> {
  return (await viewModes.getValue())[site] ?? DEFAULT_VIEW_MODE;
}

export async function setViewMode(site: string, mode: ViewMode): Promise<void> {
  const modes = await viewModes.getValue();
  await viewModes.setValue({ ...modes, [site]: mode });
}
