// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { PLACING } from '@/tests/fixtures/popover-placing';
import { PopoverShell } from './PopoverShell';

function view(host: HTMLElement, staged: boolean) {
  render(
    <PopoverShell
      id="p"
      testId="dictionary-popover"
      data={{ headword: 'bệnh nhân' }}
      headword="bệnh nhân"
      placeOn={[]}
      {...PLACING}
      staged={staged}
    >
      <p>patient</p>
    </PopoverShell>,
    host,
  );
}

afterEach(() => {
  document.body.replaceChildren();
});

test('a popover rendered ahead of its rest is placed but hidden, and is no tooltip for assistive technology or automation', async () => {
  const host = document.createElement('div');
  document.body.append(host);
  view(host, true);
  await new Promise((r) => setTimeout(r, 0));
  const panel = host.querySelector<HTMLElement>('.panel')!;
  expect(panel.style.visibility).toBe('hidden');
  expect(panel.style.left).not.toBe('-9999px');
  expect(panel.getAttribute('aria-hidden')).toBe('true');
  expect(host.querySelector('[role="tooltip"], [data-testid], [data-headword]')).toBeNull();
  const placed = { left: panel.style.left, top: panel.style.top };
  // Shown at the rest: the same element, where it was placed, now the tooltip.
  view(host, false);
  await new Promise((r) => setTimeout(r, 0));
  const tip = host.querySelector<HTMLElement>('[role="tooltip"][data-testid="dictionary-popover"]')!;
  expect(tip).toBe(panel);
  expect(tip.style.visibility).toBe('visible');
  expect({ left: tip.style.left, top: tip.style.top }).toEqual(placed);
  expect(tip.hasAttribute('aria-hidden')).toBe(false);
  expect(tip.dataset.headword).toBe('bệnh nhân');
});
