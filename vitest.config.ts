import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both ESM and CJS builds; @graphql-tools loads the CJS one, so tests must too, or schema objects
  // from the two copies refuse each other ("another module or realm").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration suites start real servers; forks keep native modules (better-sqlite3) isolated per file.
    pool: 'forks',
  },
});
