/**
 * Starts Debian's Chromium with the built extension loaded, resolving the news hosts to a local
 * {@link NewsServer} and refusing every other request, so nothing leaves the machine.
 */

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { isNewsSiteHost, NEWS_SITES } from '../../core/site';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * A copy of the built extension in a new temporary folder (named from `prefix`), for a test or a
 * bench to change; its path. The caller removes it.
 */
export function copyOfBuild(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

/** Puts `code` before the background script of a copy of the build: it runs first at each start. */
export function prependToBackground(dir: string, code: string): void {
  const worker = join(dir, 'background.js');
  writeFileSync(worker, `${code}\n${readFileSync(worker, 'utf8')}`);
}

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  readonly userDataDir: string;
  /** The chrome-extension:// URL of an extension page, e.g. `popup.html`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Port of the {@link NewsServer} the news hosts resolve to. */
  port: number;
  /** An unpacked extension other than the build in .output (a test variant). */
  extensionDir?: string;
  /** Reuse a profile (to test a browser restart); a fresh one by default. */
  userDataDir?: string;
  /**
   * Leave a fresh profile's first-run page open (the demo shows it). Closed by default; either
   * way, the launch waits for it to open, so that pages opened after come in front of it.
   */
  keepFirstRun?: boolean;
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  viewport?: { width: number; height: number } | null;
  /**
   * How every request to anything but the served news hosts is refused. `route` (the default, for
   * tests) intercepts each request in Playwright, which also sees chrome-extension:// loads and
   * adds ~40 ms to every extension page; `resolver` leaves requests alone and makes every other
   * host name unresolvable, so timings are the ones a reader gets (benchmarks).
   */
  guard?: 'route' | 'resolver';
}

/**
 * Chromium's host-resolver rules sending every news host and its subdomains to 127.0.0.1:port and,
 * with `refuseOthers`, every other host name nowhere (the first rule that matches applies).
 */
export function hostResolverRules(port: number, refuseOthers = false): string {
  const rules = NEWS_SITES.flatMap((host) => [`MAP ${host} 127.0.0.1:${port}`, `MAP *.${host} 127.0.0.1:${port}`]);
  if (refuseOthers) rules.push('MAP * ~NOTFOUND');
  return rules.join(', ');
}

/** True for URLs the tests may load: the served news hosts and the extension itself. */
export function isAllowedUrl(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'chrome-extension:' || u.protocol === 'data:' || u.protocol === 'blob:' || url === 'about:blank') {
    return true;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return isNewsSiteHost(u.hostname);
}

/** Chromium's command line for the bench and tests: the extension (if any), the host rules, quiet defaults. */
function chromiumArgs(options: LaunchOptions, extensionDir: string | null): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${hostResolverRules(options.port, options.guard === 'resolver')}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    ...(options.args ?? []),
  ];
}

async function launchContext(
  options: LaunchOptions,
  extensionDir: string | null,
): Promise<{ context: BrowserContext; userDataDir: string }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'song-ngu-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    ignoreHTTPSErrors: true,
    args: chromiumArgs(options, extensionDir),
  });
  if (options.guard !== 'resolver') {
    await context.route('**/*', (route) =>
      isAllowedUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );
  }
  return { context, userDataDir };
}

/**
 * The same Chromium, launched the same way, without the extension: the benchmarks' baseline for
 * what a page costs on its own.
 */
export async function launchWithoutExtension(
  options: LaunchOptions,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { context } = await launchContext(options, null);
  return { context, close: () => context.close() };
}

/**
 * Waits for a fresh profile's first-run page, and closes it unless `keep`. Until it has opened, a
 * page opened by a test can end up behind it (see the caller).
 */
async function settleFirstRunPage(context: BrowserContext, extensionId: string, keep: boolean): Promise<void> {
  // lib/first-run.ts's FIRST_RUN_PATH (that module needs the extension's runtime to load).
  const isFirstRun = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
  // Polled rather than awaited as a `page` event: a new tab's URL can still be about:blank then.
  for (const started = Date.now(); Date.now() - started < 10_000; await sleep(50)) {
    const page = context.pages().find(isFirstRun);
    if (page) return keep ? undefined : page.close();
  }
  throw new Error('the first-run page did not open in a fresh profile');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const { context, userDataDir } = await launchContext(options, extensionDir);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  // A fresh profile installs the extension, which opens its first-run page in a tab of its own.
  // Opened after a page a test or bench had opened, that tab is the window's front one, and the
  // page runs as a background tab: Chromium draws it about once a second, and delivers mouse moves
  // at that pace (a test that moves the pointer step by step took 15–30 s, a hover bench measured
  // the throttling). So it is waited for here, and closed unless kept; pages opened after it come
  // in front. A test of the first-run page passes a profile of its own; the benches' stand-in
  // extensions without our background have no first-run page.
  const hasFirstRun = existsSync(join(extensionDir, 'welcome.html'));
  if (options.userDataDir === undefined && hasFirstRun) {
    await settleFirstRunPage(context, extensionId, options.keepFirstRun ?? false);
  }
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}
