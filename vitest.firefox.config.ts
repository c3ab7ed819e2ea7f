import { defineConfig } from 'vitest/config';

/**
 * The Firefox smoke suite (`npm run test:firefox`): real Firefox ESR driven over WebDriver BiDi
 * with the Firefox build in .output/firefox-mv2. Each file starts its own Firefox.
 */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
