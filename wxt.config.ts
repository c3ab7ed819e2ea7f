import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { NEWS_SITE_MATCHES } from './lib/sites';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: an auto-imported `browser` could slip into core/ unnoticed.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Song ngữ – Vietnamese–English news reader',
    short_name: 'Song ngữ',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    host_permissions: NEWS_SITE_MATCHES,
    browser_specific_settings: {
      gecko: {
        id: 'song-ngu@songngu.org',
        // Firefox's built-in data consent: this extension collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
