import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATA_CREDITS, DICTIONARY_CREDIT } from './attributions';

const DICTIONARY_README = join(import.meta.dirname, '../../shared/data/dictionary/README.md');

describe('data attributions', () => {
  test('the dictionary is credited in the words its README asks for, short and full', () => {
    const readme = readFileSync(DICTIONARY_README, 'utf8');
    expect(readme).toContain(`> ${DICTIONARY_CREDIT.short}\n`);
    expect(readme).toContain(`> ${DICTIONARY_CREDIT.full}\n`);
  });

  test.each(DATA_CREDITS.map((c) => [c.what, c] as const))('%s names its licence and links to it', (_what, c) => {
    expect(c.full).toContain(c.licence.name.replace(/ v3$/, ''));
    expect(c.licence.url).toMatch(/^https:\/\//);
    expect(c.source.url).toMatch(/^https:\/\//);
  });
});
