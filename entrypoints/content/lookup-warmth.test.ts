import { describe, expect, test } from 'vitest';
import { STILL_POINTING, STILL_POINTING_EVERY_MS } from '@/lib/warmth-port';
import { LookupWarmth, type WarmthPort } from './lookup-warmth';

/** A port that records what is said on it, and can be disconnected by the "background". */
function fakePort() {
  const said: unknown[] = [];
  const onDisconnect = new Set<() => void>();
  let closed = false;
  const port = {
    said,
    get closed() {
      return closed;
    },
    postMessage(m: unknown) {
      if (closed) throw new Error('Attempting to use a disconnected port object');
      said.push(m);
    },
    disconnect() {
      closed = true;
    },
    onDisconnect: { addListener: (l: () => void) => onDisconnect.add(l) },
    /** The background stopped: the port closes and says so. */
    drop(tell = true) {
      closed = true;
      if (tell) for (const l of onDisconnect) l();
    },
  };
  return port;
}

function setup() {
  const ports: ReturnType<typeof fakePort>[] = [];
  const invalidated: (() => void)[] = [];
  const ctx = {
    isInvalid: false,
    onInvalidated: (cb: () => void) => {
      invalidated.push(cb);
      return () => undefined;
    },
  };
  const warmth = new LookupWarmth(ctx, () => {
    const p = fakePort();
    ports.push(p);
    return p as unknown as WarmthPort;
  });
  return { ports, ctx, warmth, invalidate: () => ((ctx.isInvalid = true), invalidated.forEach((cb) => cb())) };
}

const EVERY = STILL_POINTING_EVERY_MS;

describe('the warmth port of a page', () => {
  test.each([
    // [moves (ms), ports opened, messages said on the first]
    ['the first move opens it; the moves after it say nothing', [0, 10, EVERY - 1], 1, 0],
    ['a pointer still moving says so once per interval', [0, EVERY, EVERY + 10, 2 * EVERY, 3 * EVERY - 1], 1, 2],
  ] as const)('%s', (_name, moves, opened, said) => {
    const { ports, warmth } = setup();
    for (const t of moves) warmth.moved(t);
    expect(ports).toHaveLength(opened);
    expect(ports[0]!.said).toEqual(Array.from({ length: said }, () => STILL_POINTING));
  });

  test('the first move after the background stopped opens it again, at once', () => {
    const { ports, warmth } = setup();
    warmth.moved(0);
    ports[0]!.drop();
    warmth.moved(5);
    expect(ports).toHaveLength(2);
    warmth.moved(10);
    expect(ports).toHaveLength(2);
  });

  test('a port that closed before saying so is opened again when it is next used', () => {
    const { ports, warmth } = setup();
    warmth.moved(0);
    ports[0]!.drop(false);
    warmth.moved(EVERY);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.said).toEqual([]);
  });

  test('an invalidated content script closes its port and opens no other', () => {
    const { ports, warmth, invalidate } = setup();
    warmth.moved(0);
    invalidate();
    expect(ports[0]!.closed).toBe(true);
    warmth.moved(2 * EVERY);
    expect(ports).toHaveLength(1);
  });

  test('an orphaned content script (the extension reloaded under it) does not throw', () => {
    const warmth = new LookupWarmth({ isInvalid: false, onInvalidated: () => () => undefined }, () => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => warmth.moved(0)).not.toThrow();
  });
});

describe('who hears of the reader’s moves', () => {
  test('every move, not only those that open or ping the port; none once the context is gone', () => {
    const { warmth, invalidate } = setup();
    let heard = 0;
    warmth.onActive(() => heard++);
    for (const t of [0, 10, 20, EVERY + 30]) warmth.moved(t);
    expect(heard).toBe(4);
    invalidate();
    warmth.moved(2 * EVERY);
    expect(heard).toBe(4);
  });
});
