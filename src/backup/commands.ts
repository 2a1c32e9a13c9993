import { randomBytes } from 'node:crypto';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { DataDirLock } from '../db/data-dir-lock.js';
import { writeBackup } from './backup.js';
import { BackupError } from './manifest.js';
import { assertArchiveExists, restoreBackup } from './restore.js';

/** Where the README explains backups of both setups and upgrades. */
const README = 'README, "Backup, restore and upgrades"';

/**
 * The configuration of backup and restore, which sign nothing: a throwaway JWT secret keeps loadConfig from
 * minting DATA_DIR/jwt-secret, which would make an empty DATA_DIR non-empty or be backed up as the server's own.
 */
function embeddedOnlyConfig(command: string): Config {
  const config = loadConfig({ ...process.env, JWT_SECRET: randomBytes(24).toString('base64url') });
  if (config.databaseUrl) {
    throw new BackupError(
      `updraft ${command} covers the embedded database; with DATABASE_URL, use pg_dump/pg_restore and copy the buckets (${README})`,
    );
  }
  return config;
}

/** `updraft backup <file>`: the server must be stopped, as its lock on DATA_DIR tells. */
export async function backupCommand(file: string | undefined): Promise<void> {
  if (!file) throw new ConfigError('backup needs a file name: updraft backup <file.tar.gz>');
  const config = embeddedOnlyConfig('backup');
  const lock = DataDirLock.acquire(
    config.dataDir,
    'updraft backup',
    `stop the server first: the embedded setup is backed up while no server runs (${README})`,
  );
  try {
    const result = await writeBackup(config, file, {
      jwtSecretFromEnvironment: Boolean(process.env.JWT_SECRET),
    });
    const { manifest } = result;
    const artifacts =
      manifest.storage === 's3'
        ? 'artifacts are in S3: copy the buckets too'
        : `${manifest.artifacts.files} artifact files`;
    process.stdout.write(
      `backup written to ${result.file} (${result.bytes} bytes: database at ${manifest.migrations.at(-1) ?? 'no migration'}, ${artifacts})\n`,
    );
    if (manifest.jwt_secret_from_environment) {
      process.stdout.write(
        'JWT_SECRET is set in the environment and not in the backup: keep it with the backup\n',
      );
    }
  } finally {
    lock.release();
  }
}

/** `updraft restore <file>`: into an empty DATA_DIR that no server uses. */
export async function restoreCommand(file: string | undefined): Promise<void> {
  if (!file) throw new ConfigError('restore needs a file name: updraft restore <file.tar.gz>');
  const config = embeddedOnlyConfig('restore');
  assertArchiveExists(file);
  const lock = DataDirLock.acquire(
    config.dataDir,
    'updraft restore',
    'stop the server and restore into an empty DATA_DIR',
  );
  try {
    const { manifest } = await restoreBackup(config, file);
    process.stdout.write(
      `restored the backup of ${manifest.created_at} (Updraft ${manifest.updraft_version}) into ${config.dataDir}: start the server, it applies newer migrations itself\n`,
    );
    if (manifest.jwt_secret_from_environment) {
      process.stdout.write(
        'this backup was made with JWT_SECRET set: start the server with the same JWT_SECRET\n',
      );
    }
  } finally {
    lock.release();
  }
}
