/**
 * The extension's keyboard shortcuts as the browser has them now (the reader may have changed
 * them), and the way to the browser's own page for changing them: Firefox has an API for it
 * (`commands.openShortcutSettings`, Firefox 137+), Chrome a page extensions may open in a tab.
 */

import { browser } from 'wxt/browser';

/** One command and the keys that run it ('' when none are set). */
export interface Shortcut {
  name: string;
  description: string;
  keys: string;
}

/** A command as `commands.getAll()` reports it. */
export interface BrowserCommand {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** The part of the `commands` API used here (so tests can stand in for it). */
export interface CommandsApi {
  getAll(): Promise<BrowserCommand[]>;
  openShortcutSettings?: () => Promise<void>;
}

export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** The browser's built-in command that opens the toolbar popup (MV3 and MV2 names). */
const OPEN_POPUP = /^_execute_(?:browser_)?action$/;

/**
 * The commands as a list to show: the extension's own first, in manifest order, then the
 * browser's "open the popup", which has no description of its own and no keys until the reader
 * sets some.
 */
export function shortcutRows(commands: readonly BrowserCommand[]): Shortcut[] {
  const rows = commands.flatMap((c) => {
    if (!c.name) return [];
    const popup = OPEN_POPUP.test(c.name);
    if (!popup && c.name.startsWith('_')) return [];
    return [
      {
        name: c.name,
        description: popup ? 'Open the Song ngữ popup' : c.description || c.name,
        keys: c.shortcut ?? '',
      },
    ];
  });
  return [...rows.filter((r) => !OPEN_POPUP.test(r.name)), ...rows.filter((r) => OPEN_POPUP.test(r.name))];
}

/** The shortcuts as set now. */
export async function listShortcuts(api: CommandsApi = browser.commands as CommandsApi): Promise<Shortcut[]> {
  return shortcutRows(await api.getAll());
}

/** Opens the browser's page for changing the extension's shortcuts. */
export async function openShortcutSettings(
  api: CommandsApi = browser.commands as CommandsApi,
  openTab: (url: string) => Promise<unknown> = (url) => browser.tabs.create({ url }),
): Promise<void> {
  if (typeof api.openShortcutSettings === 'function') {
    await api.openShortcutSettings();
    return;
  }
  await openTab(CHROME_SHORTCUTS_URL);
}

/** Keys as the browser writes them ("Alt+Shift+B"), split for display as separate keys. */
export function keyParts(keys: string): string[] {
  return keys ? keys.split('+').filter(Boolean) : [];
}
