import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'dist-node', 'release', 'test-results', 'playwright-report', '.stryker-tmp', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The core is plain Node: it must never pull in Electron (it throws outside the app).
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core and shared/ never import electron; put the host glue in electron/host.' }] }],
    },
  },
  {
    // External links go through the one checked helper (https only), never shell.openExternal directly.
    files: ['electron/**/*.ts'],
    ignores: ['electron/host/links.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Open links with openExternalLink() from electron/host/links.ts (https only).' }],
    },
  },
  {
    // ipcRenderer is used only by the preload's typed bridge; nothing else talks IPC raw.
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only electron/preload.ts uses ipcRenderer (the typed bridge from shared/channels).' }],
    },
  },
  {
    // The renderer talks only to the typed bridge; raw ipcRenderer and Node built-ins are banned there.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The renderer uses the typed API from renderer/src/api, never electron.' }], patterns: ['node:*'] }],
    },
  },
);
