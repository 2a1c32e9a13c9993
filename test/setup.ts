import { afterEach } from 'vitest';
import { failOnResponseMismatches } from './helpers/openapi.js';

// Runs before every test file (vitest's setupFiles), unlike a helper's module-level code, which a worker that keeps
// its modules (isolate: false) runs in its first file only.
afterEach(failOnResponseMismatches);
