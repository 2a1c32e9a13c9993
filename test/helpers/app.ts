import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { extract } from 'tar';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type AppContext, closeContext, openContext } from '../../src/context.js';
import { type DbHandle, openPostgres } from '../../src/db/connect.js';
import { createLogger } from '../../src/logger.js';
import { buildHandler } from '../../src/server.js';
import { checkResponses } from './openapi.js';
import { lendEmbeddedDatabase } from './pglite-pool.js';

export const TEST_SIGNUP_KEY = 'test-signup-key-0123456789';

/** `npm run test:postgres` sets UPDRAFT_TEST_DB=postgres: every test file then gets its own fresh database. */
export const usingPostgres = process.env.UPDRAFT_TEST_DB === 'postgres';
const adminUrl = process.env.UPDRAFT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface TestDatabase {
  handle: DbHandle;
  /** The server database's URL; undefined for the embedded one. */
  url: string | undefined;
  drop: () => Promise<void>;
}

/**
 * Gives a DATA_DIR for a spawned server (`node dist/main.js`) the run's migrated empty embedded database, as a
 * server that has started once leaves it: the server then opens it instead of running initdb, which costs seconds
 * on two cores. The walkthrough and the start-up bench still start on a new DATA_DIR. False when the suite runs on
 * PostgreSQL, which makes no embedded snapshot.
 */
export function seedDataDir(dataDir: string): boolean {
  const snapshot = inject('pgliteSnapshot');
  if (!existsSync(snapshot)) return false;
  const pgdata = join(dataDir, 'pgdata');
  mkdirSync(pgdata, { recursive: true });
  // PGlite names the entries from the root of the data directory ("/PG_VERSION"): tar makes them relative.
  extract({ file: snapshot, cwd: pgdata, sync: true, onwarn: () => {} });
  return true;
}

/** A new, empty database on the test PostgreSQL server, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `updraft_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function freshDatabase(): Promise<TestDatabase> {
  if (!usingPostgres) {
    return { handle: await lendEmbeddedDatabase(), url: undefined, drop: async () => {} };
  }
  const { url, drop } = await createPostgresDatabase();
  return { handle: openPostgres(url), url, drop };
}

export interface TestApp {
  /** The whole server's request listener (hot path + Express), for supertest; its JSON answers are checked against the OpenAPI document. */
  app: RequestListener;
  ctx: AppContext;
  dataDir: string;
  databaseUrl: string | undefined;
  close(): Promise<void>;
  /**
   * Stops this instance and starts a new one on the same DATA_DIR and database, as a server restart does (the
   * database outlives it, as a PostgreSQL server would); use the answer from then on, this one is closed.
   */
  restart(): Promise<TestApp>;
}

/**
 * A whole Updraft (fresh database, local storage in a temp dir) for one test file. With `sameDatabaseAs` it
 * is a second instance on another's PostgreSQL database, as a scaled-out deployment runs; with `databaseUrl` it
 * uses that PostgreSQL database (which the caller drops).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { sameDatabaseAs?: TestApp; databaseUrl?: string; logger?: Logger } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'updraft-test-'));
  const shared = options.databaseUrl ?? options.sameDatabaseAs?.databaseUrl;
  if (options.sameDatabaseAs && !shared) throw new Error('only a PostgreSQL database can be shared');
  const database: TestDatabase = shared
    ? { handle: openPostgres(shared), url: shared, drop: async () => {} }
    : await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(24).toString('base64url'),
    API_KEY: TEST_SIGNUP_KEY,
    API_URL: 'http://updraft.test',
    BCRYPT_COST: '4',
    // Lets the change feed LISTEN on the server database, as it does in production.
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const logger = options.logger ?? createLogger(process.env.UPDRAFT_TEST_LOG ?? 'silent');
  const start = async (): Promise<TestApp> => {
    const ctx = await openContext(config, logger, database.handle);
    return {
      app: checkResponses(buildHandler(ctx)),
      ctx,
      dataDir,
      databaseUrl: database.url,
      async close() {
        await closeContext(ctx);
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
      async restart() {
        await closeContext({ ...ctx, database: { ...ctx.database, close: async () => {} } });
        return start();
      },
    };
  };
  return start();
}
