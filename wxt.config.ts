import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { NEWS_SITE_MATCHES } from './lib/sites';

/** Document-level paint for highlight ranges (::highlight rules only; see the file). */
const PAGE_HIGHLIGHTS_CSS = 'content-scripts/page-highlights.css';

/**
 * The page stylesheet's `::highlight(…)` rules, written on `:root` for Chromium. A universal
 * `::highlight()` rule makes Chromium resolve every highlight's style for every element of the
 * page, in every style update (at 1 MB the page's first one took twice as long); on `:root`,
 * highlight inheritance gives every element the same style at no such cost. Firefox (ESR 140) has
 * no highlight inheritance, so its build keeps the universal rules.
 */
function highlightRulesOnRoot(browser: string): Plugin {
  const chromium = ['chrome', 'edge', 'opera'].includes(browser);
  return {
    name: 'song-ngu:highlight-rules-on-root',
    enforce: 'pre',
    transform(code, id) {
      if (!chromium || !id.split('?')[0]!.endsWith('/page-highlights.content.css')) return null;
      const rewritten = code.replace(/^::highlight\(/gm, ':root::highlight(');
      // A rule written otherwise (indented, `*::highlight`, after another selector) would stay
      // universal and still paint, so nothing else would notice the cost coming back.
      const left = rewritten.replace(/\/\*[\s\S]*?\*\//g, '').match(/(?<!:root)::highlight\(/);
      if (left) throw new Error(`${id}: write each ::highlight() rule at the start of a line, so it can go on :root`);
      return rewritten;
    },
  };
}

/** The toolbar button's icon: 16 px, and 32 px for 2× screens. */
const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: an auto-imported `browser` could slip into core/ unnoticed.
  imports: false,
  vite: (env) => ({ plugins: [preact(), highlightRulesOnRoot(env.browser)] }),
  hooks: {
    // ::highlight() rules must live in a stylesheet of the page's document; the browser injects this
    // one with our content script, so no <style> element is ever added to the page.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        script.css = [...(script.css ?? []), PAGE_HIGHLIGHTS_CSS];
      }
      // MV2 (Firefox) has no optional_host_permissions: its optional host patterns are optional_permissions.
      if (manifest.manifest_version === 2 && manifest.optional_host_permissions) {
        const hosts = manifest.optional_host_permissions as string[];
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...hosts];
        delete manifest.optional_host_permissions;
      }
    },
  },
  manifest: {
    name: 'Song ngữ – Vietnamese–English news reader',
    short_name: 'Song ngữ',
    // Rendered from assets/icons/ by `npm run icons`.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_icon: TOOLBAR_ICONS },
    // Firefox (MV2): WXT puts the popup in browser_action and drops `action` there. Firefox names a
    // theme icon by its own tone: `light` is shown on dark toolbars, `dark` on light ones.
    browser_action: {
      default_icon: TOOLBAR_ICONS,
      theme_icons: [16, 32].map((size) => ({ size, dark: `icon/${size}.png`, light: `icon/${size}-on-dark.png` })),
    },
    // scripting: the content script's floating UI is injected only when a page first needs it.
    // activeTab: the popup, opened on a site the extension cannot read, learns that tab's address
    // (to offer "Read this site" for it) without any standing access to it.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab'],
    host_permissions: NEWS_SITE_MATCHES,
    // "Read this site": any other site, one origin at a time, only when the reader asks for it in
    // the popup (permissions.request on the click). WXT moves these to optional_permissions for MV2.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The note editor and the highlight card are framed on news pages, so pages must be allowed to
    // load them; in Chrome only through a URL that changes every session, so a page cannot probe
    // for the extension with it.
    web_accessible_resources: [
      // Every http(s) page, since the sites a reader adds are not known here; the session-changing URL
      // still keeps pages from probing for them.
      {
        resources: ['note-editor.html', 'highlight-card.html'],
        matches: ['https://*/*', 'http://*/*'],
        use_dynamic_url: true,
      },
    ],
    commands: {
      'cycle-view-mode': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Switch the reading mode: bilingual, original only, English only',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
      'show-term': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Show the glossary entry of the term at the caret',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'song-ngu@songngu.org',
        // Firefox's built-in data consent: this extension collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
