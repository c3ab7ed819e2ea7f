/**
 * Starts Debian's Firefox ESR with the built Firefox extension installed, driven by Puppeteer over
 * WebDriver BiDi. Every request goes through a local guard proxy that tunnels the news hosts to a
 * {@link NewsServer} and refuses (and records) everything else, so nothing leaves the machine and
 * the tests can check that neither Firefox nor the extension tried.
 */

import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { isNewsSiteHost } from '../../core/site';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/**
 * Firefox's own background traffic, switched off: updates, telemetry and data reporting, studies,
 * captive-portal and connectivity checks, safe browsing, DNS over HTTPS, remote settings (the
 * dummy server only counts under MOZ_DISABLE_NONLOCAL_CONNECTIONS), add-on metadata and the
 * blocklist, certificate revocation lookups, prefetching. Puppeteer sets some of these too; they
 * are repeated here so the list does not depend on its defaults. Whatever is left is refused by
 * the guard and shows up in {@link FirefoxWithExtension.refused}.
 */
const QUIET_PREFS: Record<string, string | number | boolean> = {
  'app.update.auto': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'network.trr.mode': 5,
  'network.http.http3.enable': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'geo.provider.network.url': '',
  'browser.search.update': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'identity.fxaccounts.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
};

export interface FirefoxWithExtension {
  readonly browser: Browser;
  /** The moz-extension:// URL of an extension page, e.g. `popup.html`. */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Opens a new tab that refuses every request except to the news hosts and the extension itself,
   * as the Chromium harness does: the saved pages' ads and analytics never reach the guard, so
   * anything the guard refuses came from Firefox or the extension.
   */
  newPage(): Promise<Page>;
  /** Every request the guard proxy refused (`host:port` for HTTPS, the URL for plain HTTP). */
  readonly refused: readonly string[];
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Port of the {@link NewsServer} the news hosts are tunnelled to. */
  port: number;
  /** An unpacked extension other than the build in .output. */
  extensionDir?: string;
  headless?: boolean;
}

/** True for URLs a news page may load: the news hosts over HTTPS and the page's own resources. */
function isAllowedPageUrl(url: string): boolean {
  const u = new URL(url);
  if (['moz-extension:', 'data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return u.protocol === 'https:' && isNewsSiteHost(u.hostname) && (u.port === '' || u.port === '443');
}

/** The HTTP proxy Firefox is pointed at: HTTPS to a news host is tunnelled, the rest refused. */
async function startGuard(newsPort: number) {
  const refused: string[] = [];
  const sockets = new Set<Socket | Duplex>();
  const server = createServer((req, res) => {
    refused.push(req.url ?? '');
    res.writeHead(403).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Duplex) => {
    const target = req.url ?? '';
    const [host = '', port] = target.split(':');
    client.on('error', () => client.destroy());
    if (!isNewsSiteHost(host) || port !== '443') {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(newsPort, '127.0.0.1', () => {
      // eslint-disable-next-line no-restricted-syntax -- a socket, not an HTML sink
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

/** The add-on id Firefox installs the build under (wxt.config.ts, browser_specific_settings). */
function addonIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Navigates a tab to a moz-extension:// page. Firefox sends no load events for extension
 * documents over WebDriver BiDi, so `page.goto` never settles (puppeteer/puppeteer#14314): ask
 * BiDi to navigate without Puppeteer's waiting, and wait for the document ourselves.
 */
async function navigateToExtensionPage(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
  };
  await frame.browsingContext.navigate(url, 'interactive');
  // Polled with plain evaluations: `waitForFunction` builds its predicate with Function() in the
  // page, which an extension page's CSP refuses in Firefox ESR 140 (the Debian package here).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const done = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (done) return;
    if (Date.now() > deadline) throw new Error(`${url} did not finish loading in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: apt-get install -y firefox-esr`);
  }
  const addonId = addonIdOf(extensionDir);
  // Firefox gives each install a random moz-extension:// host; this pref fixes it in advance.
  const uuid = randomUUID();
  const guard = await startGuard(options.port);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 900 },
      // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension:// page.
      args: ['-remote-allow-system-access'],
      // Firefox refuses connections to anything but this machine (its test switch).
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        // Every host name is this machine, and every request goes through the guard.
        'network.dns.forceResolve': '127.0.0.1',
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': guard.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': guard.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
    const installed = await browser.installExtension(extensionDir);
    if (installed !== addonId) throw new Error(`Firefox installed ${installed}, expected ${addonId}`);
  } catch (e) {
    await browser?.close();
    await guard.close();
    throw e;
  }
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  return {
    browser,
    extensionUrl,
    refused: guard.refused,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigateToExtensionPage(page, extensionUrl(path));
      return page;
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const settled = isAllowedPageUrl(request.url()) ? request.continue() : request.abort('blockedbyclient');
        // A request still in flight when its tab closes cannot be answered any more.
        settled.catch((e: unknown) => {
          if (!page.isClosed()) throw e;
        });
      });
      return page;
    },
    async close() {
      await browser.close();
      await guard.close();
    },
  };
}
