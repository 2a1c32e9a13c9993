import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Each file starts its own embedded PostgreSQL (PGlite), which takes a few seconds on two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
