/** Choosing a voice to read Vietnamese terms aloud. */

export interface VoiceInfo {
  readonly lang: string;
  readonly name: string;
  readonly localService: boolean;
}

/**
 * The best Vietnamese voice: vi-VN before other Vietnamese tags, local (offline) before remote,
 * since the extension makes no network requests of its own. Null when there is none.
 */
export function pickVietnameseVoice<V extends VoiceInfo>(voices: readonly V[]): V | null {
  const vietnamese = voices.filter((v) => /^vi([-_]|$)/i.test(v.lang));
  const score = (v: V) => (/^vi[-_]vn$/i.test(v.lang) ? 2 : 0) + (v.localService ? 1 : 0);
  return [...vietnamese].sort((a, b) => score(b) - score(a))[0] ?? null;
}
