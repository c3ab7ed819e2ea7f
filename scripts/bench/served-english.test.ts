import { describe, expect, it } from 'vitest';
import { difference, servedWithEnglish } from './served-english';

const PAGE =
  '<!DOCTYPE html><html lang="vi"><head><script>document.head.append(document.createElement("meta"))</script></head>' +
  '<body><p class="Normal">Một</p><p class="Normal">Hai <b>ba</b></p><p class="Normal">Một</p></body></html>';

const rendering = (text: string) =>
  `<vr-translation lang="en" data-vr-mode="bilingual"><template shadowrootmode="open"><style>:host{display:block}</style><slot></slot></template><vr-p>${text}</vr-p></vr-translation>`;

describe('servedWithEnglish', () => {
  it('puts each rendering after the block with its tag, text and rank, and leaves the rest as served', () => {
    const html = servedWithEnglish(PAGE, [
      { tag: 'p', text: 'Hai ba', rank: 0, html: rendering('Two three') },
      { tag: 'p', text: 'Một', rank: 1, html: rendering('One, again') },
    ]);
    expect(html).toBe(
      '<!DOCTYPE html><html lang="vi"><head><script>document.head.append(document.createElement("meta"))</script></head>' +
        `<body><p class="Normal">Một</p><p class="Normal">Hai <b>ba</b></p>${rendering('Two three')}` +
        `<p class="Normal">Một</p>${rendering('One, again')}</body></html>`,
    );
  });

  it('refuses a rendering whose block is not in the served page', () => {
    expect(() => servedWithEnglish(PAGE, [{ tag: 'p', text: 'Một', rank: 2, html: rendering('x') }])).toThrow(
      /no <p> "Một…"/,
    );
  });
});

describe('difference', () => {
  it('says where two serialisations part', () => {
    expect(difference('abc', 'abc')).toBe('same');
    expect(difference('abcd', 'abXd')).toBe('differ at character 2 of 4 / 4: "abcd" vs "abXd"');
  });
});
