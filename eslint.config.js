import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Process boundaries are enforced here (see DESIGN.md, "Rules of the house").
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'stream', 'zlib', 'url', 'net'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'playwright-report', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', ...nodeBuiltins], message: 'The renderer runs sandboxed: reach the system through renderer/bridge.' },
          { group: ['**/server/**', '**/electron/**'], message: 'The renderer never imports the server or the main process.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/db/**/*.ts', 'renderer/sync/**/*.ts', 'renderer/backup/**/*.ts', 'renderer/security/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'dexie-react-hooks', 'zustand'], message: 'The data layer and sync agent know nothing of React.' },
          { group: ['electron', ...nodeBuiltins], message: 'The renderer runs sandboxed: reach the system through renderer/bridge.' },
          { group: ['**/server/**', '**/electron/**'], message: 'The renderer never imports the server or the main process.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'react', 'react-dom', 'dexie', ...nodeBuiltins], message: 'shared/ is isomorphic: no Node, DOM, Electron or React.' },
          { group: ['**/server/**', '**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
        ],
      }],
    },
  },
  {
    // Tests run in Node: they may read fixtures from disk.
    files: ['renderer/**/*.test.ts', 'shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/services/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Only electron/main.ts and electron/preload.ts import electron; services stay plain Node.' },
          { group: ['**/renderer/**'], message: 'The renderer is not a library.' },
        ],
      }],
    },
  },
);
