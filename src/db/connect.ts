import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { LogEvent, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { ConfigError } from '../config-error.js';
import { loadPg } from './pg.js';
import { describePostgresError } from './postgres-errors.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Closes the pool or the embedded engine. */
  close(): Promise<void>;
  /** Embedded engine only: the whole database as a tarball, which `openPglite(undefined, {snapshot})` opens again. */
  snapshot?(): Promise<Blob>;
  /** Calls `listener` with every failed query, and (PostgreSQL) every failed attempt to get a connection. */
  onError(listener: (err: unknown) => void): void;
}

/** A handle's error listeners; Kysely reports failed queries through its `log` option. */
class ErrorListeners {
  private readonly listeners: ((err: unknown) => void)[] = [];

  add = (listener: (err: unknown) => void): void => {
    this.listeners.push(listener);
  };

  report = (err: unknown): void => {
    for (const listener of this.listeners) listener(err);
  };

  log = (event: LogEvent): void => {
    if (event.level === 'error') this.report(event.error);
  };
}

type Command = PostgresQueryResult<unknown>['command'];
const COMMANDS = new Set(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK']);

/**
 * PGlite is one connection. Kysely asks a pool for connections, so this pool hands out that one
 * connection to one borrower at a time: a transaction is never interleaved with another query.
 */
class PgliteSingleConnectionPool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly engine: PGlite) {}

  connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const acquired = this.queue.then(() => client);
    this.queue = this.queue.then(() => released);
    const engine = this.engine;
    const client = {
      async query(sql: string, parameters: ReadonlyArray<unknown>) {
        const result = await engine.query(sql, parameters as unknown[]);
        const first = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
        const command = (
          COMMANDS.has(first) ? first : (result.affectedRows ?? 0) > 0 ? 'UPDATE' : 'SELECT'
        ) as Command;
        return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release() {
        release();
      },
    } as unknown as PostgresPoolClient;
    return acquired;
  }

  async end(): Promise<void> {
    await this.engine.close();
  }
}

/**
 * PostgreSQL's settings for a small embedded server: PGlite reserves its whole shared buffer pool inside the
 * process, and the default 128 MB alone puts an idle server near 300 MB RSS.
 */
const SMALL_SERVER = ['-c', 'shared_buffers=16MB', '-c', 'temp_buffers=1MB', '-c', 'work_mem=2MB'];

/**
 * V8 compiles the engine's WebAssembly with its baseline compiler only: the optimising tier keeps about 60 MB more
 * resident and, measured on two cores, made queries no faster (their cost is mostly the engine's own interpreter
 * loop and the JS protocol around it). Set before the module is compiled; it applies to WebAssembly alone.
 */
function baselineWasmOnly(): void {
  setFlagsFromString('--liftoff-only');
}

function startParams(): string[] {
  return [...PGlite.defaultStartParams, ...SMALL_SERVER];
}

function pgliteOptions(extra: PGliteOptions = {}): PGliteOptions {
  baselineWasmOnly();
  return { ...extra, startParams: startParams() };
}

/**
 * Creates a new data directory. PGlite runs initdb in a second engine and then opens the result in the first: the
 * two share one compiled module and one file bundle here instead of loading their own, and the first starts with
 * the small server's settings.
 */
const INITDB_SCRIPT = `
const [pglite, dir, startParams] = process.argv.slice(1);
const { PGlite } = await import(pglite);
const { readFile } = await import('node:fs/promises');
const file = (name) => readFile(new URL(name, pglite));
const [pgliteWasmModule, initdbWasmModule, fsBundle] = await Promise.all([
  file('pglite.wasm').then((bytes) => WebAssembly.compile(bytes)),
  file('initdb.wasm').then((bytes) => WebAssembly.compile(bytes)),
  file('pglite.data').then((bytes) => new Blob([bytes])),
]);
const db = await PGlite.create(dir, {
  pgliteWasmModule, initdbWasmModule, fsBundle, startParams: JSON.parse(startParams),
});
await db.close();
`;

/**
 * Creates a new data directory in a short-lived child process. initdb runs inside the engine's WebAssembly memory,
 * which never shrinks: done in the server's own process it would leave the server at about 800 MB for good. The
 * child, too, compiles the engine with V8's baseline tier only (see baselineWasmOnly): initdb is done sooner.
 */
function initdbInChild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--liftoff-only',
        '--input-type=module',
        '-e',
        INITDB_SCRIPT,
        import.meta.resolve('@electric-sql/pglite'),
        dir,
        JSON.stringify(startParams()),
      ],
      (err, _stdout, stderr) => {
        if (err)
          reject(
            new Error(`could not create the embedded database in ${dir}: ${stderr.trim() || err.message}`),
          );
        else resolve();
      },
    );
  });
}

/** Node's global WebAssembly, which the DOM library declares and tsconfig's libraries do not. */
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<PGliteOptions['pgliteWasmModule']> };

/**
 * The engine's compiled module and file bundle, which PGlite would otherwise load itself once it is created: read
 * and compiled while a child creates the data directory, on the other core.
 */
async function engineFiles(): Promise<Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>> {
  baselineWasmOnly();
  const file = (name: string) => readFile(new URL(name, import.meta.resolve('@electric-sql/pglite')));
  const [pgliteWasmModule, fsBundle] = await Promise.all([
    file('pglite.wasm').then((bytes) => WebAssembly.compile(bytes)),
    file('pglite.data').then((bytes) => new Blob([bytes])),
  ]);
  return { pgliteWasmModule, fsBundle };
}

/**
 * An embedded database in `dataDir`, or in memory when dataDir is undefined (tests), optionally started from a
 * snapshot made by `DbHandle.snapshot` (tests: one initdb and one migration run per test run, not per file).
 */
export async function openPglite(
  dataDir: string | undefined,
  options: { snapshot?: Blob } = {},
): Promise<DbHandle> {
  let engine: PGlite;
  if (dataDir) {
    const dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    const files = engineFiles();
    // Awaited below, after the child: a failure to read the engine must not go unhandled meanwhile.
    files.catch(() => {});
    if (!existsSync(join(dir, 'PG_VERSION'))) await initdbInChild(dir);
    engine = await PGlite.create(dir, pgliteOptions(await files));
  } else {
    engine = await PGlite.create(pgliteOptions(options.snapshot ? { loadDataDir: options.snapshot } : {}));
  }
  return pgliteHandle(engine);
}

function pgliteHandle(engine: PGlite): DbHandle {
  const errors = new ErrorListeners();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new PgliteSingleConnectionPool(engine) }),
    log: errors.log,
  });
  return {
    db,
    kind: 'pglite',
    close: () => db.destroy(),
    snapshot: () => engine.dumpDataDir('none'),
    onError: errors.add,
  };
}

export function openPostgres(url: string): DbHandle {
  // A server out of reach must fail a query within seconds (then 503 or a stale answer), not hang it.
  const pool = new (loadPg().Pool)({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const errors = new ErrorListeners();
  // A server out of reach fails at connect, before any query that Kysely's log would report.
  const counted: PostgresPool = {
    connect: () =>
      pool.connect().catch((err: unknown) => {
        errors.report(err);
        throw err;
      }),
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: counted }), log: errors.log });
  return { db, kind: 'postgres', close: () => db.destroy(), onError: errors.add };
}

/** An error about DATABASE_URL (no such database, refused password, no server) as one ConfigError line. */
export function databaseStartupError(err: unknown, databaseUrl: string | undefined): unknown {
  if (!databaseUrl || err instanceof ConfigError) return err;
  const line = describePostgresError(err, databaseUrl);
  return line ? new ConfigError(line) : err;
}

/**
 * Opens the embedded database, or a PostgreSQL server after one round trip: the pool connects lazily, and a server
 * that cannot be used should stop start-up with one line rather than fail the first query.
 */
export async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<DbHandle> {
  if (!databaseUrl) return openPglite(dataDir);
  const handle = openPostgres(databaseUrl);
  try {
    await sql`select 1`.execute(handle.db);
  } catch (err) {
    await handle.close();
    throw databaseStartupError(err, databaseUrl);
  }
  return handle;
}
