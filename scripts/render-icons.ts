/**
 * `npm run icons`: renders the extension's icons from their SVG sources in assets/icons/ to the
 * PNGs in public/icon/, which WXT copies into both builds. Debian's Chromium draws each SVG on a
 * transparent page at 1 CSS px per pixel, so the hand-tuned small sources stay on the pixel grid.
 *
 * `npm run icons -- --preview <file.png>` also writes a sheet of every PNG on a light (#f1f3f4)
 * and a dark (#202124) toolbar grey, at 1× and magnified, for looking at the result.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from './lib/chromium';
import { REPO_ROOT } from './lib/paths';

const SOURCE_DIR = join(REPO_ROOT, 'assets/icons');
const ICON_OUT_DIR = join(REPO_ROOT, 'public/icon');

/** One PNG: which source, at what size, for which toolbar tone (the sources' colour scheme). */
interface Render {
  file: string;
  source: string;
  size: number;
  scheme: 'light' | 'dark';
}

/**
 * `<size>.png` is the icon everywhere (manifest `icons`, the action's `default_icon`, and Firefox's
 * icon for light toolbars); `<size>-on-dark.png` is Firefox's theme icon for dark toolbars, drawn
 * in the sources' dark colour scheme.
 */
const RENDERS: Render[] = [
  { file: '16.png', source: 'icon-16.svg', size: 16, scheme: 'light' },
  { file: '32.png', source: 'icon-32.svg', size: 32, scheme: 'light' },
  // 48 is the 32 px drawing at 1.5×: its 2 px grid lands on whole pixels (3 px) there too.
  { file: '48.png', source: 'icon-32.svg', size: 48, scheme: 'light' },
  { file: '128.png', source: 'icon.svg', size: 128, scheme: 'light' },
  { file: '16-on-dark.png', source: 'icon-16.svg', size: 16, scheme: 'dark' },
  { file: '32-on-dark.png', source: 'icon-32.svg', size: 32, scheme: 'dark' },
];

const TOOLBARS = { light: '#f1f3f4', dark: '#202124' } as const;

/** The source inline in a page of exactly `size` px, its own width and height overridden. */
function iconPage(svg: string, size: number): string {
  return `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;
}

async function renderIcon(page: Page, render: Render): Promise<Buffer> {
  const svg = readFileSync(join(SOURCE_DIR, render.source), 'utf8');
  await page.emulateMedia({ colorScheme: render.scheme });
  await page.setViewportSize({ width: render.size, height: render.size });
  await page.setContent(iconPage(svg, render.size));
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: render.size, height: render.size } });
}

/** What a toolbar of one tone shows: Chrome has one icon for every theme, Firefox picks by tone. */
const PREVIEW_ROWS = [
  { label: 'Chrome, light', bg: TOOLBARS.light, files: ['16.png', '32.png', '48.png', '128.png'] },
  { label: 'Chrome, dark', bg: TOOLBARS.dark, files: ['16.png', '32.png', '48.png', '128.png'] },
  { label: 'Firefox, light', bg: TOOLBARS.light, files: ['16.png', '32.png'] },
  { label: 'Firefox, dark', bg: TOOLBARS.dark, files: ['16-on-dark.png', '32-on-dark.png'] },
];

/**
 * A sheet of the icons on both toolbar greys: each row at 1× (32 px stands for the 16 px button on
 * a 2× screen), then its 16 and 32 px icons magnified to 128 px with their pixels kept square.
 */
function previewPage(pngs: Map<string, Buffer>): string {
  const img = (file: string, px: number, zoom = false) => {
    const png = pngs.get(file);
    if (!png) throw new Error(`no render named ${file}`);
    const cls = zoom ? ' class="zoom"' : '';
    return `<img${cls} src="data:image/png;base64,${png.toString('base64')}" width="${px}" height="${px}">`;
  };
  const sizeOf = (file: string) => RENDERS.find((r) => r.file === file)?.size ?? 0;
  const rows = PREVIEW_ROWS.map(({ label, bg, files }) => {
    const actual = files.map((f) => img(f, sizeOf(f))).join('');
    const magnified = files
      .filter((f) => sizeOf(f) <= 32)
      .map((f) => img(f, 128, true))
      .join('');
    return `<tr style="background:${bg}"><th style="color:${bg === TOOLBARS.dark ? '#e8eaed' : '#202124'}">${label}</th><td>${actual}</td><td>${magnified}</td></tr>`;
  });
  return (
    '<!doctype html><style>body{margin:0;font:13px sans-serif}table{border-collapse:collapse}' +
    'th{padding:0 16px;text-align:left;font-weight:500;white-space:nowrap}td{padding:12px 8px;white-space:nowrap}' +
    'img{vertical-align:middle;margin-right:16px}.zoom{image-rendering:pixelated}</style>' +
    `<table>${rows.join('')}</table>`
  );
}

const { values } = parseArgs({ options: { preview: { type: 'string' } } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(ICON_OUT_DIR, { recursive: true });
  const pngs = new Map<string, Buffer>();
  for (const render of RENDERS) {
    const png = await renderIcon(page, render);
    writeFileSync(join(ICON_OUT_DIR, render.file), png);
    pngs.set(render.file, png);
  }
  console.log(`icons: ${RENDERS.map((r) => r.file).join(', ')} in ${ICON_OUT_DIR}`);
  if (values.preview) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 760, height: 400 });
    await page.setContent(previewPage(pngs));
    await page.screenshot({ path: values.preview, fullPage: true });
    console.log(`preview: ${values.preview}`);
  }
} finally {
  await browser.close();
}
