import { sql } from 'kysely';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp, usingPostgres } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { lendEmbeddedDatabase } from '../helpers/pglite-pool.js';

/**
 * The embedded databases the test apps of a worker share one after another (test/helpers/pglite-pool.ts): a test
 * app must find one as new as if it had been opened from the migrated snapshot.
 */
describe.skipIf(usingPostgres)('the embedded test databases of a worker', () => {
  const count = async (db: Awaited<ReturnType<typeof lendEmbeddedDatabase>>['db']) =>
    (await sql<{ n: number }>`select count(*)::int as n from users`.execute(db)).rows[0]?.n;

  it('are lent again empty, with identities restarted, once an app is closed', async () => {
    const first = await createTestApp();
    const { token } = await newAdmin(first.app);
    const owner = (await request(first.app).get('/whoami').set(bearer(token)).expect(200)).body.id as string;
    await first.ctx.database.db.insertInto('fenfa_events').values(event(owner)).execute();
    const firstEvent = await first.ctx.database.db.selectFrom('fenfa_events').select('id').executeTakeFirst();
    expect(await count(first.ctx.database.db)).toBe(1);
    const lent = first.ctx.database;
    await first.close();

    const second = await createTestApp();
    try {
      expect(await count(second.ctx.database.db)).toBe(0);
      // The migration records stay: the app did not migrate again.
      const migrations = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
        second.ctx.database.db,
      );
      expect(migrations.rows[0]?.n).toBeGreaterThan(0);
      const { token: again } = await newAdmin(second.app);
      const owner = (await request(second.app).get('/whoami').set(bearer(again)).expect(200)).body
        .id as string;
      await second.ctx.database.db.insertInto('fenfa_events').values(event(owner)).execute();
      const restarted = await second.ctx.database.db
        .selectFrom('fenfa_events')
        .select('id')
        .executeTakeFirst();
      expect(restarted?.id).toBe(firstEvent?.id);
      // The closed app's handle refuses to query what is now another app's database.
      await expect(count(lent.db)).rejects.toThrow(/closed test app/);
    } finally {
      await second.close();
    }
  });

  it('are closed, not lent again, when a test changed the schema and left it so', async () => {
    const changed = await lendEmbeddedDatabase();
    await sql`ALTER TABLE users ADD COLUMN left_behind text`.execute(changed.db);
    await changed.close();
    for (let i = 0; i < 3; i++) {
      const next = await lendEmbeddedDatabase();
      const columns = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.columns
        where table_name = 'users' and column_name = 'left_behind'`.execute(next.db);
      expect(columns.rows[0]?.n).toBe(0);
      await next.close();
    }
  });
});

/** A row of the one table with an identity column. */
function event(tenantId: string) {
  return { tenant_id: tenantId, ts: new Date(), type: 'download' as const, extra: '{}' };
}
