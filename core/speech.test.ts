import { expect, test } from 'vitest';
import { pickVietnameseVoice } from './speech';

const v = (lang: string, name: string, localService = true) => ({ lang, name, localService });

test.each([
  [[], null],
  [[v('en-US', 'a'), v('fr-FR', 'b')], null],
  [[v('en-US', 'a'), v('vi-VN', 'An')], 'An'],
  [[v('vi', 'Generic'), v('vi-VN', 'Linh')], 'Linh'],
  [[v('vi-VN', 'Remote', false), v('vi-VN', 'Local', true)], 'Local'],
  [[v('vi-VN', 'Remote', false)], null],
  [[v('vi-VN', 'Remote', false), v('vi', 'Generic local')], 'Generic local'],
  [[v('vi_VN', 'Underscore')], 'Underscore'],
  [[v('vie', 'NotATag')], null],
])('%j → %s', (voices, name) => {
  expect(pickVietnameseVoice(voices)?.name ?? null).toBe(name);
});
