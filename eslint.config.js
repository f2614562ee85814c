import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { boundaryZones } from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'coverage', 'node_modules', 'tests/e2e/screenshots', 'tests/e2e/results', 'tests/bench/out'] },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.recommended,
      reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs['recommended-latest'],
      jsxA11y.flatConfigs.recommended,
      ...pluginQuery.configs['flat/recommended'],
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@tanstack/query/prefer-query-options': 'error',
      '@tanstack/query/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers and the folders' boundaries (docs/architecture.md): imports flow one way, and
    // no module can reach itself through its imports.
    // Tests compose across layers on purpose (a component rendered inside the app's providers).
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'tools/**/*.{ts,mjs}', 'build/**/*.{ts,mjs}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js'] })],
      // no-cycle reads the imported files itself: it needs to know how to parse TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },
  {
    files: ['build/**/*.{ts,mjs}', 'server/**/*.ts', 'tools/**/*.{ts,mjs}', 'tests/**/*.{ts,mjs}', 'vite.config.ts', 'vite.embed.config.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser tests on Playwright Test: node globals; a fixture's `use` is Playwright's, not React's.
    files: ['tests/e2e/**/*.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
