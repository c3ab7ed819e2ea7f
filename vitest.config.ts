import { resolve } from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = import.meta.dirname;

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic and extension-page code, in Node (jsdom per file where a DOM is needed).
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // Unit tests sit next to the code they test; tests/ holds the end-to-end suites.
          include: ['{core,lib,entrypoints,components,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto'],
          environment: 'node',
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        // The content script's DOM modules, in real Chromium: layout, StaticRange, the CSS Custom
        // Highlight API and shadow roots are what they are about, and jsdom has none of them.
        resolve: {
          alias: [
            { find: /^@\//, replacement: `${root}/` },
            // The extension API, faked as in the unit tests (WXT's own mock pulls in Node code).
            { find: 'wxt/browser', replacement: resolve(root, 'tests/dom/fake-browser.ts') },
          ],
        },
        // Bundled before the first test, so Vite does not reload the page mid-run on finding them.
        optimizeDeps: {
          include: ['@webext-core/fake-browser', 'wxt/utils/content-script-context', 'approx-string-match', 'idb'],
        },
        test: {
          name: 'dom',
          include: ['entrypoints/**/*.browser.test.{ts,tsx}'],
          restoreMocks: true,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
