/**
 * The whole main-thread cost of one page load, read from a Chrome trace: every top-level task on
 * the renderer main thread that loaded the page (script, style, layout, pre-paint, paint, whatever
 * runs), in a fixed window from the page's navigation start, split into phases by the trace events
 * nested in each task.
 *
 * This needs no CPU profiler: the trace events themselves say what ran. The phase of a moment is
 * that of the innermost classified event running then (a layout forced by a script counts as
 * layout), except that script called from a microtask checkpoint stays a microtask.
 */

import { mainThread, type TraceEvent } from './trace';

/** Trace categories for {@link analyseMainThread}: tasks, the DevTools timeline, the lifecycle phases. */
export const MAIN_THREAD_CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'benchmark',
  'renderer',
  '__metadata',
] as const;

export const PHASES = [
  'parse',
  'evaluate',
  'microtasks',
  'callbacks',
  'style',
  'layout',
  'prePaint',
  'paint',
  'gc',
  'other',
] as const;

export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  parse: 'HTML loading and parsing',
  evaluate: 'script evaluation (incl. compile)',
  microtasks: 'microtasks (promise continuations, observers)',
  callbacks: 'script callbacks (timers, events, messages)',
  style: 'style',
  layout: 'layout',
  prePaint: 'pre-paint and compositing',
  paint: 'paint',
  gc: 'garbage collection',
  other: 'other',
};

const PHASE_OF: Record<string, Phase> = {
  ParseHTML: 'parse',
  'DocumentLoader::CommitNavigation': 'parse',
  'DocumentLoader::BodyLoadingFinished': 'parse',
  'ScriptInjection::InjectJs': 'evaluate',
  EvaluateScript: 'evaluate',
  'v8.compile': 'evaluate',
  'v8.compileModule': 'evaluate',
  'v8.evaluateModule': 'evaluate',
  'v8.produceCache': 'evaluate',
  'v8.produceModuleCache': 'evaluate',
  BlinkScheduler_PerformMicrotaskCheckpoint: 'microtasks',
  RunMicrotasks: 'microtasks',
  FunctionCall: 'callbacks',
  'v8.callFunction': 'callbacks',
  TimerFire: 'callbacks',
  EventDispatch: 'callbacks',
  FireAnimationFrame: 'callbacks',
  FireIdleCallback: 'callbacks',
  XHRReadyStateChange: 'callbacks',
  XHRLoad: 'callbacks',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'prePaint',
  Layerize: 'prePaint',
  Commit: 'prePaint',
  UpdateLayer: 'prePaint',
  UpdateLayerTree: 'prePaint',
  'ProxyMain::BeginMainFrame::commit': 'prePaint',
  Paint: 'paint',
  PaintImage: 'paint',
  'Decode Image': 'paint',
  'Decode LazyPixelRef': 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

function phaseOf(name: string): Phase | undefined {
  return PHASE_OF[name] ?? (/^(V8\.GC|BlinkGC\.)/.test(name) ? 'gc' : undefined);
}

export interface MainThreadWork {
  /** Sum of the top-level tasks that started in the window, in ms (wall clock). */
  busyMs: number;
  /**
   * The thread's CPU time in those tasks (trace `tdur`), in ms: less disturbed than the wall clock
   * when other processes compete for the cores, as they do on a shared machine.
   */
  cpuMs: number;
  tasks: number;
  longestTaskMs: number;
  /** The most CPU time one task took. */
  longestTaskCpuMs: number;
  /**
   * The longest task that starts after the main frame's DOMContentLoaded, wall and CPU: the same
   * span in every case, and the whole of the extension's (its content script runs at
   * `document_idle`, after DOMContentLoaded), without the page's first layout of its whole text
   * (while parsing, or forced at DOMContentLoaded), whose length varies between loads of the same
   * page by more than the targets' slack.
   * NaN when the trace has no DOMContentLoaded of the main frame.
   */
  longestAfterDomContentMs: number;
  longestAfterDomContentCpuMs: number;
  /** Whether the content script was evaluated on this thread (in the window). */
  extensionRan: boolean;
  /** The busy time by phase; the phases add up to `busyMs`. */
  phases: Record<Phase, number>;
  /** The CPU time by phase; these add up to `cpuMs`. */
  cpuPhases: Record<Phase, number>;
  /** Inside pre-paint and compositing, in CPU ms: the compositing-inputs walk, the pre-paint tree walk, layerize and commit. */
  prePaintDetail: { compositingInputsMs: number; prePaintWalkMs: number; layerizeCommitMs: number };
  /** Full rendering updates of the page's main frame: lifecycle updates that ran its PrePaint. */
  renderingUpdates: number;
  /** Main-frame updates the compositor asked for (ProxyMain::BeginMainFrame), whatever they ran. */
  beginMainFrames: number;
  /** Layouts a script forced (outside a main-frame update). */
  forcedLayouts: number;
  /** Evaluating chrome-extension:// scripts (the content script): compile and run, and compile alone. */
  extensionEvaluateMs: number;
  extensionCompileMs: number;
  /** The same in CPU time. */
  extensionEvaluateCpuMs: number;
  extensionCompileCpuMs: number;
  /** False when the trace ended before the window did. */
  covered: boolean;
}

interface Node {
  event: TraceEvent;
  end: number;
  /** Thread (CPU) time in microseconds. */
  cpu: number;
  children: Node[];
}

/** Complete events of one thread as a forest, each event under the innermost one enclosing it. */
function forest(events: readonly TraceEvent[]): Node[] {
  const sorted = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const event of sorted) {
    const node: Node = { event, end: event.ts + event.dur!, cpu: event.tdur ?? event.dur!, children: [] };
    // Timestamps are whole microseconds: a child may end a microsecond after its parent.
    while (stack.length > 0 && node.end > stack[stack.length - 1]!.end + 1) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * Main-thread work of the page loaded from `url` in a window of `windowMs` from its navigation
 * start. A task counts when it starts in the window, and counts in full.
 */
export function analyseMainThread(events: readonly TraceEvent[], url: string, windowMs: number): MainThreadWork {
  const thread = mainThread(events, url);
  if (!thread) throw new Error(`no main thread parsed ${url} in the trace`);
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  const page = url.split('#')[0];
  const nav = onThread.find(
    (e) =>
      e.name === 'navigationStart' &&
      (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL?.split('#')[0] === page,
  );
  if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
  const frame = nav.args?.frame as string | undefined;
  const from = nav.ts;
  const to = from + windowMs * 1000;
  const tasks = forest(onThread).filter((n) => n.event.ts >= from && n.event.ts < to);

  const zero = () => Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const phases = zero();
  const cpuPhases = zero();
  const detail = { compositingInputsMs: 0, prePaintWalkMs: 0, layerizeCommitMs: 0 };
  let renderingUpdates = 0;
  let beginMainFrames = 0;
  let forcedLayouts = 0;
  let extensionEvaluateUs = 0;
  let extensionRan = false;
  let extensionCompileUs = 0;
  let extensionEvaluateCpuUs = 0;
  let extensionCompileCpuUs = 0;

  const walk = (node: Node, inherited: Phase, inFrameUpdate: boolean): void => {
    const e = node.event;
    const own = phaseOf(e.name);
    const phase = own && !(inherited === 'microtasks' && own === 'callbacks') ? own : inherited;
    const childUs = node.children.reduce((sum, c) => sum + Math.min(c.end, node.end) - c.event.ts, 0);
    phases[phase] += Math.max(0, e.dur! - childUs);
    cpuPhases[phase] += Math.max(0, node.cpu - node.children.reduce((sum, c) => sum + c.cpu, 0));
    const data = e.args?.data as { frame?: string; url?: string } | undefined;
    const ours = (data?.url ?? '').startsWith('chrome-extension://');
    if (e.name === 'ProxyMain::BeginMainFrame') beginMainFrames++;
    if (e.name === 'PrePaint' && data?.frame === frame) renderingUpdates++;
    if (e.name === 'Layout' && !inFrameUpdate) forcedLayouts++;
    if (e.name === 'EvaluateScript' && ours) {
      extensionRan = true;
      extensionEvaluateUs += e.dur!;
      extensionEvaluateCpuUs += node.cpu;
    }
    if (e.name === 'v8.compile' && ours) {
      extensionCompileUs += e.dur!;
      extensionCompileCpuUs += node.cpu;
    }
    if (e.name === 'LocalFrameView::RunCompositingInputsLifecyclePhase') detail.compositingInputsMs += node.cpu / 1000;
    if (e.name === 'LocalFrameView::RunPrePaintLifecyclePhase') detail.prePaintWalkMs += node.cpu / 1000;
    if (e.name === 'Layerize' || e.name === 'Commit') detail.layerizeCommitMs += node.cpu / 1000;
    for (const child of node.children) walk(child, phase, inFrameUpdate || e.name === 'ProxyMain::BeginMainFrame');
  };
  // The main frame's DOMContentLoaded (DevTools' mark of it): tasks that start after it.
  const domContent = onThread.find(
    (e) => e.name === 'MarkDOMContent' && (e.args?.data as { frame?: string } | undefined)?.frame === frame,
  );
  let busyUs = 0;
  let cpuUs = 0;
  let longestUs = 0;
  let longestCpuUs = 0;
  let longestAfterUs = 0;
  let longestAfterCpuUs = 0;
  for (const task of tasks) {
    busyUs += task.event.dur!;
    cpuUs += task.cpu;
    longestUs = Math.max(longestUs, task.event.dur!);
    longestCpuUs = Math.max(longestCpuUs, task.cpu);
    if (domContent && task.event.ts > domContent.ts) {
      longestAfterUs = Math.max(longestAfterUs, task.event.dur!);
      longestAfterCpuUs = Math.max(longestAfterCpuUs, task.cpu);
    }
    walk(task, 'other', false);
  }
  for (const p of PHASES) {
    phases[p] /= 1000;
    cpuPhases[p] /= 1000;
  }
  let lastTs = -Infinity;
  for (const e of events) lastTs = Math.max(lastTs, e.ts + (e.dur ?? 0));
  return {
    busyMs: busyUs / 1000,
    cpuMs: cpuUs / 1000,
    tasks: tasks.length,
    longestTaskMs: longestUs / 1000,
    longestTaskCpuMs: longestCpuUs / 1000,
    longestAfterDomContentMs: domContent ? longestAfterUs / 1000 : NaN,
    longestAfterDomContentCpuMs: domContent ? longestAfterCpuUs / 1000 : NaN,
    extensionRan,
    phases,
    cpuPhases,
    prePaintDetail: detail,
    renderingUpdates,
    beginMainFrames,
    forcedLayouts,
    extensionEvaluateMs: extensionEvaluateUs / 1000,
    extensionCompileMs: extensionCompileUs / 1000,
    extensionEvaluateCpuMs: extensionEvaluateCpuUs / 1000,
    extensionCompileCpuMs: extensionCompileCpuUs / 1000,
    covered: lastTs >= to,
  };
}

/** Main-thread work while the reader scrolls a page already loaded. */
export interface ScrollWork {
  cpuMs: number;
  longestTaskCpuMs: number;
  tasks: number;
  renderingUpdates: number;
}

/**
 * Every top-level task of the page's renderer main thread in a trace taken while scrolling (the
 * page is loaded before the trace starts, so there is no navigation to find it by): the thread
 * that ran the most rendering updates.
 */
export function analyseScroll(events: readonly TraceEvent[]): ScrollWork {
  const updates = new Map<string, number>();
  for (const e of events)
    if (e.name === 'PrePaint') updates.set(`${e.pid}:${e.tid}`, (updates.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const busiest = [...updates].sort((a, b) => b[1] - a[1])[0];
  if (!busiest) throw new Error('no rendering update in the scroll trace');
  const tasks = forest(events.filter((e) => `${e.pid}:${e.tid}` === busiest[0]));
  return {
    cpuMs: tasks.reduce((sum, t) => sum + t.cpu, 0) / 1000,
    longestTaskCpuMs: Math.max(0, ...tasks.map((t) => t.cpu)) / 1000,
    tasks: tasks.length,
    renderingUpdates: busiest[1],
  };
}
