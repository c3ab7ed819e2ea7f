import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages } from './handle-messages';
import { handleTabMessages, sendMessage, type Handlers, type Protocol } from './messaging';

const EXT_PAGE = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const CONTENT_SCRIPT = () => ({ id: fakeBrowser.runtime.id, url: 'https://dantri.com.vn/a.htm', tab: { id: 7 } });
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

const state = {
  url: 'https://dantri.com.vn/a.htm',
  title: 'A',
  state: 'ready' as const,
  matched: 1,
  terms: 2,
  highlights: 0,
  orphans: 0,
  articles: [],
};

function handlers(log: string[]): Handlers<Protocol> {
  // Only the messages these tests send; the rest are refused as unknown.
  return {
    reportPageState: (s, sender) => {
      log.push(`report ${s.url} from tab ${sender.tabId}`);
      return null;
    },
    getTabState: ({ tabId }) => ({ ...state, tabId, reportedAt: 1 }),
    analyzeBlocks: ({ texts }) => ({ results: texts.map(() => ({ candidates: [], terms: [] })), paragraphs: {} }),
    getArticle: () => null,
    getEntries: ({ ids }) => ({
      entries: [],
      articleTitles: Object.fromEntries(ids.map((id) => [String(id), { vi: 'v', en: 'e' }])),
    }),
  } as Partial<Handlers<Protocol>> as Handlers<Protocol>;
}

async function deliver(message: unknown, sender: object): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((r) => r !== undefined);
}

describe('handleMessages', () => {
  let log: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    log = [];
    handleMessages(handlers(log));
  });

  test('answers a valid message and tells the handler who sent it', async () => {
    expect(await deliver({ type: 'reportPageState', params: state }, CONTENT_SCRIPT())).toEqual({
      ok: true,
      value: null,
    });
    expect(log).toEqual(['report https://dantri.com.vn/a.htm from tab 7']);
  });

  test('refuses privileged messages from content scripts, answers them for extension pages', async () => {
    const fromPage = await deliver({ type: 'getTabState', params: { tabId: 7 } }, CONTENT_SCRIPT());
    expect(fromPage).toEqual({ ok: false, error: expect.stringContaining('only accepted from the extension') });
    const fromPopup = await deliver({ type: 'getTabState', params: { tabId: 7 } }, EXT_PAGE());
    expect(fromPopup).toMatchObject({ ok: true, value: { tabId: 7 } });
  });

  test.each([
    ['no envelope', 'hello'],
    ['null', null],
    ['no type', { params: {} }],
    ['no params', { type: 'getEntries' }],
    ['unknown type', { type: 'dropDatabase', params: {} }],
    ['prototype key as type', { type: 'toString', params: {} }],
    ['wrong param type', { type: 'getEntries', params: { ids: 'all' } }],
    ['unknown param', { type: 'getEntries', params: { ids: [1], extra: 1 } }],
    ['inherited name as a param', { type: 'getEntries', params: JSON.parse('{"ids": [1], "constructor": 1}') }],
    ['a text over the analysis cap', { type: 'analyzeBlocks', params: { texts: ['a'.repeat(64_001)] } }],
    ['bad enum', { type: 'reportPageState', params: { ...state, state: 'done' } }],
    ['negative count', { type: 'reportPageState', params: { ...state, matched: -1 } }],
    ['non-http url', { type: 'reportPageState', params: { ...state, url: 'javascript:alert(1)' } }],
  ])('refuses %s', async (_name, message) => {
    const reply = await deliver(message, CONTENT_SCRIPT());
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^(refused|invalid)/) });
    expect(log).toEqual([]);
  });

  test('refuses messages from another extension', async () => {
    expect(await deliver({ type: 'getEntries', params: { ids: [1] } }, OTHER_EXTENSION)).toMatchObject({ ok: false });
  });

  test('sendMessage unwraps replies and turns refusals into errors', async () => {
    // Deliver as the content script of tab 7 would.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((m: unknown) => deliver(m, CONTENT_SCRIPT()));
    expect(await sendMessage('getEntries', { ids: [3] })).toEqual({
      entries: [],
      articleTitles: { 3: { vi: 'v', en: 'e' } },
    });
    await expect(sendMessage('getTabState', { tabId: 1 })).rejects.toThrow(/getTabState: refused/);
  });
});

describe('handleTabMessages', () => {
  beforeEach(() => fakeBrowser.reset());

  test('answers the background and refuses other tabs', async () => {
    handleTabMessages({
      cycleViewMode: () => 'english',
      showTermAtCaret: () => false,
      highlightSelection: () => false,
      flashHighlight: () => false,
      highlightsChanged: () => null,
      stagedHighlightDone: () => null,
      closeFrame: () => null,
      pageParagraphs: () => ({ url: 'https://vnexpress.net/', title: '', paragraphs: [] }),
    });
    const fromBackground = { id: fakeBrowser.runtime.id };
    expect(await deliver({ type: 'cycleViewMode', params: {} }, fromBackground)).toEqual({
      ok: true,
      value: 'english',
    });
    expect(await deliver({ type: 'cycleViewMode', params: {} }, CONTENT_SCRIPT())).toMatchObject({ ok: false });
    expect(await deliver({ type: 'notOurs', params: {} }, fromBackground)).toBeUndefined();
  });
});
