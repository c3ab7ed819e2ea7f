import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { NEWS_SITE_MATCHES } from './lib/sites';

/** Document-level paint for highlight ranges (::highlight rules only; see the file). */
const PAGE_HIGHLIGHTS_CSS = 'content-scripts/page-highlights.css';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: an auto-imported `browser` could slip into core/ unnoticed.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // ::highlight() rules must live in a stylesheet of the page's document; the browser injects this
    // one with our content script, so no <style> element is ever added to the page.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        script.css = [...(script.css ?? []), PAGE_HIGHLIGHTS_CSS];
      }
    },
  },
  manifest: {
    name: 'Song ngữ – Vietnamese–English news reader',
    short_name: 'Song ngữ',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    host_permissions: NEWS_SITE_MATCHES,
    // The note editor is framed on news pages, so pages must be allowed to load it; in Chrome only
    // through a URL that changes every session, so a page cannot probe for the extension with it.
    web_accessible_resources: [{ resources: ['note-editor.html'], matches: NEWS_SITE_MATCHES, use_dynamic_url: true }],
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
