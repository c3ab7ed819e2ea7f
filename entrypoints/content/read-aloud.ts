/** Reading a Vietnamese word aloud with a voice of this machine (core/speech.ts chooses it). */

import { pickVietnameseVoice } from '@/core/speech';

/** The local Vietnamese voice, or null (then the popovers show no Listen button). */
export function vietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return pickVietnameseVoice(speechSynthesis.getVoices());
}

/** Says `text` in that voice, cutting off whatever was being said; nothing when there is none. */
export function readAloud(text: string): void {
  const voice = vietnameseVoice();
  if (!voice) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
}
