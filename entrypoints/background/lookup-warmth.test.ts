import { describe, expect, test } from 'vitest';
import { STILL_POINTING, WARMTH_PORT } from '@/lib/warmth-port';
import { acceptWarmth, type IncomingPort } from './lookup-warmth';

const ID = 'song-ngu-id';
const tab = { id: 3 } as NonNullable<IncomingPort['sender']>['tab'];

function port(name: string, sender: IncomingPort['sender']) {
  const listeners: ((m: unknown) => void)[] = [];
  return {
    name,
    sender,
    onMessage: { addListener: (l: (m: unknown) => void) => void listeners.push(l) },
    say: (m: unknown) => listeners.forEach((l) => l(m)),
  };
}

describe('the background takes warmth ports', () => {
  test.each([
    ['a content script of ours, in a tab', port(WARMTH_PORT, { id: ID, tab }), true],
    ['another port of ours', port('other', { id: ID, tab }), false],
    ['an extension page of ours (no tab)', port(WARMTH_PORT, { id: ID }), false],
    ['another extension', port(WARMTH_PORT, { id: 'someone-else', tab }), false],
    ['no sender', port(WARMTH_PORT, undefined), false],
  ])('%s', (_name, p, taken) => {
    let warmed = 0;
    expect(acceptWarmth(p as unknown as IncomingPort, () => warmed++, ID)).toBe(taken);
    expect(warmed).toBe(taken ? 1 : 0);
  });

  test('warms again when told the reader is still pointing, and on nothing else', () => {
    let warmed = 0;
    const p = port(WARMTH_PORT, { id: ID, tab });
    acceptWarmth(p as unknown as IncomingPort, () => warmed++, ID);
    for (const m of [STILL_POINTING, 'still pointing', { type: STILL_POINTING }, null, STILL_POINTING]) p.say(m);
    expect(warmed).toBe(3);
  });
});
