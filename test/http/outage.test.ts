import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, createTestApp, type TestApp, usingPostgres } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import { feedTenant, publisher, rawBody } from '../helpers/feeds.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload, zipLike } from '../helpers/fenfa.js';
import { createApp, upload } from '../helpers/releases.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

/** Polls `probe` until it returns true, for at most `ms`; answers whether it did. */
async function eventually(probe: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The database taken away under a running server (its network path cut, as when the database host goes down)
 * and given back: known update checks, feeds, feed files and Fenfa downloads keep their answers, marked stale, and
 * what the public pages and downloads count meanwhile is written once it is back; writes and
 * unknown questions answer 503 with Retry-After; /health says degraded; everything recovers without a restart.
 */
describe.runIf(usingPostgres)('a database outage', () => {
  let database: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let t: TestApp;
  let owner: string;
  let token: string;
  let base: string;
  let fenfaRelease: string;
  const apk = zipLike(4000);
  const installer = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 253));

  const check = (version = '0.9.0') =>
    request(t.app).get('/checkVersion').query({
      app_name: 'Steady',
      version,
      owner,
      channel: 'stable',
      platform: 'win32',
      arch: 'x64',
      updater: 'manual',
    });

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const target = new URL(database.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    t = await createTestApp({}, { databaseUrl: proxy.url(database.url) });
    const tenant = await feedTenant(t, {
      apps: ['Steady'],
      channels: ['stable'],
      platforms: { win32: ['electron-builder'] },
      archs: ['x64'],
    });
    owner = tenant.owner;
    token = tenant.token;
    const publish = publisher(t, token, {
      app_name: 'Steady',
      channel: 'stable',
      platform: 'win32',
      arch: 'x64',
    });
    await publish('1.0.0', [{ name: 'Steady Setup 1.0.0.exe', content: installer }]);
    base = `/update/${encodeURIComponent(owner)}/Steady/stable/win32/x64`;
    const fenfa = await fenfaTenant(t.app);
    const product = await createProduct(t.app, fenfa.adminToken, { name: 'Sturdy', slug: 'sturdy' });
    const variant = await createVariant(t.app, fenfa.adminToken, product, { platform: 'android' });
    const uploaded = await fenfaUpload(
      t.app,
      fenfa.uploadToken,
      { variant_id: variant, version: '1.0.0' },
      { name: 'sturdy.apk', content: apk },
    ).expect(201);
    fenfaRelease = uploaded.body.data.release.id as string;
  });

  afterAll(async () => {
    await proxy?.restore().catch(() => {});
    await t?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('keeps answering what it knew, refuses writes with 503, says degraded, and recovers by itself', async () => {
    const knownCheck = await check().expect(200);
    expect(knownCheck.body.update_available).toBe(true);
    const knownFeed = await request(t.app).get(`${base}/latest.yml`).expect(200);
    const fileUrl = `${base}/1.0.0/Steady%20Setup%201.0.0.exe`;
    await rawBody(request(t.app).get(fileUrl)).expect(200);
    await request(t.app).get('/health').expect(200, { status: 'healthy' });
    const visits = async () => {
      await t.ctx.counters.flush();
      const row = await t.ctx.database.db
        .selectFrom('page_events')
        .select((eb) => eb.fn.sum<number>('count').as('n'))
        .where('kind', '=', 'visit')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    };
    const page = `/products/${encodeURIComponent(owner)}/Steady`;
    await request(t.app).get(page).expect(200);
    const visitsBefore = await visits();
    const fenfaDownloads = async () => {
      await t.ctx.counters.flush();
      const counted = await t.ctx.database.db
        .selectFrom('fenfa_releases')
        .select('download_count')
        .where('artifact_id', '=', fenfaRelease.replace(/^rel_/, ''))
        .executeTakeFirstOrThrow();
      const events = await t.ctx.database.db
        .selectFrom('fenfa_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('type', '=', 'download')
        .where('release_id', '=', fenfaRelease)
        .executeTakeFirstOrThrow();
      return { count: counted.download_count, events: Number(events.n) };
    };
    const download = () => rawBody(request(t.app).get(`/d/${fenfaRelease}`));
    await download().expect(200);
    expect(await fenfaDownloads()).toEqual({ count: 1, events: 1 });

    await proxy.cut();
    try {
      // The listener notices at once (its socket is reset), so every kept answer is marked from now on.
      expect(await eventually(async () => t.ctx.changes.disconnectedSince !== undefined)).toBe(true);

      const during = await check().expect(200);
      expect(during.body).toEqual(knownCheck.body);
      expect(Number(during.headers['x-updraft-stale'])).toBeGreaterThanOrEqual(1);
      const feed = await request(t.app).get(`${base}/latest.yml`).expect(200);
      expect(feed.text).toBe(knownFeed.text);
      expect(feed.headers['x-updraft-stale']).toBeDefined();
      const file = await rawBody(request(t.app).get(fileUrl)).expect(200);
      expect((file.body as Buffer).equals(installer)).toBe(true);
      expect(file.headers['x-updraft-stale']).toBeDefined();
      // A question never asked before is answered from the kept catalog and index too.
      const other = await check('0.8.0').expect(200);
      expect(other.body.update_available).toBe(true);
      expect(other.headers['x-updraft-stale']).toBeDefined();

      // The download page is served from the kept release index; its visits are kept in memory meanwhile.
      await request(t.app).get(page).expect(200);
      await request(t.app).get(page).expect(200);
      await t.ctx.counters.flush();

      // A Fenfa download is found in the kept release index; it is counted in memory meanwhile.
      for (let i = 0; i < 2; i++) {
        const got = await download().expect(200);
        expect((got.body as Buffer).equals(apk)).toBe(true);
        expect(got.headers['x-updraft-stale']).toBeDefined();
      }
      await t.ctx.counters.flush();

      // What was never known cannot be answered: 503, with when to retry.
      const unknown = await request(t.app)
        .get('/checkVersion')
        .query({ app_name: 'Steady', version: '1.0.0', owner: 'nobody-known' })
        .expect(503);
      expect(unknown.headers['retry-after']).toBe('5');
      expect(unknown.body.error).toMatch(/database is unreachable/);

      const write = await request(t.app)
        .post('/channel/create')
        .set(bearer(token))
        .send({ channel: 'beta' })
        .expect(503);
      expect(write.headers['retry-after']).toBe('5');
      expect(write.body).toEqual({ error: 'the database is unreachable: try again in a few seconds' });
      const v1 = await request(t.app)
        .get('/v1/applications')
        .set('Authorization', `Bearer ${'k'.repeat(40)}`)
        .expect(503);
      expect(v1.headers['retry-after']).toBe('5');
      expect(v1.body.error.code).toBe('SERVICE_UNAVAILABLE');

      const health = await request(t.app).get('/health').expect(503);
      expect(health.body.status).toBe('degraded');
      expect(health.body.reason).toMatch(/database is unreachable/);
      expect(health.body.reason).toMatch(/change listener has been disconnected/);
    } finally {
      await proxy.restore();
    }

    // Back without a restart: the listener reconnects, writes go through, answers are current again.
    expect(await eventually(async () => (await request(t.app).get('/health')).status === 200, 15_000)).toBe(
      true,
    );
    // The visits counted during the outage are written once the database is back.
    expect(await visits()).toBe(visitsBefore + 2);
    expect(await fenfaDownloads()).toEqual({ count: 3, events: 3 });
    await createApp(t.app, token, 'After');
    const publish = publisher(t, token, {
      app_name: 'Steady',
      channel: 'stable',
      platform: 'win32',
      arch: 'x64',
    });
    await publish('1.1.0', [{ name: 'Steady Setup 1.1.0.exe', content: installer }]);
    const after = await check().expect(200);
    expect(after.body.update_url_exe).toMatch(/1\.1\.0/);
    expect(after.headers['x-updraft-stale']).toBeUndefined();
  });
});

/**
 * The change listener's own connection killed on the server (pg_terminate_backend): it reconnects by itself,
 * another instance's write is seen again, and in between the caches are used, not flushed on every request.
 */
describe.runIf(usingPostgres)('the change listener', () => {
  let first: TestApp;
  let second: TestApp;
  let owner: string;
  let token: string;

  const check = (t: TestApp) =>
    request(t.app).get('/checkVersion').query({ app_name: 'Heard', version: '0.9.0', owner }).expect(200);

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({}, { sameDatabaseAs: first });
    const tenant = await feedTenant(first, { apps: ['Heard'] });
    owner = tenant.owner;
    token = tenant.token;
    await upload(first.app, token, { app_name: 'Heard', version: '1.0.0', publish: true }, [
      { name: 'heard-1.0.0.zip', content: Buffer.from('one') },
    ]).expect(200);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('reconnects after its backend is terminated, then hears other instances and keeps its caches', async () => {
    expect((await check(second)).body).toMatchObject({ update_available: true, critical: false });
    const admin = new pg.Client({ connectionString: second.databaseUrl });
    await admin.connect();
    try {
      const dbName = new URL(second.databaseUrl ?? '').pathname.slice(1);
      const killed = await admin.query(
        `select pg_terminate_backend(pid) as done from pg_stat_activity
          where datname = $1 and query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
        [dbName],
      );
      // Both instances listen; each one's listener is killed.
      expect(killed.rows.length).toBe(2);
    } finally {
      await admin.end();
    }
    expect(await eventually(async () => second.ctx.changes.disconnectedSince !== undefined)).toBe(true);
    expect(await eventually(async () => second.ctx.changes.disconnectedSince === undefined)).toBe(true);

    // Once back, everything is recomputed once, then cached again as long as nothing changes: a row written behind
    // every cache's back (no bump, no NOTIFY) is not seen, as it would be if each request went to the database.
    expect((await check(second)).body.critical).toBe(false);
    await first.ctx.database.db.updateTable('versions').set({ critical: true }).execute();
    for (let i = 0; i < 20; i++) {
      const cached = await check(second);
      expect(cached.body.critical).toBe(false);
      expect(cached.headers['x-updraft-stale']).toBeUndefined();
    }

    // A write through the other instance is heard again.
    await upload(first.app, token, { app_name: 'Heard', version: '1.1.0', publish: true }, [
      { name: 'heard-1.1.0.zip', content: Buffer.from('two') },
    ]).expect(200);
    expect(
      await eventually(async () => /1\.1\.0/.test((await check(second)).body.update_url_zip ?? '')),
    ).toBe(true);
  });
});
