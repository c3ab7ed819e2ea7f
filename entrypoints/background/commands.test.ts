import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { runCommand } from './commands';

describe('keyboard shortcuts', () => {
  beforeEach(() => fakeBrowser.reset());

  test('cycle-view-mode is forwarded to the tab it was pressed in', async () => {
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: 'original' } as never);
    await runCommand('cycle-view-mode', { id: 42 } as never);
    expect(send).toHaveBeenCalledWith(42, { type: 'cycleViewMode', params: {} });
  });

  test('without a tab, the active tab gets it', async () => {
    const query = vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: 'english' } as never);
    await runCommand('cycle-view-mode');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'cycleViewMode', params: {} });
  });

  test('a tab without the content script is not an error', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await expect(runCommand('cycle-view-mode', { id: 1 } as never)).resolves.toBeUndefined();
  });
});
