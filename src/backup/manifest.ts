/** A backup or restore that cannot go ahead: the command stops with this one line, saying what to do. */
export class BackupError extends Error {}

/** The archive's first entry: restore reads it before it writes anything. */
export const MANIFEST_ENTRY = 'manifest.json';

const FORMAT = 'updraft-backup';
const FORMAT_VERSION = 1;

/** What a backup holds and which Updraft made it. */
export interface BackupManifest {
  format: typeof FORMAT;
  format_version: typeof FORMAT_VERSION;
  /** The version of the `updraft` that wrote the archive. */
  updraft_version: string;
  created_at: string;
  database: 'pglite';
  /** The migrations applied to the backed-up database, oldest first. */
  migrations: string[];
  /** Where the artifacts live: `local` ones are in the archive, `s3` ones are not (copy the buckets). */
  storage: 'local' | 's3';
  artifacts: { files: number; bytes: number };
  /** Secrets from DATA_DIR in the archive (jwt-secret signs sessions and URLs and seals report keys). */
  secrets: string[];
  /** JWT_SECRET was set when the backup was made: the server signs with it, and it is not in the archive. */
  jwt_secret_from_environment: boolean;
}

export function newManifest(fields: Omit<BackupManifest, 'format' | 'format_version'>): BackupManifest {
  return { format: FORMAT, format_version: FORMAT_VERSION, ...fields };
}

/** Reads a manifest, or says why `file` is not a backup this version can restore. */
export function parseManifest(file: string, raw: string): BackupManifest {
  let parsed: Partial<BackupManifest>;
  try {
    parsed = JSON.parse(raw) as Partial<BackupManifest>;
  } catch {
    throw notABackup(file);
  }
  if (parsed.format !== FORMAT || typeof parsed.format_version !== 'number') throw notABackup(file);
  if (parsed.format_version > FORMAT_VERSION) {
    throw new BackupError(
      `${file} was written by Updraft ${parsed.updraft_version} in a newer backup format: restore it with that version or later`,
    );
  }
  if (!Array.isArray(parsed.migrations) || !parsed.migrations.every((m) => typeof m === 'string')) {
    throw notABackup(file);
  }
  return parsed as BackupManifest;
}

export function notABackup(file: string): BackupError {
  return new BackupError(`${file} is not an Updraft backup: give a file written by \`updraft backup\``);
}
