import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { type AppContext, closeContext, openContext } from '../../src/context.js';
import { type DbHandle, openPglite, openPostgres } from '../../src/db/connect.js';
import { buildHandler } from '../../src/server.js';

export const TEST_SIGNUP_KEY = 'test-signup-key-0123456789';

/** `npm run test:postgres` sets UPDRAFT_TEST_DB=postgres: every test file then gets its own fresh database. */
export const usingPostgres = process.env.UPDRAFT_TEST_DB === 'postgres';
const adminUrl = process.env.UPDRAFT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freshDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (!usingPostgres) {
    const handle = await openPglite(undefined);
    return { handle, drop: async () => {} };
  }
  const name = `updraft_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  return {
    handle,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  /** The whole server's request listener (hot path + Express), for supertest. */
  app: RequestListener;
  ctx: AppContext;
  dataDir: string;
  close(): Promise<void>;
}

/** A whole Updraft (fresh database, local storage in a temp dir) for one test file. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'updraft-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(24).toString('base64url'),
    API_KEY: TEST_SIGNUP_KEY,
    API_URL: 'http://updraft.test',
    BCRYPT_COST: '4',
    ...env,
  });
  const { handle, drop } = await freshDatabase();
  const ctx = await openContext(config, pino({ level: process.env.UPDRAFT_TEST_LOG ?? 'silent' }), handle);
  return {
    app: buildHandler(ctx),
    ctx,
    dataDir,
    async close() {
      await closeContext(ctx);
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
