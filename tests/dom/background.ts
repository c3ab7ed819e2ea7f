/**
 * A stand-in background for the DOM tests: answers the content script's messages with whatever
 * the test says, in the protocol's reply envelope, and records what was asked.
 */

import { fakeBrowser } from '@webext-core/fake-browser';
import type { Protocol } from '@/lib/protocol';

type Answers = { [K in keyof Protocol]?: (params: Protocol[K]['params']) => unknown };

export function fakeBackground(answers: Answers): { asked: { type: string; params: unknown }[] } {
  const asked: { type: string; params: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { type: keyof Protocol; params: never }) => {
    asked.push(message);
    const answer = answers[message.type] as ((p: never) => unknown) | undefined;
    if (!answer) return Promise.resolve({ ok: false, error: `no answer for ${message.type}` });
    return Promise.resolve()
      .then(() => answer(message.params))
      .then(
        (value) => ({ ok: true, value }),
        (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  }) as never);
  return { asked };
}
