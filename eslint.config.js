// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** DOM sinks that turn strings into markup. Only lib/sanitize.ts may touch them. */
const HTML_SINKS = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'Set text with textContent, or build markup through lib/sanitize.ts.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|parseFromString)$/]',
    message: 'HTML parsing sinks are only allowed in lib/sanitize.ts.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Use setSanitizedContent from lib/sanitize.ts through a ref.',
  },
];

/**
 * Unicode property classes (`\p{L}`) in regex literals: V8 checks each literal as it parses the
 * script, so every one costs every page that evaluates it (see core/lazy-regexp.ts).
 */
const UNICODE_PROPERTY_LITERAL = {
  selector: 'Literal[regex.pattern=/\\\\[pP]\\{/]',
  message:
    'Build Unicode property patterns with lazyRegExp (core/lazy-regexp.ts): a literal costs every page its parse.',
};

/** Browser and DOM globals that pure code in core/ must not reach for. */
const DOM_AND_BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'browser',
  'chrome',
  'customElements',
  'CSS',
  'Node',
  'Element',
  'HTMLElement',
  'Range',
  'StaticRange',
  'Highlight',
  'MutationObserver',
  'getSelection',
  'requestAnimationFrame',
  'requestIdleCallback',
  'fetch',
  'XMLHttpRequest',
  'DOMParser',
  'storage',
].map((name) => ({ name, message: 'core/ is pure: pass data in instead of reaching for DOM or browser APIs.' }));

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'bench/out/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', ...HTML_SINKS],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.stringContaining…) are typed `any`.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Shipped code only: tests and build scripts are not evaluated on pages.
    files: ['core/**/*.ts', 'lib/**/*.ts', 'entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...HTML_SINKS, UNICODE_PROPERTY_LITERAL] },
  },
  {
    files: ['lib/sanitize.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // DOM tests build their small fixture documents from markup the test itself writes.
    files: ['**/*.browser.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_AND_BROWSER_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*', 'preact', 'preact/*', 'idb', 'dompurify'],
              message: 'core/ is pure: no browser, DOM or UI libraries.',
            },
            {
              group: [
                '@/lib/*',
                '@/entrypoints/*',
                '@/components/*',
                '../lib/*',
                '../entrypoints/*',
                '../components/*',
              ],
              message: 'core/ depends on nothing outside core/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every news page evaluates the content script: it imports the protocol's types, never its
    // validators (which pull in every message's core modules). See lib/tab-protocol.ts.
    files: ['entrypoints/content/**/*.ts', 'lib/settings.ts', 'lib/messaging.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/protocol',
              allowTypeImports: true,
              message: 'Import values from lib/tab-protocol.ts or lib/message-limits.ts; only types from here.',
            },
            {
              name: './protocol',
              allowTypeImports: true,
              message: 'Import values from ./tab-protocol or ./message-limits; only types from here.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
