// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { GlossaryEntry } from '@/core/glossary-format';
import { PLACING } from '@/tests/fixtures/popover-placing';
import { XSS_VECTORS } from '@/tests/fixtures/xss-vectors';
import { TermPopover } from './TermPopover';

function entry(fields: Partial<GlossaryEntry>): GlossaryEntry {
  return {
    id: 1,
    vi: 'Triều Tiên',
    variants: [],
    en: ['North Korea'],
    kind: 'country',
    proper: true,
    note: 'The <i>DPRK</i>.',
    han: [
      { syllable: 'Triều', char: '朝', gloss: 'dynasty' },
      { syllable: 'Tiên', char: '鮮', gloss: 'fresh' },
    ],
    articles: [],
    source: 'hand',
    ...fields,
  };
}

function mount(e: GlossaryEntry) {
  const host = document.createElement('div');
  document.body.append(host);
  render(<TermPopover {...PLACING} entry={e} articles={[{ id: 'a', vi: 'Bài', en: 'An article' }]} />, host);
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('TermPopover', () => {
  test('shows the headword, English, kind, note with its formatting, Hán syllables and articles', async () => {
    const host = mount(entry({}));
    await new Promise((r) => setTimeout(r, 0));
    const tip = host.querySelector('[role="tooltip"]')!;
    expect(tip.querySelector('.headword')?.textContent).toBe('Triều Tiên');
    expect(tip.querySelector('.english')?.textContent).toBe('North Korea');
    expect(tip.querySelector('.kind')?.textContent).toBe('country');
    expect(tip.querySelector('.note i')?.textContent).toBe('DPRK');
    expect([...tip.querySelectorAll('.han .char')].map((c) => c.textContent)).toEqual(['朝', '鮮']);
    expect([...tip.querySelectorAll('.han .reading')].map((c) => c.textContent)).toEqual(['triều', 'tiên']);
    expect(tip.querySelector('.articles li')?.textContent).toBe('An article');
    expect(tip.querySelector('button.speak')).toBeNull();
  });

  test.each(XSS_VECTORS)('glossary data carrying %s renders as harmless text', async (vector) => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const host = mount(
      entry({
        vi: `Triều Tiên ${vector}`,
        en: [`North Korea ${vector}`],
        note: `Note <b>bold</b> ${vector}`,
        han: [{ syllable: vector, char: '朝', gloss: vector }],
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(w.__xss).toBeUndefined();
    // Plain fields are text: the vector shows as characters, not markup.
    expect(host.querySelector('.english')?.textContent).toBe(`North Korea ${vector}`);
    expect(host.querySelector('.headword')?.textContent).toContain(vector);
    // The note went through the sanitiser: formatting stays, nothing active survives.
    expect(host.querySelector('.note b')?.textContent).toBe('bold');
    expect(
      host.querySelector('script, iframe, object, embed, img, svg, math, style, form, input, a, video, template'),
    ).toBeNull();
    // The one <details> is ours ("In the corpus", collapsed); none comes from the data.
    expect(host.querySelectorAll('details')).toHaveLength(host.querySelectorAll('details.articles').length);
    expect(host.querySelector('.note details, .english details, .han details')).toBeNull();
    for (const el of host.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    }
  });
});
