import { readFile } from 'node:fs/promises';
import { type KyselyPlugin, sql } from 'kysely';
import { inject } from 'vitest';
import { type Db, type DbHandle, openPglite } from '../../src/db/connect.js';

/**
 * The embedded databases of a test worker. Opening one from the run's migrated snapshot costs about 0.6 s of CPU
 * (PGlite unpacks its files and starts PostgreSQL), emptying one a few milliseconds; vitest keeps this module between
 * the files of a worker (isolate: false), so a closed test app's database is emptied and lent to the next one.
 *
 * A database given back is reused only when its schema is the migrated one (a test that changed it and did not
 * change it back leaves it to be closed), and it is emptied the way a new one is: every table but the migration
 * records truncated, identities restarted, the session reset. A closed app that still queries its database fails
 * loudly instead of writing into the next test's.
 */

interface Engine {
  handle: DbHandle;
  /** The error listeners of the app the engine is lent to now. */
  listeners: ((err: unknown) => void)[];
}

/** What a new database looks like: its schema's fingerprint, and the statement that empties it. */
interface Reference {
  fingerprint: string;
  empty: string;
}

/** At most this many emptied databases wait per worker; more are closed. */
const IDLE_MAX = 2;
const idle: Engine[] = [];
let snapshot: Promise<Blob> | undefined;
let reference: Promise<Reference> | undefined;

/** The migrated empty database the global set-up made for this run (test/global-setup.ts). */
export function migratedSnapshot(): Promise<Blob> {
  snapshot ??= readFile(inject('pgliteSnapshot')).then((bytes) => new Blob([bytes]));
  return snapshot;
}

/** Tables, columns, constraints, indexes, triggers and functions of the public schema, as one hash. */
async function fingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ hash: string }>`
    select md5(string_agg(item, '|' order by item)) as hash from (
      select c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull
        || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') as item
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where c.relnamespace = 'public'::regnamespace and a.attnum > 0 and not a.attisdropped
      union all
      select conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace
      union all
      select indexdef from pg_indexes where schemaname = 'public'
      union all
      select tgrelid::regclass::text || ':' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
      union all
      select proname || '(' || pg_get_function_identity_arguments(oid) || '):' || md5(prosrc)
      from pg_proc where pronamespace = 'public'::regnamespace
    ) schema`.execute(db);
  return rows[0]?.hash ?? '';
}

async function describeNew(db: Db): Promise<Reference> {
  const { rows } = await sql<{ name: string }>`
    select quote_ident(tablename) as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_migration%' order by tablename`.execute(db);
  return {
    fingerprint: await fingerprint(db),
    empty: `TRUNCATE TABLE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`,
  };
}

async function openEngine(): Promise<Engine> {
  const handle = await openPglite(undefined, { snapshot: await migratedSnapshot() });
  const engine: Engine = { handle, listeners: [] };
  handle.onError((err) => {
    for (const listener of engine.listeners) listener(err);
  });
  reference ??= describeNew(handle.db);
  await reference;
  return engine;
}

/** Empties the engine for the next app, or closes it when its schema was changed or enough wait already. */
async function giveBack(engine: Engine): Promise<void> {
  try {
    const { fingerprint: expected, empty } = await (reference as Promise<Reference>);
    if (idle.length < IDLE_MAX && (await fingerprint(engine.handle.db)) === expected) {
      await sql.raw(empty).execute(engine.handle.db);
      await sql`DISCARD ALL`.execute(engine.handle.db);
      idle.push(engine);
      return;
    }
  } catch {
    // Closed below: a database that cannot be emptied is not lent again.
  }
  await engine.handle.close();
}

/** An empty migrated embedded database; closing the handle gives it back to the worker's pool. */
export async function lendEmbeddedDatabase(): Promise<DbHandle> {
  const engine = idle.pop() ?? (await openEngine());
  const listeners: ((err: unknown) => void)[] = [];
  engine.listeners = listeners;
  let closed = false;
  const guard: KyselyPlugin = {
    transformQuery({ node }) {
      if (closed)
        throw new Error('a closed test app queried its database, which another test app may have now');
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return {
    ...engine.handle,
    db: engine.handle.db.withPlugin(guard),
    onError: (listener) => listeners.push(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      await giveBack(engine);
    },
  };
}
