#!/usr/bin/env node
import { createServer } from 'node:http';
import { pino } from 'pino';
import { backupCommand, restoreCommand } from './backup/commands.js';
import { BackupError } from './backup/manifest.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type AppContext, closeContext, openContext } from './context.js';
import { createAdmin } from './core/accounts.js';
import { prepareSignupKey } from './core/auth/signup-key.js';
import { DomainError } from './core/errors.js';
import { openDatabase } from './db/connect.js';
import { DataDirInUseError, DataDirLock } from './db/data-dir-lock.js';
import { migrateToLatest } from './db/migrations.js';
import { buildHandler } from './server.js';
import { updraftVersion } from './version.js';

const USAGE = `usage: updraft [serve | migrate | create-admin <username> | backup <file> | restore <file> | --version]
  serve                    start the server (default)
  migrate                  apply database migrations and exit
  create-admin <username>  create an admin (tenant); the password is read from UPDRAFT_ADMIN_PASSWORD or stdin
  backup <file>            write the embedded database, secrets and local artifacts to a .tar (.tar.gz: compressed);
                           the server must be stopped
  restore <file>           bring a backup back into an empty DATA_DIR; then start the server
  -v, --version            print the version`;

async function readPassword(): Promise<string> {
  if (process.env.UPDRAFT_ADMIN_PASSWORD) return process.env.UPDRAFT_ADMIN_PASSWORD;
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  return input.split(/\r?\n/)[0] ?? '';
}

function printSignupHelp(ctx: AppContext, key: string): void {
  const body = JSON.stringify({ username: 'admin', password: 'choose-a-strong-password', api_key: key });
  process.stdout.write(
    `\nNo admin exists yet. Create the first one (this one-time key is also kept in ${ctx.config.dataDir}/signup-key):\n\n` +
      `  curl -X POST ${ctx.config.apiUrl}/signup -H 'Content-Type: application/json' -d '${body}'\n\n`,
  );
}

/**
 * With the embedded database, one process at a time owns DATA_DIR (see DataDirLock); with a PostgreSQL server,
 * several instances and commands may run side by side.
 */
function lockDataDir(config: Config, command: string, hint: string): DataDirLock | undefined {
  return config.databaseUrl ? undefined : DataDirLock.acquire(config.dataDir, command, hint);
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'password', 'api_key'],
  });
  const lock = lockDataDir(
    config,
    'updraft serve',
    'run one server per DATA_DIR (or give each its own DATA_DIR, or share a PostgreSQL server with DATABASE_URL)',
  );
  let ctx: AppContext;
  try {
    ctx = await openContext(config, logger);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const key = await prepareSignupKey(config, ctx.database.db);
  const server = createServer(buildHandler(ctx));
  server.requestTimeout = 0; // large uploads may take longer than Node's default 5 minutes
  server.listen(config.port, config.host, () => {
    logger.info(
      { port: config.port, database: ctx.database.kind, storage: ctx.store.driver, dataDir: config.dataDir },
      `Updraft listening on ${config.apiUrl}`,
    );
    if (key) printSignupHelp(ctx, key);
  });
  const stop = () => {
    logger.info('shutting down');
    server.close(() => {
      closeContext(ctx).finally(() => {
        lock?.release();
        process.exit(0);
      });
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  // A starting server migrates by itself; a running one owns the files.
  const lock = lockDataDir(config, 'updraft migrate', 'the running server has already migrated the database');
  try {
    const db = await openDatabase(config.databaseUrl, config.dataDir);
    let applied: string[];
    try {
      applied = await migrateToLatest(db.db as never);
    } finally {
      await db.close();
    }
    // Said only once the database is closed, so that what it reports is on disk.
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  } finally {
    lock?.release();
  }
}

async function createAdminCommand(username: string | undefined): Promise<void> {
  if (!username) throw new ConfigError(`create-admin needs a username\n${USAGE}`);
  const config = loadConfig();
  const lock = lockDataDir(
    config,
    'updraft create-admin',
    'stop the server first, or create the admin through it (POST /signup with the sign-up key)',
  );
  try {
    const ctx = await openContext(config, pino({ level: 'warn' }));
    try {
      await createAdmin(ctx.database.db, config, { username, password: await readPassword() });
    } finally {
      await closeContext(ctx);
    }
    // Said only once the database is closed, so that the admin it reports is on disk.
    process.stdout.write(`admin ${username} created\n`);
  } finally {
    lock?.release();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return migrate();
    case 'create-admin':
      return createAdminCommand(rest[0]);
    case 'backup':
      return backupCommand(rest[0]);
    case 'restore':
      return restoreCommand(rest[0]);
    case '-v':
    case '--version':
      process.stdout.write(`${updraftVersion()}\n`);
      return;
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new ConfigError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    err instanceof DomainError ||
    err instanceof DataDirInUseError ||
    err instanceof BackupError
  ) {
    process.stderr.write(`updraft: ${err.message}\n`);
  } else {
    process.stderr.write(`updraft: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
