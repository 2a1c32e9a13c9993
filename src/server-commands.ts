import type { Server } from 'node:http';
import { readFirstLine } from './cli/prompt.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type AppContext, closeContext, openContext } from './context.js';
import { prepareSignupKey } from './core/auth/signup-key.js';
import { createAdmin } from './core/commands/create-admin.js';
import { databaseStartupError, openDatabase } from './db/connect.js';
import { DataDirLock } from './db/data-dir-lock.js';
import { migrateToLatest } from './db/migrations.js';
import { createHttpServer } from './http/shared/timeouts.js';
import { IMPORT_USAGE, parseImportArguments } from './import/faynosync/arguments.js';
import { formatSummary, importFaynosync } from './import/faynosync/index.js';
import { createLogger } from './logger.js';
import { buildHandler } from './server.js';

// The commands that run the server or work on its data directly: `serve`, `migrate`, `create-admin` (backup and
// restore are in backup/commands.ts). The command line (cli/program.ts) loads this module only for them.

async function readPassword(): Promise<string> {
  return process.env.UPDRAFT_ADMIN_PASSWORD || readFirstLine(process.stdin);
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

/** Listens, or stops start-up with one line when the address cannot be used. */
function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      if (err.code === 'EADDRINUSE') {
        reject(
          new ConfigError(
            `PORT=${config.port} is already in use on ${where}: stop the other server or choose another PORT`,
          ),
        );
      } else if (err.code === 'EACCES') {
        reject(
          new ConfigError(
            `PORT=${config.port} needs privileges on ${where}: choose a PORT above 1023, or put a reverse proxy in front`,
          ),
        );
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        reject(
          new ConfigError(
            `HOST=${config.host} is not an address of this machine: use 0.0.0.0, 127.0.0.1 or one of its addresses`,
          ),
        );
      } else {
        reject(err);
      }
    };
    server.once('error', failed);
    server.listen(config.port, config.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

export async function serve(envFile: string | undefined): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
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
  const server = createHttpServer(buildHandler(ctx), config);
  let key: string | undefined;
  try {
    // Not a reason to refuse to start: a CDN in front of a private bucket may hold credentials of its own.
    const publicReadWarning = await ctx.store.checkPublicRead?.();
    if (publicReadWarning) logger.warn(publicReadWarning);
    key = await prepareSignupKey(config, ctx.database.db);
    await listen(server, config);
  } catch (err) {
    await closeContext(ctx).catch(() => undefined);
    lock?.release();
    throw err;
  }
  logger.info(
    {
      port: config.port,
      database: ctx.database.kind,
      storage: ctx.store.driver,
      dataDir: config.dataDir,
      ...(envFile ? { envFile } : {}),
    },
    `Updraft listening on ${config.apiUrl}`,
  );
  if (key) printSignupHelp(ctx, key);
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

export async function migrate(): Promise<void> {
  const config = loadConfig();
  // A starting server migrates by itself; a running one owns the files.
  const lock = lockDataDir(config, 'updraft migrate', 'the running server has already migrated the database');
  try {
    const db = await openDatabase(config.databaseUrl, config.dataDir);
    let applied: string[];
    try {
      applied = await migrateToLatest(db.db as never);
    } catch (err) {
      throw databaseStartupError(err, config.databaseUrl);
    } finally {
      await db.close();
    }
    // Said only once the database is closed, so that what it reports is on disk.
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  } finally {
    lock?.release();
  }
}

export async function createAdminCommand(username: string): Promise<void> {
  const config = loadConfig();
  const lock = lockDataDir(
    config,
    'updraft create-admin',
    'stop the server first, or create the admin through it (POST /signup with the sign-up key)',
  );
  try {
    const ctx = await openContext(config, createLogger('warn'));
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

/** `updraft import faynosync …`: its own arguments (import/faynosync/arguments.ts), into a stopped server's data. */
export async function importCommand(args: string[]): Promise<void> {
  const parsed = parseImportArguments(args);
  if (parsed === 'help') {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const lock = lockDataDir(
    config,
    'updraft import',
    'stop the server first: the importer writes into its data',
  );
  try {
    const ctx = await openContext(config, createLogger('warn'));
    let summary: Awaited<ReturnType<typeof importFaynosync>>;
    try {
      summary = await importFaynosync(parsed.options, ctx);
    } finally {
      await closeContext(ctx);
    }
    process.stdout.write(parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  } finally {
    lock?.release();
  }
}
