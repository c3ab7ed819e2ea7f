import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_COLOUR_MEANINGS } from '@/core/highlight-record';
import {
  cleanPopupTab,
  colourMeanings,
  colourWordsByStatus,
  DEFAULT_POPOVER_SETTINGS,
  lookupHistory,
  popoverSettings,
  popupTab,
  resetViewMode,
  reverseCards,
  setViewMode,
  termUnderline,
  viewModeFor,
  viewModes,
} from './settings';

beforeEach(() => fakeBrowser.reset());

describe('settings are validated when read', () => {
  test('what was saved reads back', async () => {
    await setViewMode('dantri.com.vn', 'english');
    await popoverSettings.setValue({ delayMs: 300, modifier: 'Alt' });
    expect(await viewModeFor('dantri.com.vn')).toBe('english');
    expect(await viewModeFor('vnexpress.net')).toBe('bilingual');
    expect(await popoverSettings.getValue()).toEqual({ delayMs: 300, modifier: 'Alt' });
  });

  test('junk in storage falls back to defaults, keeping what is valid', async () => {
    await fakeBrowser.storage.local.set({
      viewModes: { 'dantri.com.vn': 'english', 'vnexpress.net': 'sideways', '<script>': 'original', x: 3 },
      popoverSettings: { delayMs: -5, modifier: 'Alt' },
      colourMeanings: { yellow: 'Vocabulary', green: 42, blue: '', pink: 'x'.repeat(500) },
      popupTab: 'settings',
    });
    expect(await viewModes.getValue()).toEqual({ 'dantri.com.vn': 'english' });
    expect(await popoverSettings.getValue()).toEqual(DEFAULT_POPOVER_SETTINGS);
    expect(await colourMeanings.getValue()).toEqual({ ...DEFAULT_COLOUR_MEANINGS, yellow: 'Vocabulary' });
    expect(await popupTab.getValue()).toBe('page');
  });

  test.each([[null], ['x'], [[1, 2]], [{ delayMs: '60', modifier: 'none' }]])(
    '%j reads as the defaults',
    async (junk) => {
      await fakeBrowser.storage.local.set({ popoverSettings: junk, viewModes: junk, colourMeanings: junk });
      expect(await popoverSettings.getValue()).toEqual(DEFAULT_POPOVER_SETTINGS);
      expect(await viewModes.getValue()).toEqual({});
      expect(await colourMeanings.getValue()).toEqual(DEFAULT_COLOUR_MEANINGS);
    },
  );

  test('watchers get validated values too', async () => {
    const seen: unknown[] = [];
    const stop = popoverSettings.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ popoverSettings: { delayMs: 'soon' } });
    await fakeBrowser.storage.local.set({ popoverSettings: { delayMs: 100, modifier: 'Shift' } });
    stop();
    expect(seen).toEqual([DEFAULT_POPOVER_SETTINGS, { delayMs: 100, modifier: 'Shift' }]);
  });

  test.each([
    ['highlights', 'highlights'],
    ['page', 'page'],
    [null, 'page'],
    ['elsewhere', 'page'],
  ])('the popup tab %j read raw cleans to %s', (raw, tab) => expect(cleanPopupTab(raw)).toBe(tab));

  test('a site whose mode is reset opens in the default mode again; the others keep theirs', async () => {
    await setViewMode('dantri.com.vn', 'english');
    await setViewMode('vnexpress.net', 'original');
    await resetViewMode('dantri.com.vn');
    expect(await viewModes.getValue()).toEqual({ 'vnexpress.net': 'original' });
    expect(await viewModeFor('dantri.com.vn')).toBe('bilingual');
    await resetViewMode('tuoitre.vn');
    expect(await viewModes.getValue()).toEqual({ 'vnexpress.net': 'original' });
  });

  test.each<[unknown, string]>([
    [undefined, 'names-and-terms'],
    ['names-and-terms', 'names-and-terms'],
    ['names', 'names'],
    ['none', 'none'],
    ['NAMES', 'names-and-terms'],
    ['everything', 'names-and-terms'],
    [3, 'names-and-terms'],
    [{ value: 'names' }, 'names-and-terms'],
  ])('the term underline stored as %j reads as %s', async (stored, expected) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ termUnderline: stored });
    expect(await termUnderline.getValue()).toBe(expected);
  });
});

describe('the word and review settings', () => {
  test('defaults: history on, colouring off, reverse cards off', async () => {
    expect(await lookupHistory.getValue()).toBe(true);
    expect(await colourWordsByStatus.getValue()).toBe(false);
    expect(await reverseCards.getValue()).toBe(false);
  });

  test('what was saved reads back; junk reads as the default', async () => {
    await lookupHistory.setValue(false);
    await colourWordsByStatus.setValue(true);
    expect([await lookupHistory.getValue(), await colourWordsByStatus.getValue()]).toEqual([false, true]);
    await fakeBrowser.storage.local.set({ lookupHistory: 'off', colourWordsByStatus: 1, reverseCards: {} });
    expect([
      await lookupHistory.getValue(),
      await colourWordsByStatus.getValue(),
      await reverseCards.getValue(),
    ]).toEqual([true, false, false]);
  });
});
