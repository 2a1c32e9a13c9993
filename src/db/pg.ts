import { createRequire } from 'node:module';
import type pg from 'pg';

let loaded: typeof pg | undefined;

/**
 * The PostgreSQL client library, loaded on first use: a server on the embedded engine never needs it, and it costs
 * several MB of memory once loaded.
 */
export function loadPg(): typeof pg {
  loaded ??= createRequire(import.meta.url)('pg') as typeof pg;
  return loaded;
}
