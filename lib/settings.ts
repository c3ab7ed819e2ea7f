/**
 * User settings, in extension storage, read by the content script, the popup, the options page
 * and the background. Storage is not a trusted source: a content script on a compromised page, an
 * older version of the extension or a hand-edited profile can leave anything there, so every read
 * is validated and falls back to the default, field by field, rather than passing junk on.
 */

import { browser } from 'wxt/browser';
import { COLOURS, DEFAULT_COLOUR_MEANINGS, type Colour } from '@/core/highlight-record';
import { boolean, literal, number, object, string, validate, type Validator } from '@/core/validate';
import { ORIGIN_PATTERN } from '@/core/site';
import { POPUP_TAB_KEY } from './popup-start';
import { VIEW_MODES, type ViewMode } from './tab-protocol';

/** A storage item whose every read is validated. */
export interface SettingItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with each new value (validated); returns a function that stops watching. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * A setting in `storage.local` under `key`: `clean` turns whatever is stored into a valid value
 * (the fallback at worst). Straight on the extension API, not WXT's storage wrapper, which would
 * be most of the code the content script loads for three settings.
 */
function setting<T>(key: string, fallback: T, clean: (stored: unknown) => T): SettingItem<T> {
  const read = (stored: unknown) => (stored === null || stored === undefined ? fallback : clean(stored));
  return {
    getValue: async () => read((await browser.storage.local.get(key))[key]),
    setValue: (value) => browser.storage.local.set({ [key]: value }),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && Object.hasOwn(changes, key)) callback(read(changes[key]!.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** Keeps a stored value when it validates, else the fallback. */
const whole =
  <T>(validator: Validator<T>, fallback: T) =>
  (stored: unknown): T => {
    const r = validate(validator, stored);
    return r.ok ? r.value : fallback;
  };

const viewMode = literal(...VIEW_MODES);
const siteKey = /^[a-z0-9.-]{1,253}$/;

/** The reading mode chosen for each site (`vnexpress.net` → `english`); bilingual by default. */
export const viewModes = setting<Record<string, ViewMode>>('viewModes', {}, (stored) => {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const out: Record<string, ViewMode> = {};
  for (const [site, mode] of Object.entries(stored)) {
    if (siteKey.test(site) && validate(viewMode, mode).ok) out[site] = mode as ViewMode;
  }
  return out;
});

export const DEFAULT_VIEW_MODE: ViewMode = 'bilingual';

export async function viewModeFor(site: string): Promise<ViewMode> {
  return (await viewModes.getValue())[site] ?? DEFAULT_VIEW_MODE;
}

export async function setViewMode(site: string, mode: ViewMode): Promise<void> {
  const modes = await viewModes.getValue();
  await viewModes.setValue({ ...modes, [site]: mode });
}

/** Forgets the mode chosen for a site: it opens in the default mode again. */
export async function resetViewMode(site: string): Promise<void> {
  const { [site]: _forgotten, ...rest } = await viewModes.getValue();
  await viewModes.setValue(rest);
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

const popoverSettingsValidator: Validator<PopoverSettings> = object({
  delayMs: number({ int: true, min: 0, max: 2000 }),
  modifier: literal(...MODIFIER_KEYS),
});

/** Glossary popover behaviour, set on the options page. */
export const popoverSettings = setting<PopoverSettings>(
  'popoverSettings',
  DEFAULT_POPOVER_SETTINGS,
  whole(popoverSettingsValidator, DEFAULT_POPOVER_SETTINGS),
);

export const TERM_UNDERLINES = ['names-and-terms', 'names', 'none'] as const;
/**
 * Which glossary entries news pages underline: names (people, places, organisations) and terms,
 * names only, or nothing.
 */
export type TermUnderline = (typeof TERM_UNDERLINES)[number];
export const DEFAULT_TERM_UNDERLINE: TermUnderline = 'names-and-terms';

/** What the page underlines, set on the options page. */
export const termUnderline = setting<TermUnderline>(
  'termUnderline',
  DEFAULT_TERM_UNDERLINE,
  whole(literal(...TERM_UNDERLINES), DEFAULT_TERM_UNDERLINE),
);

const meaning = string({ min: 1, max: 40, nonBlank: true });

/** What each highlight colour means to the reader; renamed on the options page. */
export const colourMeanings = setting<Record<Colour, string>>('colourMeanings', DEFAULT_COLOUR_MEANINGS, (stored) => {
  const out = { ...DEFAULT_COLOUR_MEANINGS };
  if (typeof stored !== 'object' || stored === null) return out;
  for (const c of COLOURS) {
    const v = (stored as Record<string, unknown>)[c];
    if (validate(meaning, v).ok) out[c] = v as string;
  }
  return out;
});

/**
 * Whether the first-run page has been shown in this profile. Chrome reports an unpacked extension
 * loaded from the command line as newly installed at every browser start, so the install event
 * alone would show the page again and again; uninstalling clears this with the rest of storage.
 */
export const firstRunShown = setting<boolean>('firstRunShown', false, (stored) => stored === true);

export const POPUP_TABS = ['page', 'highlights'] as const;
export type PopupTab = (typeof POPUP_TABS)[number];

/** The popup tab the reader chose last, on a page the extension reads. */
export const popupTab = setting<PopupTab>(POPUP_TAB_KEY, 'page', whole(literal(...POPUP_TABS), 'page'));

/** Cleans a raw stored popup tab (what the popup's prefetch read). */
export const cleanPopupTab = (stored: unknown): PopupTab =>
  stored === null || stored === undefined ? 'page' : whole(literal(...POPUP_TABS), 'page')(stored);

const flag = (fallback: boolean) => whole(boolean, fallback);

/** Whether the words the reader looks up are recorded in the lookup history (on by default). */
export const lookupHistory = setting<boolean>('lookupHistory', true, flag(true));

/** The lookup history's caps a reader may choose: beyond it, the oldest lookups are dropped. */
export const LOOKUP_HISTORY_CAPS = [1_000, 10_000, 50_000] as const;
export type LookupHistoryCap = (typeof LOOKUP_HISTORY_CAPS)[number];

/** The most lookups kept (10,000 by default); lowering it drops the oldest at the next lookup. */
export const lookupHistoryCap = setting<LookupHistoryCap>(
  'lookupHistoryCap',
  10_000,
  whole(literal(...LOOKUP_HISTORY_CAPS), 10_000),
);

/** Whether words on the page are coloured by their status: new, learning, known (off by default). */
export const colourWordsByStatus = setting<boolean>('colourWordsByStatus', false, flag(false));

/**
 * Whether saved words are also reviewed English → Vietnamese (off by default). Change it with the
 * `setReverseCards` message, which also puts the reverse cards into the queue or takes them out.
 */
export const reverseCards = setting<boolean>('reverseCards', false, flag(false));

/** Origins the reader added with "Read this site" (`https://example.org`); the background keeps it. */
export const addedSites = setting<string[]>('addedSites', [], (stored) =>
  Array.isArray(stored)
    ? [...new Set(stored.filter((o): o is string => typeof o === 'string' && ORIGIN_PATTERN.test(o)))].sort()
    : [],
);

/** News sites (as core/site.ts names them) the reader switched the extension off on. */
export const neverSites = setting<string[]>('neverSites', [], (stored) =>
  Array.isArray(stored)
    ? [...new Set(stored.filter((s): s is string => typeof s === 'string' && siteKey.test(s)))].sort()
    : [],
);

/**
 * How the reader page lays an article out: each paragraph's English under it (as on a page),
 * Vietnamese and English side by side in two columns, or the English only on hover (a page's
 * "original only" mode).
 */
export const READER_LAYOUTS = ['interleaved', 'side-by-side', 'hover'] as const;
export type ReaderLayout = (typeof READER_LAYOUTS)[number];
export const readerLayout = setting<ReaderLayout>(
  'readerLayout',
  'interleaved',
  whole(literal(...READER_LAYOUTS), 'interleaved'),
);

/** The page reading mode a reader layout runs the page pipeline in. */
export const LAYOUT_VIEW_MODE: Record<ReaderLayout, ViewMode> = {
  interleaved: 'bilingual',
  'side-by-side': 'bilingual',
  hover: 'original',
};
