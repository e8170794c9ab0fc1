import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node: shared/, electron/services/, server/ and the
// renderer's data layer (db/, sync/) against fake-indexeddb. End-to-end tests are Playwright's.
export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,server,scripts,tests/integration}/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
