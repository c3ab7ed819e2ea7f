/**
 * An HTTPS server that stands in for Vietnamese news sites. Chromium is told to resolve the real
 * hostnames (dantri.com.vn, vnexpress.net…) to it, so the extension's production content-script
 * matches apply unchanged. Several of those hosts are HSTS-preloaded, hence HTTPS with a
 * throwaway self-signed certificate (Chromium runs with --ignore-certificate-errors).
 *
 * Used by the end-to-end tests, the demo and the benchmarks.
 */

import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface ServedPage {
  body: string | Buffer;
  contentType?: string;
  /** Extra response headers, e.g. a Content-Security-Policy to test under. */
  headers?: Record<string, string>;
}

export interface NewsServer {
  /** The port Chromium's host-resolver rules point at. */
  readonly port: number;
  /** Serves `page` at https://host/path (path starts with /). */
  setPage(host: string, path: string, page: ServedPage | string): string;
  /** Stops serving https://host/path. */
  removePage(host: string, path: string): void;
  /** Every request seen, as https://host/path, newest last. */
  readonly requests: string[];
  close(): Promise<void>;
}

let certificate: Promise<{ key: string; cert: string }> | undefined;

function testCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: 'song-ngu-test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

/** Starts the server on 127.0.0.1 on a free port. */
export async function startNewsServer(): Promise<NewsServer> {
  const { key, cert } = await testCertificate();
  const pages = new Map<string, ServedPage>();
  const requests: string[] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = (req.url ?? '/').split('#')[0]!;
    const url = `https://${host}${path}`;
    requests.push(url);
    const page = pages.get(url) ?? pages.get(url.split('?')[0]!);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': page.contentType ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...page.headers,
    });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    setPage(host, path, page) {
      const url = `https://${host.toLowerCase()}${path}`;
      pages.set(url, typeof page === 'string' ? { body: page } : page);
      return url;
    },
    removePage(host, path) {
      pages.delete(`https://${host.toLowerCase()}${path}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
