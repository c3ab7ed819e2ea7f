import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { VIEW_MODES } from '@/lib/protocol';
import { REPO_ROOT } from '@/scripts/lib/paths';
import { MODE_LABELS } from './ModeSwitch';

// The README describes the reading modes the popup offers: the same names, and the same behaviour.
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const modesBullet = readme.slice(readme.indexOf('- **Reading modes**'), readme.indexOf('- The popup'));

describe('the reading modes in the popup and in the README', () => {
  test('the README names the popup’s three modes, in its order', () => {
    const named = [...modesBullet.matchAll(/\*([A-Z][a-z]+(?: only)?)\*/g)].map((m) => m[1]);
    expect(named).toEqual(VIEW_MODES.map((m) => MODE_LABELS[m].label));
  });

  test.each([
    ['original', /hidden/, /hover or focus/],
    ['english', /hidden/, /hover or focus.*click/],
  ] as const)('%s only: both say what is hidden and how it comes back', (mode, hidden, back) => {
    const hint = MODE_LABELS[mode].hint;
    const said = modesBullet.slice(modesBullet.indexOf(`*${MODE_LABELS[mode].label}*`)).split('),')[0]!;
    for (const text of [hint, said.replace(/\s+/g, ' ')]) {
      expect(text).toMatch(hidden);
      expect(text).toMatch(back);
      expect(text).not.toMatch(/dim/);
    }
  });
});
