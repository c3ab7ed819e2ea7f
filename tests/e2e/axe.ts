/**
 * Accessibility checks with axe-core, run inside the page: its source is evaluated over the
 * DevTools protocol (an extension page's CSP would refuse it as a script), then `axe.run`.
 */

import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** One rule broken, with where (CSS selectors of the offending nodes). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Where to look, in axe's terms: the whole document, or the parts a selector names, where a
 * selector may be a list that goes down through shadow roots (`[['song-ngu-ui', '[role=tooltip]']]`).
 */
export type AxeScope = 'document' | { include: string[][] | string[][][] };

/** Every axe violation on the page as it is now (WCAG 2.x A and AA rules and axe's best practices). */
export async function axeViolations(page: Page, scope: AxeScope = 'document'): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (scope) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(
      scope === 'document' ? document : (scope as axe.ElementContext),
      { resultTypes: ['violations'] },
    );
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, scope);
}

/** The violations axe rates serious or critical: the ones no page of ours may have. */
export async function seriousViolations(page: Page, scope: AxeScope = 'document'): Promise<AxeViolation[]> {
  return (await axeViolations(page, scope)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
