/**
 * Both builds carry their icons: every icon the Chrome (MV3) and Firefox (MV2) manifests name is a
 * PNG in the build, of the size it is declared at, and the toolbar icons stand out from the
 * toolbar they are shown on. Reads the built files only (`npm run build` and `build:firefox`).
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../../scripts/lib/paths';
import { decodeRgbaPng, readPngSize, type RgbaImage } from './png';

type Icons = Record<string, string>;
interface ThemeIcon {
  size: number;
  light: string;
  dark: string;
}
interface ActionKeys {
  default_icon?: Icons;
  theme_icons?: ThemeIcon[];
}
interface Manifest {
  icons?: Icons;
  action?: ActionKeys;
  browser_action?: ActionKeys;
}

const BUILDS = [
  { name: 'Chrome', dir: join(REPO_ROOT, '.output/chrome-mv3'), build: 'npm run build', action: 'action' },
  {
    name: 'Firefox',
    dir: join(REPO_ROOT, '.output/firefox-mv2'),
    build: 'npm run build:firefox',
    action: 'browser_action',
  },
] as const;

/** Chrome's toolbar greys (light and dark themes); Firefox's default themes are close to them. */
const LIGHT_TOOLBAR: Rgb = [0xf1, 0xf3, 0xf4];
const DARK_TOOLBAR: Rgb = [0x20, 0x21, 0x24];
/** WCAG's minimum contrast for the parts of a graphic needed to make it out. */
const MIN_CONTRAST = 3;

type Rgb = [number, number, number];

/** Relative luminance (WCAG 2). */
function luminance([r, g, b]: Rgb): number {
  const linear = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour most of the opaque pixels have: the icon's silhouette against the toolbar. */
function silhouette({ rgba }: RgbaImage): Rgb {
  const counts = new Map<string, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] !== 255) continue;
    const key = `${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!top) throw new Error('the icon has no opaque pixel');
  return top[0].split(',').map(Number) as Rgb;
}

type Build = (typeof BUILDS)[number];

function readManifest({ dir, build }: Build): Manifest {
  const file = join(dir, 'manifest.json');
  expect(existsSync(file), `${file} (run \`${build}\` first)`).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The icon at `path` in the build, checked to be a PNG of `size` × `size` px. */
function readIcon({ name, dir }: Build, path: string, size: number): Buffer {
  const file = join(dir, path);
  expect(existsSync(file), `${path} is in the ${name} build`).toBe(true);
  const png = readFileSync(file);
  expect(readPngSize(png), `${path} is ${size} × ${size} px`).toEqual({ width: size, height: size });
  return png;
}

for (const build of BUILDS) {
  test.describe(`${build.name} build`, () => {
    test('the manifest icons are PNGs of their declared sizes', () => {
      const icons = readManifest(build).icons ?? {};
      expect(Object.keys(icons).map(Number)).toEqual([16, 32, 48, 128]);
      for (const [size, path] of Object.entries(icons)) readIcon(build, path, Number(size));
    });

    test('the toolbar button has 16 and 32 px icons that stand out on light and dark toolbars', () => {
      const icons = readManifest(build)[build.action]?.default_icon ?? {};
      expect(Object.keys(icons).map(Number)).toEqual([16, 32]);
      for (const [size, path] of Object.entries(icons)) {
        // Chrome shows this one icon whatever the theme; Firefox on its default theme.
        const colour = silhouette(decodeRgbaPng(readIcon(build, path, Number(size))));
        expect(contrast(colour, LIGHT_TOOLBAR), `${path} on a light toolbar`).toBeGreaterThanOrEqual(MIN_CONTRAST);
        expect(contrast(colour, DARK_TOOLBAR), `${path} on a dark toolbar`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      }
    });
  });
}

test('Firefox build: the toolbar button has a 16 and 32 px icon for light and for dark themes', () => {
  const firefox = BUILDS[1];
  const themeIcons = readManifest(firefox).browser_action?.theme_icons ?? [];
  expect(themeIcons.map((t) => t.size)).toEqual([16, 32]);
  for (const { size, light, dark } of themeIcons) {
    // Firefox names a theme icon by its own tone: `light` is shown on dark toolbars, `dark` on light.
    const onDark = silhouette(decodeRgbaPng(readIcon(firefox, light, size)));
    const onLight = silhouette(decodeRgbaPng(readIcon(firefox, dark, size)));
    expect(luminance(onDark), `${light} is lighter than ${dark}`).toBeGreaterThan(luminance(onLight));
    expect(contrast(onDark, DARK_TOOLBAR), `${light} on a dark toolbar`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(onLight, LIGHT_TOOLBAR), `${dark} on a light toolbar`).toBeGreaterThanOrEqual(MIN_CONTRAST);
  }
});
