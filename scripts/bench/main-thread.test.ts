import { describe, expect, it } from 'vitest';
import { analyseMainThread } from './main-thread';
import type { TraceEvent } from './trace';

const URL = 'https://vnexpress.net/bench/page.html';
const FRAME = 'MAIN';
const NAV = 1_000_000;

/** A complete event on the page's main thread, times in ms from navigation start. */
function task(name: string, start: number, ms: number, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { name, cat: 'test', ph: 'X', ts: NAV + start * 1000, dur: ms * 1000, pid: 1, tid: 1, ...extra };
}

const base: TraceEvent[] = [
  {
    name: 'navigationStart',
    cat: 'blink.user_timing',
    ph: 'R',
    ts: NAV,
    pid: 1,
    tid: 1,
    args: { frame: FRAME, data: { documentLoaderURL: URL } },
  },
  task('ParseHTML', 1, 1, { args: { beginData: { url: URL } } }),
  // Another renderer thread, never counted.
  task('RunTask', 5, 500, { tid: 2 }),
];

const prePaint = (start: number, ms: number, frame = FRAME) =>
  task('PrePaint', start, ms, { args: { data: { frame } } });

describe('analyseMainThread', () => {
  it('gives each moment to the innermost classified event, and the phases add up to the busy time', () => {
    const events = [
      ...base,
      task('RunTask', 10, 100, { tdur: 80_000 }),
      task('EvaluateScript', 20, 30, {
        tdur: 30_000,
        args: { data: { url: 'chrome-extension://abc/content-scripts/content.js' } },
      }),
      task('v8.compile', 20, 10, { tdur: 10_000, args: { data: { url: 'chrome-extension://abc/content.js' } } }),
      task('RunMicrotasks', 45, 5, { tdur: 5_000 }),
      task('ProxyMain::BeginMainFrame', 60, 40, { tdur: 30_000 }),
      task('UpdateLayoutTree', 60, 5, { tdur: 5_000 }),
      task('Layout', 65, 15, { tdur: 10_000 }),
      prePaint(80, 10),
      task('Paint', 90, 5),
    ];
    const work = analyseMainThread(events, URL, 1000);
    expect(work.busyMs).toBe(101); // with the parser's 1 ms task
    expect(work.cpuMs).toBe(81);
    expect(work.phases).toEqual({
      parse: 1,
      evaluate: 25,
      microtasks: 5,
      callbacks: 0,
      style: 5,
      layout: 15,
      prePaint: 10,
      paint: 5,
      gc: 0,
      // The task's own 30 ms and the frame's 5 ms outside its phases.
      other: 35,
    });
    expect(Object.values(work.phases).reduce((a, b) => a + b, 0)).toBe(work.busyMs);
    expect(Object.values(work.cpuPhases).reduce((a, b) => a + b, 0)).toBe(work.cpuMs);
    expect(work.cpuPhases.evaluate).toBe(25);
    expect(work.cpuPhases.layout).toBe(10);
    expect(work.extensionEvaluateMs).toBe(30);
    expect(work.extensionCompileMs).toBe(10);
    expect(work.renderingUpdates).toBe(1);
    expect(work.beginMainFrames).toBe(1);
    expect(work.forcedLayouts).toBe(0);
  });

  it('keeps script run from a microtask checkpoint as microtasks, and a layout it forces as layout', () => {
    const events = [
      ...base,
      task('BlinkScheduler_PerformMicrotaskCheckpoint', 10, 20),
      task('RunMicrotasks', 10, 20),
      task('v8.callFunction', 12, 10),
      task('Layout', 14, 4),
      task('RunTask', 40, 10),
      task('TimerFire', 40, 10),
    ];
    const work = analyseMainThread(events, URL, 1000);
    expect(work.phases.microtasks).toBe(16);
    expect(work.phases.layout).toBe(4);
    expect(work.phases.callbacks).toBe(10);
    expect(work.forcedLayouts).toBe(1);
    expect(work.tasks).toBe(3); // ParseHTML stands alone here
  });

  it('counts tasks that start in the window, in full, and only main-frame pre-paints as rendering updates', () => {
    const events = [
      ...base,
      task('RunTask', -50, 40), // started before navigation
      task('RunTask', 900, 300), // starts in the window, ends after it
      task('ProxyMain::BeginMainFrame', 900, 300),
      prePaint(900, 100),
      prePaint(1000, 10, 'SVG-IMAGE'), // an SVG image's own document
      task('RunTask', 1300, 5), // after the window
      task('RunTask', 2000, 1),
    ];
    const work = analyseMainThread(events, URL, 1000);
    expect(work.busyMs).toBe(301);
    expect(work.longestTaskMs).toBe(300);
    expect(work.renderingUpdates).toBe(1);
    expect(work.covered).toBe(true);
    expect(analyseMainThread(events, URL, 5000).covered).toBe(false);
  });

  it('gives the longest task after the main frame’s DOMContentLoaded, and whether the content script ran', () => {
    const ours = { args: { data: { url: 'chrome-extension://abc/content-scripts/content.js' } } };
    const mark = (start: number, frame: string) =>
      task('MarkDOMContent', start, 0, { ph: 'I', dur: undefined, args: { data: { frame } } });
    const page = [
      ...base,
      // The page's layout at DOMContentLoaded, in the task that fires it: not counted.
      task('RunTask', 10, 400, { tdur: 350_000 }),
      mark(300, FRAME),
      // An iframe's DOMContentLoaded, earlier, is not the page's.
      mark(5, 'IFRAME'),
      task('RunTask', 500, 30, { tdur: 20_000 }),
    ];
    const events = [
      ...page,
      task('RunTask', 600, 60, { tdur: 55_000 }),
      task('EvaluateScript', 600, 60, { tdur: 55_000, ...ours }),
      task('RunTask', 700, 45, { tdur: 25_000 }),
    ];
    const work = analyseMainThread(events, URL, 1000);
    expect(work.longestTaskMs).toBe(400);
    expect(work.longestAfterDomContentMs).toBe(60);
    expect(work.longestAfterDomContentCpuMs).toBe(55);
    expect(work.extensionRan).toBe(true);
    const alone = analyseMainThread(page, URL, 1000);
    expect(alone.longestAfterDomContentMs).toBe(30);
    expect(alone.longestAfterDomContentCpuMs).toBe(20);
    expect(alone.extensionRan).toBe(false);
    // Without the main frame's mark there is no such figure.
    expect(
      analyseMainThread(
        events.filter((e) => e.name !== 'MarkDOMContent' || e.ts !== NAV + 300_000),
        URL,
        1000,
      ).longestAfterDomContentMs,
    ).toBeNaN();
  });

  it('refuses a trace without the page', () => {
    expect(() => analyseMainThread(base, 'https://vnexpress.net/other.html', 1000)).toThrow(/no main thread/);
  });
});
