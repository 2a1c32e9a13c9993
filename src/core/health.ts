import { statfs } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { ChangeFeed } from './changes.js';

/** Below this much free space in DATA_DIR, writes (uploads, the embedded database) are about to fail. */
export const MIN_FREE_BYTES = 1024 ** 2;

export interface HealthDeps {
  db: Db;
  changes: ChangeFeed;
  /** The directory whose file system holds local artifacts or the embedded database; undefined when neither. */
  localDir: string | undefined;
}

/** Why the database cannot take reads and writes now, or undefined when it can (Fenfa's /healthz asks only this). */
export async function databaseProblem(db: Db): Promise<string | undefined> {
  try {
    const { rows } = await sql<{
      read_only: string;
    }>`select current_setting('transaction_read_only') as read_only`.execute(db);
    return rows[0]?.read_only === 'on' ? 'the database is read-only: writes fail' : undefined;
  } catch (err) {
    return `the database is unreachable (${(err as Error).message}): writes fail, update checks are answered from memory`;
  }
}

/**
 * Why the server cannot do all it should, in an operator's words; undefined when it can. Reads keep being
 * answered from memory through an outage, so this is what tells the truth: the database (reachable and
 * writable), the change listener, and the space that writes need.
 */
export async function degradedReasons(deps: HealthDeps): Promise<string[]> {
  const reasons: string[] = [];
  const database = await databaseProblem(deps.db);
  if (database) reasons.push(database);
  const since = deps.changes.disconnectedSince;
  if (since !== undefined) {
    reasons.push(
      `the change listener has been disconnected for ${Math.round((Date.now() - since) / 1000)} s: other instances' writes are not seen until it reconnects`,
    );
  }
  if (deps.localDir !== undefined) {
    try {
      const fs = await statfs(deps.localDir);
      const free = fs.bavail * fs.bsize;
      if (free < MIN_FREE_BYTES)
        reasons.push(`the disk is full (${free} bytes free in ${deps.localDir}): uploads fail`);
      else if (fs.files > 0 && fs.ffree === 0)
        reasons.push(`the disk has no free inodes in ${deps.localDir}: uploads fail`);
    } catch (err) {
      reasons.push(`${deps.localDir} cannot be read (${(err as Error).message})`);
    }
  }
  return reasons;
}
