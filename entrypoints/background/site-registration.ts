/**
 * "Read this site": the sites the reader added beyond the default news sites. Each is an origin the
 * browser granted on the reader's click (the popup asks, through `optional_host_permissions`), a
 * content-script registration for that origin only, and an entry in the stored list. The three are
 * kept in step here: added together, removed together, and mended when the browser's own UI takes
 * a permission back or a browser (Firefox) forgets registrations across restarts.
 */

import { browser } from 'wxt/browser';
import {
  isNewsSiteHost,
  originMatchPattern,
  originOfRegistration,
  originsMatching,
  originsOfPatterns,
  registrationId,
  withEntry,
  withoutEntry,
} from '@/core/site';
import { addedSites } from '@/lib/settings';

/** The content script and its page stylesheet, as the build names them (see wxt.config.ts). */
const CONTENT_JS = '/content-scripts/content.js';
const CONTENT_CSS = '/content-scripts/page-highlights.css';

/** Site changes one after another: the popup's request and the browser's event may race. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/** The browser's view of one origin: granted or not. */
async function isGranted(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originMatchPattern(origin)] });
}

/** Our registrations the browser holds now, by origin. */
async function registeredOrigins(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.flatMap((s) => originOfRegistration(s.id) ?? []));
}

async function register(origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts(
    origins.map((origin) => ({
      id: registrationId(origin),
      matches: [originMatchPattern(origin)],
      js: [CONTENT_JS],
      css: [CONTENT_CSS],
      runAt: 'document_idle' as const,
      // Chrome keeps it across restarts; where a browser does not, syncSites registers it again.
      persistAcrossSessions: true,
    })),
  );
}

async function unregister(origins: readonly string[]): Promise<void> {
  const held = await registeredOrigins();
  const ids = origins.filter((o) => held.has(o)).map(registrationId);
  if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids });
}

/**
 * Adds a site the browser has granted: registers the content script for it, stores it, and runs
 * the script at once in the tab the reader asked from. Refuses an origin not granted, so a
 * message alone can never make the extension run anywhere.
 */
export function addSite(origin: string, tabId: number | null): Promise<string[]> {
  return serially(() => add(origin, tabId));
}

async function add(origin: string, tabId: number | null): Promise<string[]> {
  if (!(await isGranted(origin))) throw new Error(`refused: the browser has not granted ${origin}`);
  if (!(await registeredOrigins()).has(origin)) await register([origin]);
  const sites = withEntry(await addedSites.getValue(), origin);
  await addedSites.setValue(sites);
  if (tabId !== null) await runInTab(tabId, origin);
  return sites;
}

/** Runs the content script in an open tab of the origin (the page the popup was opened on). */
async function runInTab(tabId: number, origin: string): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  // The tab may have moved on while the prompt was open: never run on another origin.
  if (!tab.url || !tab.url.toLowerCase().startsWith(`${origin}/`)) return;
  // Once per document, whichever of the popup and the permission event gets here first.
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const world = globalThis as { songNguStarted?: boolean };
      const started = world.songNguStarted === true;
      world.songNguStarted = true;
      return started;
    },
  });
  if (first?.result === true) return;
  await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] });
}

/** Stops reading an added site: drops it, unregisters its script, gives the permission back. */
export function removeSite(origin: string): Promise<string[]> {
  return serially(() => remove(origin));
}

async function remove(origin: string): Promise<string[]> {
  const sites = withoutEntry(await addedSites.getValue(), origin);
  await addedSites.setValue(sites);
  await unregister([origin]);
  await browser.permissions.remove({ origins: [originMatchPattern(origin)] });
  return sites;
}

/**
 * The browser took permissions back (its own site-access UI, or removeSite): the sites they covered
 * are dropped and unregistered, so the list never shows a site the extension cannot read.
 */
export function permissionsRemoved(patterns: readonly string[]): Promise<void> {
  return serially(() => dropRevoked(patterns));
}

async function dropRevoked(patterns: readonly string[]): Promise<void> {
  const current = await addedSites.getValue();
  const gone = originsMatching(current, patterns);
  if (gone.length === 0) return;
  await addedSites.setValue(current.filter((o) => !gone.includes(o)));
  await unregister(gone);
}

/**
 * Brings the registrations in line with the stored list and the permissions, at every background
 * start: a site whose permission is gone is dropped; a granted site without its registration
 * (Firefox does not keep them across restarts) is registered again; a registration of ours for a
 * site no longer listed is removed.
 */
export function syncSites(): Promise<void> {
  return serially(sync);
}

async function sync(): Promise<void> {
  const stored = await addedSites.getValue();
  const granted: string[] = [];
  for (const origin of stored) if (await isGranted(origin)) granted.push(origin);
  if (granted.length !== stored.length) await addedSites.setValue(granted);
  const held = await registeredOrigins();
  await register(granted.filter((o) => !held.has(o)));
  const stale = [...held].filter((o) => !granted.includes(o));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale.map(registrationId) });
}

/**
 * The browser granted origins: when the popup asked (Firefox closes the popup when its prompt
 * opens, so the popup's own addSite may never be sent), or the reader granted a site in the
 * browser's own site-access UI. Either way the reader chose that site: read it, at once in the
 * active tab showing it.
 */
export async function permissionsAdded(patterns: readonly string[]): Promise<void> {
  for (const origin of originsOfPatterns(patterns)) {
    if (isNewsSiteHost(new URL(origin).hostname)) continue;
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const shows = active?.id !== undefined && !!active.url?.toLowerCase().startsWith(`${origin}/`);
    await addSite(origin, shows ? active.id! : null);
  }
}

/** Wires the permission listeners and the start-up sync (background only). */
export function keepSitesInStep(): void {
  browser.permissions.onAdded.addListener(({ origins }) => void permissionsAdded(origins ?? []).catch(() => undefined));
  browser.permissions.onRemoved.addListener(
    ({ origins }) => void permissionsRemoved(origins ?? []).catch(() => undefined),
  );
  void syncSites().catch((e: unknown) => console.warn('Song ngữ: could not restore the sites you added.', e));
}
