import { createWriteStream, existsSync } from 'node:fs';
import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import { Header, Pack, ReadEntry } from 'tar';
import type { Config } from '../config.js';
import { openPglite } from '../db/connect.js';
import { updraftVersion } from '../version.js';
import { BackupError, type BackupManifest, MANIFEST_ENTRY, newManifest } from './manifest.js';

/** What DATA_DIR holds that a restored server needs; config.ts keeps the generated JWT secret in `jwt-secret`. */
export const DATABASE_DIR = 'pgdata';
export const ARTIFACTS_DIR = 'artifacts';
export const SECRET_FILES: readonly string[] = ['jwt-secret'];
/** The local store's writes in progress: never part of a release, and swept away at start-up. */
const STORE_TEMP = `${ARTIFACTS_DIR}/.tmp`;

export interface BackupOptions {
  /** JWT_SECRET was set for the server: the archive cannot hold it, the operator must keep it. */
  jwtSecretFromEnvironment: boolean;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Writes the embedded setup of `config.dataDir` into one tar archive (gzip-compressed when `file` ends in .gz or
 * .tgz): a manifest first, then the database's files, the generated secrets and the local artifacts.
 *
 * The caller holds DATA_DIR's lock, so no server writes while the files are read: a copy of the stopped
 * database's directory is consistent, and every artifact a database row names is on disk (a release's files are
 * promoted before its row commits). The database is opened once first, to read which migrations it has (and to
 * replay its log if its last server was killed); it is then copied file by file rather than through PGlite's
 * dumpDataDir, which would build the whole database as one Blob in memory.
 */
export async function writeBackup(
  config: Config,
  file: string,
  options: BackupOptions,
): Promise<BackupResult> {
  const dataDir = config.dataDir;
  const out = resolve(file);
  if (out === dataDir || out.startsWith(`${dataDir}${sep}`)) {
    throw new BackupError(`${file} is inside DATA_DIR ${dataDir}: write the backup somewhere else`);
  }
  if (!existsSync(dirname(out))) {
    throw new BackupError(`${dirname(out)} does not exist: create it, or give the backup another path`);
  }
  if (!existsSync(join(dataDir, DATABASE_DIR, 'PG_VERSION'))) {
    throw new BackupError(
      `DATA_DIR ${dataDir} holds no embedded database: set DATA_DIR to the server's data directory`,
    );
  }
  const migrations = await appliedMigrations(dataDir);
  const withArtifacts = config.storageDriver === 'local' && existsSync(join(dataDir, ARTIFACTS_DIR));
  const secrets = SECRET_FILES.filter((name) => existsSync(join(dataDir, name)));
  const manifest = newManifest({
    updraft_version: updraftVersion(),
    created_at: new Date().toISOString(),
    database: 'pglite',
    migrations,
    storage: config.storageDriver,
    // Counted before packing (nothing changes them while the lock is held), so restore can check it got them all.
    artifacts: withArtifacts ? await countFiles(dataDir, ARTIFACTS_DIR) : { files: 0, bytes: 0 },
    secrets,
    jwt_secret_from_environment: options.jwtSecretFromEnvironment,
  });

  const pack = new Pack({
    cwd: dataDir,
    // No owner ids: the files belong to whoever restores them (the user the server runs as).
    portable: true,
    // An unreadable file fails the backup instead of being left out of it.
    strict: true,
    filter: (path: string) => !isStoreTemp(path),
  });
  const partial = `${out}.partial-${process.pid}`;
  try {
    const sink = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
    const written = /\.(gz|tgz)$/i.test(out) ? pipeline(pack, createGzip(), sink) : pipeline(pack, sink);
    pack.add(manifestEntry(manifest));
    pack.add(DATABASE_DIR);
    for (const name of secrets) pack.add(name);
    if (withArtifacts) pack.add(ARTIFACTS_DIR);
    pack.end();
    await written;
    // On disk before it takes its final name: a crash never leaves a truncated file that looks complete.
    const handle = await open(partial, 'r');
    let bytes: number;
    try {
      await handle.sync();
      bytes = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await rename(partial, out);
    return { file: out, bytes, manifest };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

function isStoreTemp(path: string): boolean {
  return path === STORE_TEMP || path.startsWith(`${STORE_TEMP}/`);
}

/** The names in the database's migration table, oldest first (none if it was never migrated). */
async function appliedMigrations(dataDir: string): Promise<string[]> {
  const handle = await openPglite(dataDir);
  try {
    const table = await sql<{
      found: string | null;
    }>`select to_regclass('kysely_migration')::text as found`.execute(handle.db);
    if (!table.rows[0]?.found) return [];
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      handle.db,
    );
    return rows.rows.map((r) => r.name);
  } finally {
    await handle.close();
  }
}

/** Regular files under `dir` (relative to `root`) and their total size, as the archive will hold them. */
async function countFiles(root: string, dir: string): Promise<{ files: number; bytes: number }> {
  const total = { files: 0, bytes: 0 };
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (isStoreTemp(path)) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        total.files++;
        total.bytes += (await lstat(join(root, path))).size;
      }
    }
  };
  await walk(dir);
  return total;
}

/** The manifest as the archive's first entry (a tar entry made from memory rather than from a file). */
function manifestEntry(manifest: BackupManifest): ReadEntry {
  const body = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const entry = new ReadEntry(
    new Header({ path: MANIFEST_ENTRY, type: 'File', size: body.length, mode: 0o600, mtime: new Date() }),
  );
  entry.end(body);
  return entry;
}
