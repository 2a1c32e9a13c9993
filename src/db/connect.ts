import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Closes the pool or the embedded engine. */
  close(): Promise<void>;
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

/** An embedded database in `dataDir` (or in memory when dataDir is undefined, for tests). */
export async function openPglite(dataDir: string | undefined): Promise<DbHandle> {
  let engine: PGlite;
  if (dataDir) {
    const dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    engine = await PGlite.create(dir);
  } else {
    engine = await PGlite.create();
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new PgliteSingleConnectionPool(engine) }),
  });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export function openPostgres(url: string): DbHandle {
  // A server out of reach must fail a query within seconds (then 503 or a stale answer), not hang it.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(databaseUrl: string | undefined, dataDir: string): Promise<DbHandle> {
  return databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir);
}
