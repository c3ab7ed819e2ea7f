import { describe, expect, test, vi } from 'vitest';
import { CHROME_SHORTCUTS_URL, keyParts, openShortcutSettings, shortcutRows } from './shortcuts';

describe('the shortcuts as the browser reports them', () => {
  test('the extension’s commands first, in order, then the popup’s; keys as set now', () => {
    expect(
      shortcutRows([
        { name: '_execute_action', description: '', shortcut: '' },
        { name: 'cycle-view-mode', description: 'Switch the reading mode', shortcut: 'Alt+Shift+B' },
        { name: 'highlight-selection', description: 'Highlight the selected text', shortcut: 'Ctrl+Shift+Y' },
        { name: 'show-term', description: 'Show the glossary entry' },
      ]),
    ).toEqual([
      { name: 'cycle-view-mode', description: 'Switch the reading mode', keys: 'Alt+Shift+B' },
      { name: 'highlight-selection', description: 'Highlight the selected text', keys: 'Ctrl+Shift+Y' },
      { name: 'show-term', description: 'Show the glossary entry', keys: '' },
      { name: '_execute_action', description: 'Open the Song ngữ popup', keys: '' },
    ]);
  });

  test.each([
    [{ name: '_execute_browser_action', shortcut: 'Alt+S' }, [{ name: '_execute_browser_action', keys: 'Alt+S' }]],
    [{ name: '_execute_sidebar_action' }, []],
    [{ description: 'nameless' }, []],
    [{ name: 'x', description: '' }, [{ name: 'x', description: 'x', keys: '' }]],
  ])('%j is listed as %j', (command, expected) => {
    expect(shortcutRows([command])).toMatchObject(expected);
  });

  test.each([
    ['Alt+Shift+B', ['Alt', 'Shift', 'B']],
    ['Ctrl+Comma', ['Ctrl', 'Comma']],
    ['', []],
  ])('%j shows as the keys %j', (keys, parts) => expect(keyParts(keys)).toEqual(parts));
});

describe('the browser’s shortcut page', () => {
  test('Firefox: its API opens the page; no tab is created', async () => {
    const api = { getAll: () => Promise.resolve([]), openShortcutSettings: vi.fn(() => Promise.resolve()) };
    const openTab = vi.fn(() => Promise.resolve());
    await openShortcutSettings(api, openTab);
    expect(api.openShortcutSettings).toHaveBeenCalledOnce();
    expect(openTab).not.toHaveBeenCalled();
  });

  test('Chrome (no such API): the shortcuts page in a new tab', async () => {
    const openTab = vi.fn(() => Promise.resolve());
    await openShortcutSettings({ getAll: () => Promise.resolve([]) }, openTab);
    expect(openTab).toHaveBeenCalledWith(CHROME_SHORTCUTS_URL);
  });
});
