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
 * Brings a backup written by `writeBackup` back into an empty DATA_DIR (the caller holds its lock). Nothing is
 * written before the manifest is read and found restorable by this version; the archive is unpacked aside (in a
 * folder inside DATA_DIR, so the final moves are renames) and moved into place only once it is whole, so a
 * restore that fails leaves DATA_DIR empty again. The server started next runs any newer migrations.
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
  const manifest = await readManifest(file);
  const unknown = manifest.migrations.filter((name) => !MIGRATION_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} holds a database migrated by Updraft ${manifest.updraft_version} (${unknown.join(', ')}), which Updraft ${updraftVersion()} does not know: restore it with Updraft ${manifest.updraft_version} or later`,
    );
  }

  const staging = await mkdtemp(join(dataDir, '.restore-'));
  const moved: string[] = [];
  try {
    const artifacts = { files: 0, bytes: 0 };
    await extract({
      file,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      filter: (path, entry) => {
        if (!wanted(path) || !('type' in entry) || !EXTRACTED_TYPES.has(entry.type)) return false;
        if (entry.type === 'File' && path.startsWith(`${ARTIFACTS_DIR}/`)) {
          artifacts.files++;
          artifacts.bytes += entry.size;
        }
        return true;
      },
    });
    if (!existsSync(join(staging, DATABASE_DIR, 'PG_VERSION'))) throw notABackup(file);
    if (artifacts.files !== manifest.artifacts.files || artifacts.bytes !== manifest.artifacts.bytes) {
      throw new BackupError(
        `${file} is incomplete: it holds ${artifacts.files} artifact files of the ${manifest.artifacts.files} it was written with; restore an intact copy`,
      );
    }
    for (const name of await readdir(staging)) {
      await rename(join(staging, name), join(dataDir, name));
      moved.push(name);
    }
    for (const name of SECRET_FILES) {
      if (existsSync(join(dataDir, name))) await chmod(join(dataDir, name), 0o600);
    }
    return { manifest };
  } catch (err) {
    for (const name of moved) await rm(join(dataDir, name), { recursive: true, force: true });
    throw err;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Checked before DATA_DIR is locked (which creates it), so that a mistyped name leaves nothing behind. */
export function assertArchiveExists(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError(`${file} does not exist: give the path of a file written by \`updraft backup\``);
  }
}

/** The entries restore writes: anything else in the archive is left out. */
function wanted(path: string): boolean {
  const clean = path.replace(/\/+$/, '');
  return (
    SECRET_FILES.includes(clean) ||
    [DATABASE_DIR, ARTIFACTS_DIR].some((dir) => clean === dir || clean.startsWith(`${dir}/`))
  );
}

/** Reads only the archive's first entry, which must be the manifest, and stops reading there. */
function readManifest(file: string): Promise<BackupManifest> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file);
    const parser = new Parser({ strict: true });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      input.destroy();
      fn();
    };
    parser.on('entry', (entry: ReadEntry) => {
      if (settled || entry.path !== MANIFEST_ENTRY) {
        entry.resume();
        settle(() => reject(notABackup(file)));
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () =>
        settle(() => {
          try {
            resolve(parseManifest(file, Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            reject(err);
          }
        }),
      );
    });
    parser.on('error', () => settle(() => reject(notABackup(file))));
    parser.on('end', () => settle(() => reject(notABackup(file))));
    input.on('error', (err) => settle(() => reject(err)));
    input.pipe(parser);
  });
}
