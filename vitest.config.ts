import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Unit tests sit next to the code they test; tests/ holds only the end-to-end suite.
    include: ['{core,lib,entrypoints,components,scripts}/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
  },
});
