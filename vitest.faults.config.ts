import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): real processes, a PostgreSQL cluster of its own stopped under load,
 * two servers on one DATA_DIR. Slow (a 20-second outage), so apart from `npm test`; files run one at a time so
 * that load measurements are not shared with another file.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
