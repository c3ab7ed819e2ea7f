/**
 * The world's countries and territories with their Vietnamese and English names, generated from
 * CLDR (npm `cldr-localenames-full`) at build time rather than copied by hand.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GlossarySourceEntry } from '../../core/glossary-schema';

const require = createRequire(import.meta.url);

/** Region codes that are groupings, not countries or territories. */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

type Names = Record<string, string>;

function territories(locale: 'vi' | 'en'): Names {
  const file = require.resolve(`cldr-localenames-full/main/${locale}/territories.json`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    main: Record<string, { localeDisplayNames: { territories: Names } }>;
  };
  return json.main[locale]!.localeDisplayNames.territories;
}

/** "Myanmar (Miến Điện)" → ["Myanmar", "Miến Điện"]. */
function splitParenthesis(name: string): string[] {
  const m = /^(.*?)\s*\(([^)]+)\)$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name];
}

function namesFor(all: Names, code: string): string[] {
  const names = [all[code], all[`${code}-alt-short`], all[`${code}-alt-variant`]]
    .filter((n): n is string => typeof n === 'string')
    .flatMap(splitParenthesis)
    // Long official forms with a comma ("Đặc khu Hành chính Hồng Kông, Trung Quốc") are never how
    // running text names the place; the short alternative stands in for them.
    .filter((n) => !n.includes(','));
  return [...new Set(names)];
}

/** One glossary entry per CLDR region that is a country or territory. */
export function cldrCountryEntries(): (GlossarySourceEntry & { region: string })[] {
  const vi = territories('vi');
  const en = territories('en');
  const codes = Object.keys(vi).filter((code) => /^[A-Z]{2}$/.test(code) && !NOT_PLACES.has(code));
  const entries: (GlossarySourceEntry & { region: string })[] = [];
  for (const code of codes.sort()) {
    const viNames = namesFor(vi, code);
    const enNames = namesFor(en, code);
    if (viNames.length === 0 || enNames.length === 0) continue;
    entries.push({
      vi: viNames[0]!,
      ...(viNames.length > 1 ? { variants: viNames.slice(1) } : {}),
      en: enNames,
      kind: 'country',
      proper: true,
      note: `Country or territory (CLDR region ${code}).`,
      region: code,
    });
  }
  return entries;
}
