/**
 * User settings, in extension storage with versioned items (WXT storage), read by the content
 * script, the popup and the options page.
 */

import { storage } from 'wxt/utils/storage';
import { DEFAULT_COLOUR_MEANINGS, type Colour } from '@/core/highlight-record';
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

export const MODIFIER_KEYS = ['none', 'Alt', 'Control', 'Shift', 'Meta'] as const;
export type ModifierKey = (typeof MODIFIER_KEYS)[number];

export interface PopoverSettings {
  /** How long the pointer must rest on a term before its popover opens, in milliseconds. */
  delayMs: number;
  /** A key that must be held for hovering to open popovers; 'none' for plain hovering. */
  modifier: ModifierKey;
}

export const DEFAULT_POPOVER_SETTINGS: PopoverSettings = { delayMs: 60, modifier: 'none' };

/** Glossary popover behaviour, set on the options page. */
export const popoverSettings = storage.defineItem<PopoverSettings>('local:popoverSettings', {
  fallback: DEFAULT_POPOVER_SETTINGS,
  version: 1,
});

/** What each highlight colour means to the reader; renamed on the options page. */
export const colourMeanings = storage.defineItem<Record<Colour, string>>('local:colourMeanings', {
  fallback: DEFAULT_COLOUR_MEANINGS,
  version: 1,
});
