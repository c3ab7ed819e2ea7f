/** Choosing a voice to read Vietnamese words aloud. */

export interface VoiceInfo {
  readonly lang: string;
  readonly name: string;
  readonly localService: boolean;
}

/**
 * The best Vietnamese voice on this machine: vi-VN before other Vietnamese tags. Only local
 * voices: a remote one (Chrome's "Google tiếng Việt") sends the word to a server, and the
 * extension promises that nothing the reader reads leaves the browser. Null when there is none,
 * and then no button to listen is shown.
 */
export function pickVietnameseVoice<V extends VoiceInfo>(voices: readonly V[]): V | null {
  const vietnamese = voices.filter((v) => v.localService && /^vi([-_]|$)/i.test(v.lang));
  const score = (v: V) => (/^vi[-_]vn$/i.test(v.lang) ? 1 : 0);
  return [...vietnamese].sort((a, b) => score(b) - score(a))[0] ?? null;
}
