/**
 * "Read this site" in the background, against a model of the browser's permissions, content-script
 * registrations and tabs. The end-to-end suite (tests/e2e/read-this-site.spec.ts) runs the same
 * code in Chromium, but there the origin is granted at install, so the permission given back by
 * Remove, and a refused origin, are covered here.
 */

import { beforeEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addedSites } from '@/lib/settings';
import { addSite, permissionsAdded, permissionsRemoved, removeSite, syncSites } from './site-registration';

const SITE = 'https://tin.example';
const OTHER = 'https://bao.example';

/** What the browser holds: granted match patterns, registrations by id, and tabs by id. */
interface BrowserModel {
  granted: Set<string>;
  registered: Map<string, { matches: string[]; js: string[]; css: string[]; persistAcrossSessions: boolean }>;
  tabs: Map<number, { url: string; active?: boolean }>;
  /** Per tab, what was injected in it, in order. */
  injected: Map<number, string[]>;
}

let model: BrowserModel;

/** A browser API call answered from the model: its result or its error, as a promise. */
const answer = <A extends unknown[]>(f: (...args: A) => unknown) =>
  ((...args: A) => {
    try {
      return Promise.resolve(f(...args));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }) as never;

beforeEach(() => {
  fakeBrowser.reset();
  model = { granted: new Set(), registered: new Map(), tabs: new Map(), injected: new Map() };
  const inject = (tabId: number, what: string) =>
    model.injected.set(tabId, [...(model.injected.get(tabId) ?? []), what]);
  const started = new Set<number>();
  vi.spyOn(browser.permissions, 'contains').mockImplementation(
    answer(({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => model.granted.has(o))),
  );
  vi.spyOn(browser.permissions, 'remove').mockImplementation(
    answer(({ origins }: { origins?: string[] }) => {
      for (const o of origins ?? []) model.granted.delete(o);
      return true;
    }),
  );
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(
    answer(() => [...model.registered.keys()].map((id) => ({ id }))),
  );
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(
    answer(
      (
        scripts: { id: string; matches?: string[]; js?: string[]; css?: string[]; persistAcrossSessions?: boolean }[],
      ) => {
        for (const s of scripts) {
          if (model.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          model.registered.set(s.id, {
            matches: s.matches ?? [],
            js: s.js ?? [],
            css: s.css ?? [],
            persistAcrossSessions: s.persistAcrossSessions ?? true,
          });
        }
      },
    ),
  );
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(
    answer((filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? []) {
        if (!model.registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    }),
  );
  vi.spyOn(browser.tabs, 'get').mockImplementation(answer((id: number) => ({ id, ...model.tabs.get(id)! })));
  vi.spyOn(browser.tabs, 'query').mockImplementation(
    answer(() => [...model.tabs].filter(([, t]) => t.active).map(([id, t]) => ({ id, ...t }))),
  );
  vi.spyOn(browser.scripting, 'executeScript').mockImplementation(
    answer((injection: { target: { tabId: number }; files?: string[] }) => {
      const { tabId } = injection.target;
      if (injection.files) {
        injection.files.forEach((f) => inject(tabId, f));
        return [];
      }
      // The once-per-document guard: true when the script had started in this document already.
      const before = started.has(tabId);
      started.add(tabId);
      return [{ result: before }];
    }),
  );
  vi.spyOn(browser.scripting, 'insertCSS').mockImplementation(
    answer(({ target, files }: { target: { tabId: number }; files?: string[] }) => {
      (files ?? []).forEach((f) => inject(target.tabId, f));
    }),
  );
});

describe('adding a site', () => {
  test('an origin the browser did not grant is refused: nothing registered, stored or run', async () => {
    model.tabs.set(7, { url: `${SITE}/a.html` });
    await expect(addSite(SITE, 7)).rejects.toThrow(/not granted https:\/\/tin\.example/);
    expect(model.registered.size).toBe(0);
    expect(await addedSites.getValue()).toEqual([]);
    expect(model.injected.size).toBe(0);
  });

  test('a granted origin: registered for that origin only, stored, and run at once in the tab asked from', async () => {
    model.granted.add(`${SITE}/*`);
    model.tabs.set(7, { url: `${SITE}/the-gioi/a.html` });
    expect(await addSite(SITE, 7)).toEqual([SITE]);
    expect([...model.registered]).toEqual([
      [
        `site:${SITE}`,
        {
          matches: [`${SITE}/*`],
          js: ['/content-scripts/content.js'],
          css: ['/content-scripts/page-highlights.css'],
          persistAcrossSessions: true,
        },
      ],
    ]);
    expect(await addedSites.getValue()).toEqual([SITE]);
    expect(model.injected.get(7)).toEqual(['/content-scripts/page-highlights.css', '/content-scripts/content.js']);
  });

  test('the popup and the permission event both adding it: one registration, the script run once', async () => {
    model.granted.add(`${SITE}/*`);
    model.tabs.set(7, { url: `${SITE}/a.html`, active: true });
    await Promise.all([addSite(SITE, 7), permissionsAdded([`${SITE}/*`])]);
    expect([...model.registered.keys()]).toEqual([`site:${SITE}`]);
    expect(model.injected.get(7)).toEqual(['/content-scripts/page-highlights.css', '/content-scripts/content.js']);
  });

  test('a tab that moved to another origin while the prompt was open is not run in', async () => {
    model.granted.add(`${SITE}/*`);
    model.tabs.set(7, { url: `${OTHER}/b.html` });
    await addSite(SITE, 7);
    expect(model.registered.has(`site:${SITE}`)).toBe(true);
    expect(model.injected.size).toBe(0);
  });

  test('a news site granted in the browser’s own UI is not added: it is read by default', async () => {
    model.granted.add('https://vnexpress.net/*');
    await permissionsAdded(['https://vnexpress.net/*']);
    expect(model.registered.size).toBe(0);
    expect(await addedSites.getValue()).toEqual([]);
  });
});

describe('removing a site', () => {
  beforeEach(async () => {
    model.granted.add(`${SITE}/*`).add(`${OTHER}/*`);
    await addSite(SITE, null);
    await addSite(OTHER, null);
  });

  test('Remove drops it, unregisters its script and gives the permission back; the other site stays', async () => {
    expect(await removeSite(SITE)).toEqual([OTHER]);
    expect(await addedSites.getValue()).toEqual([OTHER]);
    expect([...model.registered.keys()]).toEqual([`site:${OTHER}`]);
    expect(browser.permissions.remove).toHaveBeenCalledWith({ origins: [`${SITE}/*`] });
    expect([...model.granted]).toEqual([`${OTHER}/*`]);
  });

  test('revoked in the browser’s own UI: dropped from the list and unregistered', async () => {
    model.granted.delete(`${OTHER}/*`);
    await permissionsRemoved([`${OTHER}/*`]);
    expect(await addedSites.getValue()).toEqual([SITE]);
    expect([...model.registered.keys()]).toEqual([`site:${SITE}`]);
  });

  test('a revocation of origins the reader never added changes nothing', async () => {
    await permissionsRemoved(['https://khac.example/*']);
    expect(await addedSites.getValue()).toEqual([OTHER, SITE]);
    expect(model.registered.size).toBe(2);
  });
});

test('at start, the registrations follow the list and the permissions (Firefox forgets them across restarts)', async () => {
  // Stored: two sites, one of which lost its permission while the extension was not running.
  // Registered: neither of them, and a stale registration of a site no longer listed.
  await addedSites.setValue([OTHER, SITE]);
  model.granted.add(`${SITE}/*`);
  model.registered.set('site:https://cu.example', { matches: [], js: [], css: [], persistAcrossSessions: true });
  await syncSites();
  expect(await addedSites.getValue()).toEqual([SITE]);
  expect([...model.registered.keys()]).toEqual([`site:${SITE}`]);
});
