import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // The fault suite has its own config (vitest.faults.config.ts, `npm run test:faults`).
    exclude: ['test/faults/**', 'node_modules/**'],
    pool: 'forks',
    // Test files share nothing (own database, temp directories, free ports), so both cores run files at once.
    maxWorkers: 2,
    // A worker keeps the modules it imported for the next file instead of importing the server again for each:
    // importing was about 200 of the suite's 800 worker-seconds. Safe because src/ keeps no module-level state
    // (every registry, cache and limiter belongs to an AppContext) and no test mocks a module. A helper's
    // module-level code runs in a worker's first file only: hooks every file needs go in test/setup.ts.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
