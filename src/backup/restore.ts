import { createReadStream, existsSync, statSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extract, Parser, type ReadEntry } from 'tar';
import type { Config } from '../config.js';
import { LOCK_FILE } from '../db/data-dir-lock.js';
import { MIGRATION_NAMES } from '../db/migrations.js';
import { updraftVersion } from '../version.js';
import { ARTIFACTS_DIR, DATABASE_DIR, SECRET_FILES } from './backup.js';
import { BackupError, type BackupManifest, MANIFEST_ENTRY, notABackup, parseManifest } from './manifest.js';

export interface RestoreResult {
  manifest: BackupManifest;
}

/** Plain files and folders only: an archive of ours holds no links or devices. */
const EXTRACTED_TYPES = new Set(['File', 'Directory']);

/**
 * Brings a backup written by `writeBackup` back into an empty DATA_DIR (the caller holds its lock). The whole
 * archive is read and checked before anything is written (its manifest first, so that a file of another kind is
 * refused at once; then every entry, so that a cut or damaged copy is refused whole); it is then unpacked aside,
 * in a folder inside DATA_DIR so that the final moves are renames, and moved into place only once it is all there.
 * A restore that fails leaves DATA_DIR empty again. The server started next applies any newer migrations.
 */
export async function restoreBackup(config: Config, file: string): Promise<RestoreResult> {
  const dataDir = config.dataDir;
  assertArchiveExists(file);
  const present = (await readdir(dataDir)).filter(
    (name) => name !== LOCK_FILE && !name.startsWith(`${LOCK_FILE}.`),
  );
  if (present.length > 0) {
    const shown = present.slice(0, 3).join(', ') + (present.length > 3 ? ', …' : '');
    throw new BackupError(
      `DATA_DIR ${dataDir} is not empty (it holds ${shown}): restore into a new or empty directory, or move this one aside`,
    );
  }
  const { manifest } = await verifyArchive(file);

  const staging = await mkdtemp(join(dataDir, '.restore-'));
  const moved: string[] = [];
  try {
    await extract({
      file,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      filter: (path, entry) => wanted(path) && 'type' in entry && EXTRACTED_TYPES.has(entry.type),
    });
    for (const name of await readdir(staging)) {
      await rename(join(staging, name), join(dataDir, name));
      moved.push(name);
    }
    for (const name of SECRET_FILES) {
      if (existsSync(join(dataDir, name))) await chmod(join(dataDir, name), 0o600);
    }
    return { manifest };
  } catch (err) {
    for (const name of moved) await removeQuietly(join(dataDir, name));
    throw err;
  } finally {
    await removeQuietly(staging);
  }
}

/** Checked before DATA_DIR is locked (which creates it), so that a mistyped name leaves nothing behind. */
export function assertArchiveExists(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError(`${file} does not exist: give the path of a file written by \`updraft backup\``);
  }
}

/** Best effort: a write of the failed unpacking may still be settling (ENOTEMPTY is retried). */
async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }).catch(() => {});
}

/** The entries restore writes: anything else in the archive is left out. */
function wanted(path: string): boolean {
  const clean = path.replace(/\/+$/, '');
  return (
    SECRET_FILES.includes(clean) ||
    [DATABASE_DIR, ARTIFACTS_DIR].some((dir) => clean === dir || clean.startsWith(`${dir}/`))
  );
}

/**
 * Reads the whole archive without writing anything: the manifest must come first and be restorable by this
 * version, the database must be there, and the artifacts must be all those the backup counted.
 */
function verifyArchive(file: string): Promise<{ manifest: BackupManifest }> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file);
    const parser = new Parser({ strict: true });
    let manifest: BackupManifest | undefined;
    let database = false;
    const artifacts = { files: 0, bytes: 0 };
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      input.destroy();
      reject(err);
    };
    const damaged = (why: string) =>
      new BackupError(`${file} is damaged or incomplete (${why}): restore an intact copy of the backup`);

    parser.on('entry', (entry: ReadEntry) => {
      if (!manifest) {
        entry.resume();
        if (entry.path !== MANIFEST_ENTRY) return fail(notABackup(file));
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => {
          try {
            manifest = restorable(file, parseManifest(file, Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            fail(err as Error);
          }
        });
        return;
      }
      if (entry.path === `${DATABASE_DIR}/PG_VERSION`) database = true;
      if (entry.type === 'File' && entry.path.startsWith(`${ARTIFACTS_DIR}/`)) {
        artifacts.files++;
        artifacts.bytes += entry.size;
      }
      entry.resume();
    });
    parser.on('error', (err: Error) => fail(manifest ? damaged(err.message) : notABackup(file)));
    parser.on('end', () => {
      if (!manifest) return fail(notABackup(file));
      if (!database) return fail(damaged('it holds no database'));
      const expected = manifest.artifacts;
      if (artifacts.files !== expected.files || artifacts.bytes !== expected.bytes) {
        return fail(damaged(`${artifacts.files} of its ${expected.files} artifact files`));
      }
      settled = true;
      resolve({ manifest });
    });
    input.on('error', (err) => fail(err));
    input.pipe(parser);
  });
}

/** A backup whose database has migrations this build does not know was made by a newer Updraft. */
function restorable(file: string, manifest: BackupManifest): BackupManifest {
  const unknown = manifest.migrations.filter((name) => !MIGRATION_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} holds a database migrated by Updraft ${manifest.updraft_version} (${unknown.join(', ')}), which Updraft ${updraftVersion()} does not know: restore it with Updraft ${manifest.updraft_version} or later`,
    );
  }
  return manifest;
}
