/**
 * Hover to popover in real Chromium with the built extension, on the real VnExpress page served
 * under vnexpress.net: from the reader's pointer coming to rest (a trusted mousemove, seen by a
 * main-world listener) to the popover being placed and visible in the overlay's shadow root,
 * minus the configured delay. The dictionary popover includes the `lookupWord` round trip; the
 * glossary-term popover, measured in the same run on the same kind of page, is the baseline.
 *
 * Warm: the service worker is running and has its dictionary loaded. Cold: the service worker was
 * stopped (CDP `ServiceWorker.stopAllWorkers`) while the pointer was still, as the browser stops it
 * after 30 s without events, so it has to start and load the lexicon and the dictionary before it
 * can answer. Then the pointer comes to the word from the page's corner in one of three ways, and
 * the extension may start the background on its first move:
 * - a hand: 500 ms. Pointing at a word-sized target a few hundred pixels away takes a reader about
 *   half a second to a second (Fitts's law: ~3.5 bits at 100–150 ms a bit, plus ~150 ms), so this
 *   is a quick hand;
 * - a flick: 150 ms, faster than readers point;
 * - a jump: one move straight onto the word, so the background starts only as the pointer lands,
 *   the delay (60 ms) before the popover is due: the floor for a pointer, and about what the
 *   caret shortcut of a keyboard reader gets (which has no delay, but the key wakes the worker).
 * The moves follow the clock (each goes where the hand would be by then), so the approach takes
 * its time whatever one move costs the bench; the table shows how long the page saw it take.
 *
 *   npx tsx scripts/bench/lookup.ts   (after npm run build; also BENCH_ONLY=lookup npm run bench)
 */

import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { articlePage, TEMPLATES } from '../lib/article-pages';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import { MAX_SPAN_CHARS } from '../../lib/message-limits';
import { loadArticles } from '../lib/data-sources';
import { startNewsServer, type NewsServer } from '../lib/news-server';
import { FIXTURE_PAGES_DIR } from '../lib/paths';
import { fmt, printTable } from './stats';
import { notedStart, startNotingExtension, type WorkerStart } from './worker-start';

/**
 * Ordinary words of the page's article, hovered in turn (each a dictionary lookup). The reader's
 * moves have the article's words around the view read ahead (entrypoints/content/lookup-ahead.ts),
 * so a cold hover on them is answered in the page.
 */
const WORDS = ['bệnh nhân', 'điều trị', 'ung thư', 'triệu chứng', 'dạ dày', 'bác sĩ', 'tiêu hóa', 'đau bụng'];
/** Words of the page's section menu, read ahead as the article's are once the menu is near the view. */
const MENU_WORDS = ['Thời sự', 'Kinh doanh', 'Pháp luật', 'Thể thao', 'Giải trí', 'Sức khỏe'];
/** Glossary terms of a corpus article page, hovered in turn (each a term popover). */
const TERMS = ['Bình Nhưỡng', 'Triều Tiên', 'Ukraine', 'Kursk', 'Nga', 'Điện Kremlin'];
const APPROACHES: readonly Approach[] = ['hand', 'flick', 'jump'];

/** How the pointer comes to the word: see the file comment. */
export type Approach = 'hand' | 'flick' | 'jump';
/** How long each approach takes (ms): see the file comment. */
export const APPROACH_MS: Record<Approach, number> = { hand: 500, flick: 150, jump: 0 };
/** Time between two moves of an approach: a mouse reports about every 16 ms. */
const MOVE_GAP_MS = 16;

export interface LookupBenchRow {
  popover: string;
  worker: 'warm' | 'cold';
  approach: Approach;
  /** Median time from the pointer's first move toward the word to its rest there, as the page saw it. */
  approachMs: number;
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LookupBenchResult {
  delayMs: number;
  rows: LookupBenchRow[];
  /** The service worker's cold start, by first request (10b); absent from runs before it was measured. */
  workerStarts?: WorkerStartRow[];
  contentScriptGzipBytes: number;
  overlayGzipBytes: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
}

/**
 * Milliseconds from the pointer resting on `text` (n-th match in `selector`) to the popover
 * `testid` visible, and from its first move to that rest (the approach as the page saw it).
 * `still` runs once the pointer is away and still (to stop the service worker).
 */
async function hoverTime(
  page: Page,
  selector: string,
  text: string,
  testid: string,
  approach: Approach = 'jump',
  still?: () => Promise<void>,
): Promise<{ ms: number; approachMs: number; movedAt: number } | null> {
  const point = await page.evaluate(
    ({ selector, text }) => {
      for (const el of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(text);
          if (at < 0) continue;
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(node, at + 1);
          r.setEnd(node, at + 2);
          // A paragraph taller than the view can leave the word outside it.
          const first = r.getClientRects()[0]!;
          if (first.top < 0 || first.bottom > innerHeight) window.scrollBy(0, first.top - innerHeight / 2);
          const b = r.getClientRects()[0]!;
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    },
    { selector, text },
  );
  if (!point) return null;
  // Away first, so the previous popover closes.
  const away = { x: 2, y: 2 };
  await page.mouse.move(away.x, away.y);
  // Before a stop, the page is let go quiet, as a still hand's page is before the browser stops
  // the worker 30 s later: the move's reading ahead (up to a second after it) is done by then.
  await page.waitForTimeout(still ? 1500 : 400);
  await still?.();
  // A plain script, not a function: the bundler's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__hover = new Promise((resolve) => {
      let moved = 0;
      let first = 0;
      document.addEventListener('mousemove', (e) => {
        if (!e.isTrusted) return;
        moved = performance.now();
        if (!first) first = moved;
      }, { capture: true });
      // A mutation observer, not requestAnimationFrame: frames of a page in the background are
      // throttled to about one a second, which would be measured instead of the popover.
      const check = () => {
        const host = document.querySelector('song-ngu-ui');
        const el = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="${testid}"]');
        if (moved && el && el.style.visibility === 'visible') { resolve([performance.now() - moved, moved - first, performance.timeOrigin + first]); return true; }
        return false;
      };
      const watch = () => {
        const host = document.querySelector('song-ngu-ui');
        if (!host || !host.shadowRoot) return setTimeout(watch, 5);
        new MutationObserver(check).observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
      };
      watch();
    });
  })()`);
  // The rest is timed from the last move, onto the word.
  const duration = APPROACH_MS[approach];
  const started = performance.now();
  for (let t = 0; t < duration; t = performance.now() - started) {
    const f = t / duration;
    await page.mouse.move(away.x + (point.x - away.x) * f, away.y + (point.y - away.y) * f);
    await page.waitForTimeout(MOVE_GAP_MS);
  }
  await page.mouse.move(point.x, point.y);
  const timed = await page.evaluate<[number, number, number] | null>(
    'Promise.race([window.__hover, new Promise((r) => setTimeout(() => r(null), 8000))])',
  );
  return timed && { ms: timed[0], approachMs: timed[1], movedAt: timed[2] };
}

/** The pages hovered: the real VnExpress page (ordinary words), a corpus article's page (its terms). */
function lookupPages(server: NewsServer): { wordsUrl: string; termsUrl: string; longUrl: string } {
  const isw = loadArticles().find((a) => a.id === 'isw-north-korean-troops-kursk')!;
  const html = readFileSync(join(FIXTURE_PAGES_DIR, 'vnexpress-2025-10-22.html'), 'utf8');
  return {
    wordsUrl: server.setPage('vnexpress.net', '/bench-lookup.html', html),
    termsUrl: server.setPage('dantri.com.vn', '/the-gioi/bench-terms.htm', articlePage(TEMPLATES.dantri!, isw)),
    longUrl: server.setPage('vnexpress.net', '/bench-lookup-long.html', withLongParagraph(html)),
  };
}

/**
 * The page with its article's text once more, as one paragraph in a single text node longer than
 * a read-ahead message (MAX_SPAN_CHARS): its words are never read ahead, so a cold hover on one
 * asks the worker, whatever the reader's moves before it.
 */
function withLongParagraph(html: string): string {
  const paragraphs = [...html.matchAll(/<p class="Normal"[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  let text = paragraphs.join(' ');
  while (text.length <= MAX_SPAN_CHARS) text += ` ${paragraphs.join(' ')}`;
  const at = html.indexOf('<p class="Normal"');
  return `${html.slice(0, at)}<p class="Normal" id="bench-long">${text}</p>${html.slice(at)}`;
}

/** Stops the service worker (as the browser does after 30 s idle) and waits until it has. */
async function workerStopper(page: Page, context: BrowserContext): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (const started = Date.now(); status !== 'stopped'; await page.waitForTimeout(20)) {
      if (Date.now() - started > 5000) throw new Error(`the service worker did not stop (${status})`);
    }
    // Its ports' disconnection reaches the content script, as it would long before a reader moves.
    await page.waitForTimeout(300);
  };
}

/** Medians of the cold starts for one first request (ms from the waking move). */
export interface WorkerStartRow {
  request: string;
  samples: number;
  median: WorkerStart;
  /** Median of each start's answer less its start: the target's measure. */
  startToAnswer: number;
  /** The latest answer (with a dozen samples, the p95 would be it). */
  answeredMax: number;
}

/**
 * 10b: cold starts of the service worker noted from inside it (worker-start.ts), each on a freshly
 * loaded page, so the popover's first request is the worker's first: a dictionary word
 * (`lookupWord`) on the VnExpress page, a glossary term (`getEntries`, no dictionary senses) on
 * the corpus article's page. The pointer jumps onto the word, as in the `jump` rows.
 */
async function benchWorkerStarts(server: NewsServer): Promise<WorkerStartRow[]> {
  const { termsUrl, longUrl } = lookupPages(server);
  const cases = [
    {
      // A word of a paragraph that is never read ahead (the page's move before the stop reads
      // the rest around the view ahead, the menu's words too).
      request: 'lookupWord',
      url: longUrl,
      selector: '#bench-long',
      texts: WORDS,
      testid: 'dictionary-popover',
    },
    {
      request: 'getEntries',
      url: termsUrl,
      selector: 'p.Normal',
      texts: TERMS,
      testid: 'term-popover',
    },
  ];
  const rows: WorkerStartRow[] = [];
  const dir = startNotingExtension();
  let ext: ExtensionBrowser | undefined;
  try {
    ext = await launchWithExtension({ port: server.port, guard: 'resolver', extensionDir: dir });
    const worker = ext.serviceWorker;
    const page = await ext.context.newPage();
    const stop = await workerStopper(page, ext.context);
    const read = () => worker.evaluate(() => (self as unknown as { __start?: never }).__start);
    for (const c of cases) {
      const starts: WorkerStart[] = [];
      for (let round = 0; round < 2; round++) {
        for (const text of c.texts.slice(0, 6)) {
          await page.goto(c.url);
          await page.locator('xpath=/html[@data-vr-state="ready"]').waitFor();
          const timed = await hoverTime(page, c.selector, text, c.testid, 'jump', stop);
          const start = timed && (await notedStart(read, c.request, timed.movedAt));
          if (start) starts.push(start);
        }
      }
      if (starts.length === 0) throw new Error(`no cold start answered ${c.request}`);
      const med = (f: (s: WorkerStart) => number) => quantile(starts.map(f), 0.5);
      rows.push({
        request: c.request,
        samples: starts.length,
        median: {
          started: med((s) => s.started),
          script: med((s) => s.script),
          evaluated: med((s) => s.evaluated),
          requested: med((s) => s.requested),
          answered: med((s) => s.answered),
        },
        startToAnswer: quantile(
          starts.map((s) => s.answered - s.started),
          0.5,
        ),
        answeredMax: Math.max(...starts.map((s) => s.answered)),
      });
    }
  } finally {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function benchLookup(): Promise<LookupBenchResult> {
  const server = await startNewsServer();
  const ext = await launchWithExtension({ port: server.port, guard: 'resolver' });
  const delayMs = 60; // the default popover delay (lib/settings.ts)
  const samples: Record<string, number[]> = {};
  const approaches: Record<string, number[]> = {};
  /** `key`: popover, worker and approach, joined by "|". */
  const add = (key: string, v: { ms: number; approachMs: number } | null) => {
    if (v === null) return;
    (samples[key] ??= []).push(v.ms - delayMs);
    (approaches[key] ??= []).push(v.approachMs);
  };
  try {
    const page = await ext.context.newPage();
    const stopWorker = await workerStopper(page, ext.context);
    const { wordsUrl, termsUrl } = lookupPages(server);
    const ready = () => page.locator('xpath=/html[@data-vr-state="ready"]').waitFor();
    for (let round = 0; round < 3; round++) {
      await page.goto(wordsUrl);
      await ready();
      // Warm: a first hover loads the overlay and wakes the dictionary.
      await hoverTime(page, 'article p', WORDS[0]!, 'dictionary-popover');
      for (const w of WORDS) add('dictionary|warm|jump', await hoverTime(page, 'article p', w, 'dictionary-popover'));
      for (const approach of APPROACHES) {
        for (const w of WORDS.slice(0, 6)) {
          add(
            `dictionary|cold|${approach}`,
            await hoverTime(page, 'article p', w, 'dictionary-popover', approach, stopWorker),
          );
        }
        for (const w of MENU_WORDS) {
          add(
            `dictionary, section menu|cold|${approach}`,
            await hoverTime(page, 'nav', w, 'dictionary-popover', approach, stopWorker),
          );
        }
      }
      await page.goto(termsUrl);
      await ready();
      await hoverTime(page, 'p.Normal', TERMS[0]!, 'term-popover');
      for (const t of TERMS) add('term|warm|jump', await hoverTime(page, 'p.Normal', t, 'term-popover'));
      for (const approach of APPROACHES) {
        for (const t of TERMS.slice(0, 6)) {
          add(`term|cold|${approach}`, await hoverTime(page, 'p.Normal', t, 'term-popover', approach, stopWorker));
        }
      }
    }
  } finally {
    await ext.close();
  }
  let workerStarts: WorkerStartRow[];
  try {
    workerStarts = await benchWorkerStarts(server);
  } finally {
    await server.close();
  }
  const rows = Object.entries(samples).map(([key, xs]) => {
    const [popover, worker, approach] = key.split('|') as [string, 'warm' | 'cold', Approach];
    return {
      popover,
      worker,
      approach,
      samples: xs.length,
      approachMs: quantile(approaches[key]!, 0.5),
      p50: quantile(xs, 0.5),
      p95: quantile(xs, 0.95),
      max: Math.max(...xs),
    };
  });
  const gz = (f: string) => gzipSync(readFileSync(join(EXTENSION_DIR, f))).length;
  return {
    delayMs,
    rows,
    workerStarts,
    contentScriptGzipBytes: gz('content-scripts/content.js'),
    overlayGzipBytes: gz('overlay-ui.js'),
  };
}

export function printLookup(r: LookupBenchResult): void {
  printTable(
    `Hover to popover after the ${r.delayMs} ms delay (ms; cold = service worker stopped before the hover)`,
    r.rows.map((x) => ({
      popover: x.popover,
      worker: x.worker,
      approach: x.approach,
      samples: x.samples,
      p50: fmt(x.p50),
      p95: fmt(x.p95),
      max: fmt(x.max),
    })),
  );
  console.log(`content script gzip: ${r.contentScriptGzipBytes} B; overlay UI gzip: ${r.overlayGzipBytes} B`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchLookup();
  printLookup(r);
  console.log(JSON.stringify(r));
}
