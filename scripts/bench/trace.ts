/**
 * Reading a Chrome trace of one page load: which main-thread time went to the extension's
 * content script and which to the page itself, and the longest task the extension took part in.
 *
 * Attribution uses the V8 CPU profiler samples recorded in the trace: a sample whose stack holds
 * a frame from a chrome-extension:// script counts for the extension (including DOM work it
 * forced synchronously, which runs under its frames). Everything else in the main thread's
 * top-level tasks is the page's own work: parsing, style, layout, paint, its scripts.
 */

import type { CDPSession } from '@playwright/test';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in microseconds. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
  '__metadata',
].join(',');

/** Starts a trace with the CPU profiler's samples (the default), or of the given categories only. */
export async function startTracing(client: CDPSession, categories?: readonly string[]): Promise<void> {
  await client.send('Tracing.start', {
    categories: categories ? categories.join(',') : CATEGORIES,
    transferMode: 'ReturnAsStream',
    ...(categories ? {} : { options: 'sampling-frequency=10000' }),
  });
}

export async function stopTracing(client: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => {
    client.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? ''));
  });
  await client.send('Tracing.end');
  const stream = await done;
  let data = '';
  for (;;) {
    const chunk = await client.send('IO.read', { handle: stream, size: 1 << 20 });
    data += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await client.send('IO.close', { handle: stream });
  const parsed = JSON.parse(data) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface PageWork {
  /** Main-thread milliseconds in the extension's scripts. */
  extensionMs: number;
  /** The most extension time within one top-level task, in milliseconds. */
  longestExtensionSliceMs: number;
  /** The longest task the extension caused: how much of it ran extension code, its trace events, its hottest functions. */
  longestTaskDetail: { durationMs: number; extensionMs: number; children: string[]; hot: string[] };
  /** Main-thread milliseconds of the page's own work (all top-level tasks minus the extension's share). */
  pageMs: number;
  /** The longest top-level task that ran extension code, in milliseconds. */
  longestExtensionTaskMs: number;
  /** How many top-level tasks ran extension code. */
  extensionTasks: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url: string; functionName: string };
}

/** The renderer main thread that loaded `url`. */
export function mainThread(events: readonly TraceEvent[], url: string): { pid: number; tid: number } | null {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ParseHTML') continue;
    const begin = (e.args?.beginData as { url?: string } | undefined)?.url;
    if (begin && begin.split('#')[0] === url.split('#')[0])
      counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [pid, tid] = best[0].split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** Extension and page main-thread time between `from` and `to` (trace microseconds). */
export function analyseTrace(events: readonly TraceEvent[], url: string, from: number, to: number): PageWork {
  const thread = mainThread(events, url);
  if (!thread) throw new Error(`no main thread parsed ${url} in the trace`);
  const onThread = (e: TraceEvent) => e.pid === thread.pid && e.tid === thread.tid;

  // CPU profile: nodes and samples, accumulated over ProfileChunk events of this thread.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profileIds = new Set(events.filter((e) => e.name === 'Profile' && onThread(e)).map((e) => e.id));
  let clock = 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== thread.pid || !profileIds.has(e.id)) continue;
    const data = (e.args?.data ?? {}) as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      clock += deltas[i] ?? 0;
      samples.push({ ts: clock, node });
    });
  }
  const startEvent = events.find((e) => e.name === 'Profile' && onThread(e));
  const base = (startEvent?.args?.data as { startTime?: number } | undefined)?.startTime ?? startEvent?.ts ?? 0;
  const isExtension = new Map<number, boolean>();
  const fromExtension = (id: number): boolean => {
    const known = isExtension.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const result =
      !!n &&
      ((n.callFrame.url ?? '').startsWith('chrome-extension://') ||
        (n.parent !== undefined && fromExtension(n.parent)));
    isExtension.set(id, result);
    return result;
  };

  const tasks = events
    .filter(
      (e) =>
        onThread(e) &&
        e.ph === 'X' &&
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
        e.dur !== undefined,
    )
    .filter((e) => e.ts + e.dur! >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts);
  // Outermost tasks only (tasks can nest).
  const top: TraceEvent[] = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (!last || t.ts >= last.ts + last.dur!) top.push(t);
  }
  let total = 0;
  for (const t of top) total += t.dur!;

  let extensionUs = 0;
  const extensionTasks = new Set<TraceEvent>();
  const perTask = new Map<TraceEvent, number>();
  let k = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const ts = base + s.ts;
    if (ts < from || ts > to || !fromExtension(s.node)) continue;
    const next = samples[i + 1];
    const dt = next ? Math.min(next.ts - s.ts, 2000) : 100;
    extensionUs += dt;
    while (k < top.length && top[k]!.ts + top[k]!.dur! < ts) k++;
    const task = top[k];
    if (task && task.ts <= ts) {
      extensionTasks.add(task);
      perTask.set(task, (perTask.get(task) ?? 0) + dt);
    }
  }
  // A task "caused by" the extension is one where the extension's code did most of the work, or
  // one that evaluates the content script (compiling it shows in no JavaScript frame, but it is
  // ours); a page task in which an extension callback also ran briefly (a mutation observer) is
  // the page's.
  const evaluatesOurs = (t: TraceEvent) =>
    events.some(
      (e) =>
        e.name === 'EvaluateScript' &&
        onThread(e) &&
        e.ts >= t.ts &&
        e.ts <= t.ts + t.dur! &&
        ((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith('chrome-extension://'),
    );
  const caused = top.filter((t) => (extensionTasks.has(t) && (perTask.get(t) ?? 0) * 2 >= t.dur!) || evaluatesOurs(t));
  const longest = Math.max(0, ...caused.map((t) => t.dur!));
  const longestAny = [...caused].sort((a, b) => b.dur! - a.dur!)[0];
  const hot = new Map<string, number>();
  if (longestAny) {
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      const ts = base + s.ts;
      if (ts < longestAny.ts || ts > longestAny.ts + longestAny.dur! || !fromExtension(s.node)) continue;
      const n = nodes.get(s.node)!;
      const key = `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}`;
      const next = samples[i + 1];
      hot.set(key, (hot.get(key) ?? 0) + (next ? Math.min(next.ts - s.ts, 2000) : 100));
    }
  }
  const children = longestAny
    ? events
        .filter(
          (e) =>
            onThread(e) &&
            e.ph === 'X' &&
            e.dur &&
            e.ts >= longestAny.ts &&
            e.ts + e.dur <= longestAny.ts + longestAny.dur! &&
            e !== longestAny &&
            e.dur > 2000,
        )
        .map(
          (e) =>
            `${e.name} ${(e.dur! / 1000).toFixed(1)}ms ${JSON.stringify((e.args?.data as { url?: string } | undefined)?.url ?? '').slice(0, 80)}`,
        )
        .slice(0, 12)
    : [];
  return {
    longestExtensionSliceMs: Math.max(0, ...[...perTask.values()]) / 1000,
    longestTaskDetail: {
      durationMs: (longestAny?.dur ?? 0) / 1000,
      extensionMs: (longestAny ? (perTask.get(longestAny) ?? 0) : 0) / 1000,
      children,
      hot: [...hot]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}ms`),
    },
    extensionMs: extensionUs / 1000,
    pageMs: Math.max(0, total - extensionUs) / 1000,
    longestExtensionTaskMs: longest / 1000,
    extensionTasks: extensionTasks.size,
  };
}
