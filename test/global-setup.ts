import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty embedded database as a tarball; every test file starts its own copy of it. */
    pgliteSnapshot: string;
  }
}

/**
 * initdb and the migrations run once per test run instead of once per test file: on two cores they are most of
 * what an embedded test file costs.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  // The console's and the public pages' bundles, which the browser tests load: built once for the run.
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'updraft-snapshot-'));
  const file = join(dir, 'pglite.tar');
  if (process.env.UPDRAFT_TEST_DB !== 'postgres') {
    const handle = await openPglite(undefined);
    await migrateToLatest(handle.db as never);
    const snapshot = await handle.snapshot?.();
    if (!snapshot) throw new Error('the embedded database gave no snapshot');
    writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
    await handle.close();
  }
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
