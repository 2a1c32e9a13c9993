import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite has its own config (vitest.faults.config.ts, `npm run test:faults`).
    exclude: ['test/faults/**', 'node_modules/**'],
    pool: 'forks',
    // Each file starts its own embedded PostgreSQL (PGlite), which takes a few seconds on two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
