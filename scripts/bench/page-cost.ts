/**
 * Benchmark 1, the whole cost: everything the page's renderer main thread does while a page loads
 * with the extension, against the same page in a Chromium without it, and against the same page
 * served with the English already in its HTML (what a perfect extension would leave behind).
 *
 * - (a) with the extension: Chromium with the built extension;
 * - (b) the page alone: the same Chromium, launched the same way, without the extension;
 * - (c) served with the English: (b)'s browser, loading the served HTML with every rendering the
 *   extension made in a calibration load of (a) written after its block, its open shadow root as a
 *   declarative `<template shadowrootmode="open">`. Starting from the served HTML rather than the
 *   live document keeps out what the page's own scripts added (they run again in (c)), and the
 *   extension's overlay host and `data-vr-*` marks. The first round checks that (c) holds the same
 *   renderings as (a), and that (a) and (c) without their renderings are (b);
 * - (f) the floor: the page with a stand-in content script that only reads the page's text and
 *   sends it to the shipped background, as any design analysing the page there must
 *   (read-send-floor.ts). (f) − (b) is the least the extension can add over (c).
 *
 * Each load is traced from its navigation start for a window of fixed length per page, the same
 * for all four cases: twice the later of `load` and the extension's `ready` in the calibration
 * load, plus two seconds, rounded up to 100 ms (a noisy machine can be twice as slow in one load
 * as in the next). The harness only sleeps while the window runs: waiting through Playwright
 * (waitForSelector, waitForFunction) would run its scripts in the page.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';
import type { CorpusArticle } from '../../core/corpus-schema';
import { NEWS_SITE_MATCHES } from '../../lib/sites';
import { articlePage, TEMPLATES } from '../lib/article-pages';
import { EXTENSION_DIR, launchWithExtension, launchWithoutExtension } from '../lib/chromium';
import type { NewsServer } from '../lib/news-server';
import { annotationPage, READY_PROBE } from './browser';
import {
  analyseMainThread,
  analyseScroll,
  MAIN_THREAD_CATEGORIES,
  PHASES,
  type MainThreadWork,
  type Phase,
  type ScrollWork,
} from './main-thread';
import { median } from './stats';
import { readAndSendExtension } from './read-send-floor';
import { difference, pageSnapshot, renderingsToServe, servedWithEnglish } from './served-english';
import { startTracing, stopTracing } from './trace';

/** The per-load figures a case reports as medians. */
const MEDIAN_FIELDS = [
  'busyMs',
  'cpuMs',
  'longestTaskMs',
  'longestTaskCpuMs',
  'longestAfterDomContentMs',
  'longestAfterDomContentCpuMs',
  'renderingUpdates',
  'beginMainFrames',
  'forcedLayouts',
  'tasks',
] as const;

/** One case's medians over its loads, and the loads themselves. */
export type CaseCost = Pick<
  MainThreadWork,
  (typeof MEDIAN_FIELDS)[number] | 'phases' | 'cpuPhases' | 'prePaintDetail'
> & {
  /** `load` (loadEventEnd) from navigation start. */
  loadMs: number;
  /** The page's first contentful paint and DOMContentLoaded, from navigation start, medians. */
  firstPaintMs: number;
  domContentLoadedMs: number;
  /** Loads whose first contentful paint came after DOMContentLoaded (the paint then counts in "after DOMContentLoaded"). */
  paintAfterDomContentLoads: number;
  loads: MainThreadWork[];
};

export interface PageCostRow {
  page: string;
  textChars: number;
  /** English renderings on the page, the same in (a) and (c). */
  renderings: number;
  windowMs: number;
  extension: CaseCost & {
    /** Evaluating the content script (compile and run of its top level), median. */
    evaluateMs: number;
    compileMs: number;
    evaluateCpuMs: number;
    compileCpuMs: number;
    /** `data-vr-state="ready"` from navigation start, median and latest. */
    readyMs: number;
    latestReadyMs: number;
    /** Loads in which the extension was not ready within the window (their work is cut short). */
    lateLoads: number;
    /** Loads in which the content script was not evaluated in the window at all. */
    unrunLoads: number;
  };
  plain: CaseCost;
  served: CaseCost;
  /** (f) the page with the read-and-send stand-in (read-send-floor.ts), when measured. */
  readAndSend?: CaseCost;
  /** Median busy time with the extension minus served with the English, in ms and as a share of the latter. */
  overheadMs: number;
  overheadPct: number;
  /** The same in CPU time. */
  cpuOverheadMs: number;
  cpuOverheadPct: number;
  /** What the first round's pages hold besides the renderings: "same", or the first difference. */
  checks: { extensionLeavesPageAsIs: string; servedIsPagePlusEnglish: string };
  /** While the reader scrolls the loaded page (a) and the served page (c), medians of SCROLL_ROUNDS. */
  scroll?: { extension: ScrollWork; served: ScrollWork };
}

/** What evaluating a content script costs at the least, measured on the real page. */
export interface EvaluationFloor {
  /** The extension's script as shipped, a script that is webextension-polyfill alone, an empty script. */
  name: string;
  bytes: number;
  /** Median evaluation (compile and run), wall and CPU ms. */
  evaluateMs: number;
  evaluateCpuMs: number;
}

export interface PageCostResult {
  loads: number;
  /** The floor under the content script's evaluation, same run, same page. */
  floor?: EvaluationFloor[];
  contentScriptBytes: number;
  contentScriptGzipBytes: number;
  rows: PageCostRow[];
}

interface CostPage {
  name: string;
  slug: string;
  html: string;
  textChars: number;
}

function costPages(articles: readonly CorpusArticle[]): CostPage[] {
  const article = articles[0]!;
  const sized = ([100_000, 300_000, 1_000_000] as const).map((chars) => {
    const { html, textChars } = annotationPage(articles, chars);
    return { name: chars === 1_000_000 ? '~1 MB' : `~${chars / 1000} KB`, slug: `${chars}`, html, textChars };
  });
  return [
    {
      name: 'real page (VnExpress, one article)',
      slug: 'real',
      html: articlePage(TEMPLATES.vnexpress!, article),
      textChars: article.paragraphs.reduce((n, p) => n + p.vi.length, 0),
    },
    ...sized,
  ];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  work: MainThreadWork;
  loadMs: number;
  firstPaintMs: number;
  domContentLoadedMs: number;
  readyMs: number | null;
  snapshot?: { rest: string; renderings: string[] };
}

/** Where to keep each load's trace (BENCH_TRACE_DIR), to open in DevTools' Performance panel. */
const TRACE_DIR = process.env.BENCH_TRACE_DIR;

async function tracedLoad(
  context: BrowserContext,
  url: string,
  windowMs: number,
  snapshot: boolean,
  name: string,
): Promise<Load> {
  const page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  const client = await context.newCDPSession(page);
  await startTracing(client, MAIN_THREAD_CATEGORIES);
  // Navigation starts before the commit: sleeping the window from the commit covers it.
  await page.goto(url, { waitUntil: 'commit' });
  await sleep(windowMs + 300);
  const events = await stopTracing(client);
  if (TRACE_DIR) {
    mkdirSync(TRACE_DIR, { recursive: true });
    writeFileSync(join(TRACE_DIR, `${name}.json`), JSON.stringify({ traceEvents: events }));
  }
  const work = analyseMainThread(events, url, windowMs);
  if (!work.covered) throw new Error(`the trace of ${url} ended before its ${windowMs} ms window`);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      loadMs: nav.loadEventEnd,
      firstPaintMs: paint ? paint.startTime : null,
      domContentLoadedMs: nav.domContentLoadedEventStart,
      readyMs: (window as { __vrReadyAt?: number }).__vrReadyAt ?? null,
    };
  });
  // Every page here paints its text long before the window ends.
  if (timing.firstPaintMs === null) throw new Error(`${url} had no first contentful paint in its window`);
  const shot = snapshot ? await page.evaluate(pageSnapshot) : undefined;
  await page.close();
  return { work, ...timing, firstPaintMs: timing.firstPaintMs, ...(shot ? { snapshot: shot } : {}) };
}

/** Wheel steps of a scroll, and their spacing: 20,000 px at a brisk reading pace. */
const SCROLL_STEPS = 40;
const SCROLL_STEP_PX = 500;
const SCROLL_STEP_MS = 60;
export const SCROLL_ROUNDS = 3;
export const SCROLL_DESCRIPTION = `${SCROLL_STEPS} wheel steps of ${SCROLL_STEP_PX} px, one every ${SCROLL_STEP_MS} ms and more`;

/**
 * The page's main-thread work while the reader scrolls it, once it has loaded (and, with the
 * extension, is ready): the pointer is moved in first, as a reader's would be, and the work it
 * sets off is let settle before the trace starts.
 */
async function scrolledLoad(context: BrowserContext, url: string, extension: boolean): Promise<ScrollWork> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (extension) await page.waitForSelector('html[data-vr-state="ready"]', { timeout: 120_000 });
  await page.mouse.move(400, 300);
  await sleep(1500);
  const client = await context.newCDPSession(page);
  await startTracing(client, MAIN_THREAD_CATEGORIES);
  for (let i = 0; i < SCROLL_STEPS; i++) {
    await page.mouse.wheel(0, SCROLL_STEP_PX);
    await sleep(SCROLL_STEP_MS);
  }
  await sleep(500);
  const work = analyseScroll(await stopTracing(client));
  await page.close();
  return work;
}

function medianScroll(works: readonly ScrollWork[]): ScrollWork {
  const m = (f: (w: ScrollWork) => number) => median(works.map(f));
  return {
    cpuMs: m((w) => w.cpuMs),
    longestTaskCpuMs: m((w) => w.longestTaskCpuMs),
    tasks: m((w) => w.tasks),
    renderingUpdates: m((w) => w.renderingUpdates),
  };
}

function summarise(loads: readonly Load[]): CaseCost {
  const works = loads.map((l) => l.work);
  const m = (f: (w: MainThreadWork) => number) => median(works.map(f));
  const byPhase = (f: (w: MainThreadWork) => Record<Phase, number>) =>
    Object.fromEntries(PHASES.map((p) => [p, m((w) => f(w)[p])])) as Record<Phase, number>;
  const detail = works[0]!.prePaintDetail;
  return {
    ...(Object.fromEntries(MEDIAN_FIELDS.map((k) => [k, m((w) => w[k])])) as Pick<
      MainThreadWork,
      (typeof MEDIAN_FIELDS)[number]
    >),
    phases: byPhase((w) => w.phases),
    cpuPhases: byPhase((w) => w.cpuPhases),
    prePaintDetail: Object.fromEntries(
      Object.keys(detail).map((k) => [k, m((w) => w.prePaintDetail[k as keyof typeof detail])]),
    ) as MainThreadWork['prePaintDetail'],
    loadMs: median(loads.map((l) => l.loadMs)),
    firstPaintMs: median(loads.map((l) => l.firstPaintMs)),
    domContentLoadedMs: median(loads.map((l) => l.domContentLoadedMs)),
    paintAfterDomContentLoads: loads.filter((l) => l.firstPaintMs > l.domContentLoadedMs).length,
    loads: works,
  };
}

async function measurePage(
  server: NewsServer,
  ext: BrowserContext,
  plain: BrowserContext,
  floor: BrowserContext,
  page: CostPage,
  rounds: number,
): Promise<PageCostRow> {
  const host = TEMPLATES.vnexpress!.host;
  const url = server.setPage(host, `/bench/cost-${page.slug}.html`, page.html);

  // Calibration, with the extension: the window's length, and the page as the extension leaves it.
  const calibration = await ext.newPage();
  await calibration.addInitScript(READY_PROBE);
  // tsx keeps function names by wrapping them in a `__name` helper the page lacks.
  await calibration.addInitScript('globalThis.__name = (f) => f;');
  await calibration.goto(url, { waitUntil: 'load' });
  await calibration.waitForFunction(() => (window as { __vrReadyAt?: number }).__vrReadyAt !== undefined, null, {
    timeout: 120_000,
  });
  // The extension hides renderings of hidden blocks a frame after inserting them.
  await calibration.waitForTimeout(1000);
  const settled = await calibration.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return Math.max(nav.loadEventEnd, (window as { __vrReadyAt?: number }).__vrReadyAt ?? 0);
  });
  const windowMs = Math.ceil((2 * settled + 2000) / 100) * 100;
  const served = servedWithEnglish(page.html, await calibration.evaluate(renderingsToServe));
  const servedUrl = server.setPage(host, `/bench/cost-${page.slug}-served.html`, served);
  await calibration.close();

  const a: Load[] = [];
  const b: Load[] = [];
  const c: Load[] = [];
  const f: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    console.error(`  ${page.name}: round ${i + 1} of ${rounds} (window ${windowMs} ms)`);
    a.push(await tracedLoad(ext, url, windowMs, i === 0, `${page.slug}-a-extension-${i + 1}`));
    b.push(await tracedLoad(plain, url, windowMs, i === 0, `${page.slug}-b-alone-${i + 1}`));
    c.push(await tracedLoad(plain, servedUrl, windowMs, i === 0, `${page.slug}-c-served-${i + 1}`));
    f.push(await tracedLoad(floor, url, windowMs, i === 0, `${page.slug}-f-read-and-send-${i + 1}`));
  }
  if (f[0]!.snapshot!.renderings.length > 0 || difference(f[0]!.snapshot!.rest, b[0]!.snapshot!.rest) !== 'same') {
    throw new Error(`${page.name}: the read-and-send stand-in changed the page`);
  }
  const [sa, sb, sc] = [a[0]!.snapshot!, b[0]!.snapshot!, c[0]!.snapshot!];
  if (sb.renderings.length > 0) throw new Error(`${page.name}: the page alone has renderings`);
  const renderings = difference(sa.renderings.join('\n'), sc.renderings.join('\n'));
  if (sa.renderings.length === 0 || renderings !== 'same') {
    throw new Error(
      `${page.name}: the served page does not render what the extension does (${sa.renderings.length} / ${sc.renderings.length} renderings; ${renderings})`,
    );
  }
  const scrollA: ScrollWork[] = [];
  const scrollC: ScrollWork[] = [];
  for (let i = 0; i < SCROLL_ROUNDS; i++) {
    console.error(`  ${page.name}: scroll ${i + 1} of ${SCROLL_ROUNDS}`);
    scrollA.push(await scrolledLoad(ext, url, true));
    scrollC.push(await scrolledLoad(plain, servedUrl, false));
  }
  const readies = a.map((l) => l.readyMs ?? Infinity);
  const late = readies.filter((r) => r > windowMs).length;
  if (late > 0) console.error(`  ${page.name}: ${late} load(s) with the extension not ready within the window`);
  const extension = summarise(a);
  const servedCost = summarise(c);
  return {
    page: page.name,
    textChars: page.textChars,
    renderings: sa.renderings.length,
    windowMs,
    extension: {
      ...extension,
      evaluateMs: median(a.map((l) => l.work.extensionEvaluateMs)),
      compileMs: median(a.map((l) => l.work.extensionCompileMs)),
      evaluateCpuMs: median(a.map((l) => l.work.extensionEvaluateCpuMs)),
      compileCpuMs: median(a.map((l) => l.work.extensionCompileCpuMs)),
      readyMs: median(readies),
      latestReadyMs: Math.max(...readies),
      lateLoads: late,
      unrunLoads: a.filter((l) => !l.work.extensionRan).length,
    },
    plain: summarise(b),
    served: servedCost,
    readAndSend: summarise(f),
    overheadMs: extension.busyMs - servedCost.busyMs,
    overheadPct: (100 * (extension.busyMs - servedCost.busyMs)) / servedCost.busyMs,
    cpuOverheadMs: extension.cpuMs - servedCost.cpuMs,
    cpuOverheadPct: (100 * (extension.cpuMs - servedCost.cpuMs)) / servedCost.cpuMs,
    checks: {
      extensionLeavesPageAsIs: difference(sa.rest, sb.rest),
      servedIsPagePlusEnglish: difference(sc.rest, sb.rest),
    },
    scroll: { extension: medianScroll(scrollA), served: medianScroll(scrollC) },
  };
}

/**
 * The floor under evaluation: the same page loaded with stand-in extensions whose content script is
 * webextension-polyfill alone (what the fixed stack costs every page before any of our code) and
 * an empty script (what Chromium costs for injecting one at all), next to the shipped script.
 */
async function evaluationFloor(server: NewsServer, url: string, rounds: number): Promise<EvaluationFloor[]> {
  const polyfill = readFileSync(
    join(import.meta.dirname, '../../node_modules/webextension-polyfill/dist/browser-polyfill.min.js'),
    'utf8',
  );
  const shipped = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
  const variants: [string, string | null][] = [
    ['shipped content script', null],
    ['webextension-polyfill alone', polyfill],
    ['an empty content script', ''],
  ];
  const out: EvaluationFloor[] = [];
  for (const [name, script] of variants) {
    const dir = script === null ? null : mkdtempSync(join(tmpdir(), 'vr-floor-'));
    if (dir) {
      writeFileSync(join(dir, 'content.js'), script!);
      writeFileSync(join(dir, 'background.js'), '');
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'floor',
          version: '1.0',
          background: { service_worker: 'background.js' },
          content_scripts: [{ matches: NEWS_SITE_MATCHES, js: ['content.js'], run_at: 'document_idle' }],
        }),
      );
    }
    const browser = await launchWithExtension({
      port: server.port,
      guard: 'resolver',
      ...(dir ? { extensionDir: dir } : {}),
    });
    try {
      const loads: Load[] = [];
      for (let i = 0; i < rounds; i++)
        loads.push(await tracedLoad(browser.context, url, 3000, false, `floor-${out.length}-${i + 1}`));
      out.push({
        name,
        bytes: Buffer.byteLength(script ?? shipped),
        evaluateMs: median(loads.map((l) => l.work.extensionEvaluateMs)),
        evaluateCpuMs: median(loads.map((l) => l.work.extensionEvaluateCpuMs)),
      });
    } finally {
      await browser.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** The whole main-thread cost of the extension on four pages, medians of `BENCH_LOADS` (default 5) loads per case. */
export async function benchPageCost(server: NewsServer, articles: readonly CorpusArticle[]): Promise<PageCostResult> {
  const rounds = Number(process.env.BENCH_LOADS ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_LOADS must be a positive integer`);
  const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
  const rows: PageCostRow[] = [];
  const floorDir = readAndSendExtension();
  // Launched in turn inside the try, so that a launch that fails closes those already open.
  const open: { close(): Promise<void> }[] = [];
  const launched = <T extends { close(): Promise<void> }>(browser: T): T => (open.push(browser), browser);
  try {
    const ext = launched(await launchWithExtension({ port: server.port, guard: 'resolver' }));
    const plain = launched(await launchWithoutExtension({ port: server.port, guard: 'resolver' }));
    const standIn = launched(
      await launchWithExtension({ port: server.port, guard: 'resolver', extensionDir: floorDir }),
    );
    // Warm both browsers, and the background's corpus and glossary (loaded once per service-worker lifetime).
    const warmUrl = server.setPage('vnexpress.net', '/bench/cost-warm.html', annotationPage(articles, 20_000).html);
    for (const context of [ext.context, plain.context, standIn.context]) {
      const warm = await context.newPage();
      await warm.goto(warmUrl, { waitUntil: 'load' });
      if (context === ext.context) await warm.waitForSelector('html[data-vr-state="ready"]', { timeout: 120_000 });
      // The stand-in says nothing when done: give its background the time to load and answer.
      if (context === standIn.context) await warm.waitForTimeout(3000);
      await warm.close();
    }
    const chosen = process.env.BENCH_COST_PAGES?.split(',');
    const pages = costPages(articles).filter((p) => !chosen || chosen.includes(p.slug));
    for (const page of pages)
      rows.push(await measurePage(server, ext.context, plain.context, standIn.context, page, rounds));
  } finally {
    for (const browser of open) await browser.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const real = costPages(articles).find((p) => p.slug === 'real')!;
  const floor = await evaluationFloor(
    server,
    server.setPage(TEMPLATES.vnexpress!.host, '/bench/cost-floor.html', real.html),
    rounds,
  );
  return {
    loads: rounds,
    floor,
    contentScriptBytes: content.length,
    contentScriptGzipBytes: gzipSync(content, { level: 9 }).length,
    rows,
  };
}
