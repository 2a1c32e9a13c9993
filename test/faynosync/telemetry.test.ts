import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRecord } from '../../src/core/telemetry/recorder.js';
import { pruneTelemetry, TelemetryRetention } from '../../src/core/telemetry/retention.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { upload } from '../helpers/releases.js';

interface Tenant {
  username: string;
  token: string;
  tenantId: string;
  apps: Record<string, string>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Noon UTC `n` days ago: every check of a test lands on the calendar day it means. */
const daysAgo = (n: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - n * DAY_MS);
};
const day = (n: number) => daysAgo(n).toISOString().slice(0, 10);

let t: TestApp;
let a: Tenant;
let b: Tenant;

async function tenantWithApps(app: TestApp, names: string[]): Promise<Tenant> {
  const admin = await newAdmin(app.app);
  const me = await request(app.app).get('/whoami').set(bearer(admin.token)).expect(200);
  const apps: Record<string, string> = {};
  for (const name of names) {
    const res = await request(app.app)
      .post('/app/create')
      .set(bearer(admin.token))
      .field('data', JSON.stringify({ app: name }))
      .expect(200);
    apps[name] = res.body['createAppResult.Created'] as string;
  }
  return { ...admin, tenantId: me.body.id as string, apps };
}

type Check = Omit<CheckRecord, 'tenantId' | 'appId' | 'at'> & { app: string; daysAgo: number };

function record(app: TestApp, tenant: Tenant, check: Check): void {
  const { app: appName, daysAgo: n, ...rest } = check;
  app.ctx.telemetry.record({
    ...rest,
    tenantId: tenant.tenantId,
    appId: tenant.apps[appName] ?? '',
    at: daysAgo(n),
  });
}

async function report(token: string, query: Record<string, string> = {}) {
  return request(t.app).get('/telemetry').query(query).set(bearer(token));
}

const windowsX64 = { channel: 'stable', platform: 'windows', arch: 'x64' };

beforeAll(async () => {
  t = await createTestApp();
  a = await tenantWithApps(t, ['alpha', 'beta']);
  // Tenant B uses the same app name and the same device id: none of it may reach tenant A's figures.
  b = await tenantWithApps(t, ['alpha']);
  const checks: Check[] = [
    // dev1 was outdated on alpha two days ago (two checks), then updated; it is also up to date on beta.
    { app: 'alpha', deviceId: 'dev1', version: '1.0', ...windowsX64, isLatest: false, daysAgo: 2 },
    { app: 'alpha', deviceId: 'dev1', version: '1.0', ...windowsX64, isLatest: false, daysAgo: 2 },
    { app: 'alpha', deviceId: 'dev1', version: '1.1', ...windowsX64, isLatest: true, daysAgo: 0 },
    { app: 'beta', deviceId: 'dev1', version: '2.0', ...windowsX64, isLatest: true, daysAgo: 0 },
    ...Array.from({ length: 3 }, () => ({
      app: 'alpha',
      deviceId: 'dev2',
      version: '1.0',
      channel: 'beta',
      platform: 'linux',
      arch: 'arm64',
      isLatest: false,
      daysAgo: 0,
    })),
    {
      app: 'beta',
      deviceId: 'dev3',
      version: '2.0',
      channel: 'stable',
      platform: 'macos',
      arch: 'arm64',
      isLatest: true,
      daysAgo: 10,
    },
    { app: 'alpha', deviceId: 'dev4', version: '0.9', ...windowsX64, isLatest: false, daysAgo: 40 },
  ];
  for (const check of checks) record(t, a, check);
  for (let i = 0; i < 5; i++) {
    record(t, b, {
      app: 'alpha',
      deviceId: 'dev1',
      version: '9.9',
      ...windowsX64,
      isLatest: false,
      daysAgo: 0,
    });
  }
  await t.ctx.telemetry.flush();
});

afterAll(async () => {
  await t?.close();
});

describe('GET /telemetry', () => {
  it("answers FaynoSync's document for today by default", async () => {
    const res = await report(a.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      date: day(0),
      date_range: [day(0)],
      admin: a.username,
      summary: {
        total_requests: 5,
        unique_clients: 2,
        clients_using_latest_version: 1,
        clients_outdated: 1,
        total_active_apps: 2,
      },
      versions: {
        used_versions_count: 3,
        known_versions: ['0.9', '1.0', '1.1', '2.0'],
        usage: [
          { version: '1.0', client_count: 1 },
          { version: '1.1', client_count: 1 },
          { version: '2.0', client_count: 1 },
        ],
      },
      platforms: [
        { platform: 'linux', client_count: 1 },
        { platform: 'windows', client_count: 1 },
      ],
      architectures: [
        { arch: 'arm64', client_count: 1 },
        { arch: 'x64', client_count: 1 },
      ],
      channels: [
        { channel: 'beta', client_count: 1 },
        { channel: 'stable', client_count: 1 },
      ],
      daily_stats: [
        {
          date: day(0),
          total_requests: 5,
          unique_clients: 2,
          clients_using_latest_version: 1,
          clients_outdated: 1,
        },
      ],
    });
  });

  it('covers today and the 7 days before it for range=week, each device counted once', async () => {
    const res = await report(a.token, { range: 'week' });
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(day(7));
    expect(res.body.date_range).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map(day));
    // dev1's last state in the period is up to date on both apps, although it was outdated two days ago.
    expect(res.body.summary).toEqual({
      total_requests: 7,
      unique_clients: 2,
      clients_using_latest_version: 1,
      clients_outdated: 1,
      total_active_apps: 2,
    });
    expect(res.body.versions.usage).toEqual([
      { version: '1.0', client_count: 2 },
      { version: '1.1', client_count: 1 },
      { version: '2.0', client_count: 1 },
    ]);
    expect(res.body.daily_stats).toHaveLength(8);
    const quiet = {
      total_requests: 0,
      unique_clients: 0,
      clients_using_latest_version: 0,
      clients_outdated: 0,
    };
    expect(res.body.daily_stats[0]).toEqual({ date: day(7), ...quiet });
    expect(res.body.daily_stats[5]).toEqual({
      date: day(2),
      total_requests: 2,
      unique_clients: 1,
      clients_using_latest_version: 0,
      clients_outdated: 1,
    });
    expect(res.body.daily_stats[7]).toEqual({
      date: day(0),
      total_requests: 5,
      unique_clients: 2,
      clients_using_latest_version: 1,
      clients_outdated: 1,
    });
  });

  it('covers 31 days for range=month', async () => {
    const res = await report(a.token, { range: 'month' });
    expect(res.status).toBe(200);
    expect(res.body.date_range).toHaveLength(31);
    expect(res.body.date).toBe(day(30));
    expect(res.body.summary).toEqual({
      total_requests: 8,
      unique_clients: 3,
      clients_using_latest_version: 2,
      clients_outdated: 1,
      total_active_apps: 2,
    });
    expect(res.body.versions.usage).toEqual([
      { version: '1.0', client_count: 2 },
      { version: '2.0', client_count: 2 },
      { version: '1.1', client_count: 1 },
    ]);
    expect(res.body.platforms).toEqual([
      { platform: 'linux', client_count: 1 },
      { platform: 'macos', client_count: 1 },
      { platform: 'windows', client_count: 1 },
    ]);
    expect(res.body.architectures).toEqual([
      { arch: 'arm64', client_count: 2 },
      { arch: 'x64', client_count: 1 },
    ]);
    expect(res.body.channels).toEqual([
      { channel: 'stable', client_count: 2 },
      { channel: 'beta', client_count: 1 },
    ]);
  });

  it('reads one given day', async () => {
    const res = await report(a.token, { date: day(2) });
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(day(2));
    expect(res.body.date_range).toEqual([day(2)]);
    expect(res.body.summary).toEqual({
      total_requests: 2,
      unique_clients: 1,
      clients_using_latest_version: 0,
      clients_outdated: 1,
      total_active_apps: 1,
    });
    expect(res.body.versions.usage).toEqual([{ version: '1.0', client_count: 1 }]);
  });

  it('prefers range over date, as FaynoSync does', async () => {
    const res = await report(a.token, { date: day(2), range: 'week' });
    expect(res.body.date_range).toHaveLength(8);
  });

  it('refuses a bad range or date with 400', async () => {
    const bad = await report(a.token, { range: 'year' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: "Invalid range parameter. Use 'week' or 'month'" });
    for (const date of ['2024-02-30', 'yesterday', '2024-1-01', '2024-13-01', '20240101']) {
      const res = await report(a.token, { date });
      expect(res.status, date).toBe(400);
      expect(res.body.error, date).toMatch(/^Invalid date parameter/);
    }
  });

  it('sums several apps instead of keeping the last one (FaynoSync overwrote total_active_apps)', async () => {
    const both = await report(a.token, { apps: 'alpha,beta', range: 'week' });
    const all = await report(a.token, { range: 'week' });
    expect(both.body).toEqual(all.body);
    expect(both.body.summary.total_active_apps).toBe(2);
    // dev1 checked both apps: one client, not two.
    expect(both.body.summary.unique_clients).toBe(2);
    const repeated = await request(t.app)
      .get('/telemetry?apps=alpha&apps=beta&range=week')
      .set(bearer(a.token));
    expect(repeated.body).toEqual(all.body);
  });

  it('filters by app', async () => {
    const res = await report(a.token, { apps: 'alpha', range: 'week' });
    expect(res.body.summary).toEqual({
      total_requests: 6,
      unique_clients: 2,
      clients_using_latest_version: 1,
      clients_outdated: 1,
      total_active_apps: 1,
    });
    expect(res.body.versions.known_versions).toEqual(['0.9', '1.0', '1.1']);
    expect(res.body.versions.usage.map((u: { version: string }) => u.version)).toEqual(['1.0', '1.1']);
  });

  it('filters by platform, architecture and channel, requests included', async () => {
    const windows = await report(a.token, { platforms: 'windows' });
    expect(windows.body.summary).toEqual({
      total_requests: 2,
      unique_clients: 1,
      clients_using_latest_version: 1,
      clients_outdated: 0,
      total_active_apps: 2,
    });
    expect(windows.body.platforms).toEqual([{ platform: 'windows', client_count: 1 }]);

    const arm = await report(a.token, { architectures: 'arm64', range: 'month' });
    expect(arm.body.summary.unique_clients).toBe(2);
    expect(arm.body.architectures).toEqual([{ arch: 'arm64', client_count: 2 }]);

    const beta = await report(a.token, { channels: 'beta' });
    expect(beta.body.summary).toEqual({
      total_requests: 3,
      unique_clients: 1,
      clients_using_latest_version: 0,
      clients_outdated: 1,
      total_active_apps: 1,
    });
    expect(beta.body.channels).toEqual([{ channel: 'beta', client_count: 1 }]);

    const combined = await report(a.token, {
      range: 'month',
      channels: 'stable,beta',
      platforms: 'macos,linux',
      architectures: 'arm64',
    });
    expect(combined.body.summary.unique_clients).toBe(2);
    expect(combined.body.summary.total_requests).toBe(4);

    const none = await report(a.token, { channels: 'stable', platforms: 'linux' });
    expect(none.body.summary.unique_clients).toBe(0);
  });

  it('answers zeros for an app filter that names no app of the caller', async () => {
    const res = await report(a.token, { apps: 'no-such-app', range: 'week' });
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({
      total_requests: 0,
      unique_clients: 0,
      clients_using_latest_version: 0,
      clients_outdated: 0,
      total_active_apps: 0,
    });
    expect(res.body.versions).toEqual({ used_versions_count: 0, known_versions: [], usage: [] });
    expect(res.body.platforms).toEqual([]);
    expect(res.body.daily_stats).toHaveLength(8);
  });

  it('keeps tenants apart although they share app names and device ids', async () => {
    const res = await report(b.token);
    expect(res.body.admin).toBe(b.username);
    expect(res.body.summary).toEqual({
      total_requests: 5,
      unique_clients: 1,
      clients_using_latest_version: 0,
      clients_outdated: 1,
      total_active_apps: 1,
    });
    expect(res.body.versions.known_versions).toEqual(['9.9']);
    const filtered = await report(b.token, { apps: 'alpha,beta', range: 'month' });
    expect(filtered.body.versions.known_versions).toEqual(['9.9']);
    expect(filtered.body.summary.total_requests).toBe(5);
    const ofA = await report(a.token, { range: 'month' });
    expect(ofA.body.versions.known_versions).not.toContain('9.9');
  });

  it('shows a team user only its allowed apps, under its admin', async () => {
    const member = await newTeamUser(t.app, a.token, { apps: { allowed: [a.apps.beta ?? ''] } });
    const res = await report(member.token, { range: 'month' });
    expect(res.status).toBe(200);
    expect(res.body.admin).toBe(a.username);
    expect(res.body.summary).toEqual({
      total_requests: 2,
      unique_clients: 2,
      clients_using_latest_version: 2,
      clients_outdated: 0,
      total_active_apps: 1,
    });
    expect(res.body.versions.known_versions).toEqual(['2.0']);
    // An app outside the allowed list is as absent as an unknown one.
    const alpha = await report(member.token, { apps: 'alpha', range: 'month' });
    expect(alpha.body.summary.unique_clients).toBe(0);
    expect(alpha.body.versions.known_versions).toEqual([]);

    const nobody = await newTeamUser(t.app, a.token, {});
    const empty = await report(nobody.token, { range: 'month' });
    expect(empty.body.summary.total_requests).toBe(0);
  });

  it('needs a login', async () => {
    expect((await request(t.app).get('/telemetry')).status).toBe(401);
  });
});

describe('recording', () => {
  it('counts the update checks that carry X-Device-ID', async () => {
    const d = await tenantWithApps(t, ['checked']);
    const file = { name: 'Setup.exe', content: Buffer.from('installer bytes') };
    for (const version of ['1.0.0', '1.1.0']) {
      const res = await upload(t.app, d.token, { app_name: 'checked', version, publish: true }, [file]);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const check = (version: string, deviceId?: string) =>
      request(t.app)
        .get('/checkVersion')
        .query({ app_name: 'checked', version, owner: d.username })
        .set(deviceId ? { 'X-Device-ID': deviceId } : {})
        .expect(200);
    await check('1.0.0', 'old-device');
    await check('1.0.0', 'old-device');
    await check('1.1.0', 'new-device');
    await check('1.0.0');
    await t.ctx.telemetry.flush();
    const res = await report(d.token);
    expect(res.body.summary).toEqual({
      total_requests: 3,
      unique_clients: 2,
      clients_using_latest_version: 1,
      clients_outdated: 1,
      total_active_apps: 1,
    });
    expect(res.body.versions.usage).toEqual([
      { version: '1.0.0', client_count: 1 },
      { version: '1.1.0', client_count: 1 },
    ]);
  });

  it('keeps the checks of other apps when one app of the batch was deleted before the write', async () => {
    const c = await tenantWithApps(t, ['kept', 'gone']);
    record(t, c, {
      app: 'kept',
      deviceId: 'devC',
      version: '1.0',
      ...windowsX64,
      isLatest: true,
      daysAgo: 0,
    });
    record(t, c, {
      app: 'gone',
      deviceId: 'devC',
      version: '1.0',
      ...windowsX64,
      isLatest: true,
      daysAgo: 0,
    });
    await request(t.app).delete('/app/delete').query({ id: c.apps.gone }).set(bearer(c.token)).expect(200);
    await t.ctx.telemetry.flush();
    const rows = await t.ctx.database.db
      .selectFrom('telemetry_checks')
      .select('app_id')
      .where('tenant_id', '=', c.tenantId)
      .execute();
    expect(rows).toEqual([{ app_id: c.apps.kept }]);
  });
});

describe('retention', () => {
  it('prunes rows older than the retention and keeps the rest', async () => {
    const { db } = t.ctx.database;
    for (const n of [40, 31, 30]) {
      record(t, b, {
        app: 'alpha',
        deviceId: `old${n}`,
        version: '0.1',
        ...windowsX64,
        isLatest: true,
        daysAgo: n,
      });
    }
    await t.ctx.telemetry.flush();
    // A's 0.9 (40 days ago) and B's rows 40 and 31 days ago.
    expect(await pruneTelemetry(db, 30)).toBe(3);
    const days = await db.selectFrom('telemetry_checks').select('day').distinct().orderBy('day').execute();
    expect(days.map((r) => r.day)).toEqual([day(30), day(10), day(2), day(0)]);
    const res = await report(a.token, { range: 'month' });
    expect(res.body.versions.known_versions).toEqual(['1.0', '1.1', '2.0']);
  });

  it('runs when the job starts, before it is stopped', async () => {
    const { db } = t.ctx.database;
    record(t, b, {
      app: 'alpha',
      deviceId: 'old35',
      version: '0.1',
      ...windowsX64,
      isLatest: true,
      daysAgo: 35,
    });
    await t.ctx.telemetry.flush();
    const job = new TelemetryRetention(db, pino({ level: 'silent' }), 30);
    job.start();
    await job.stop();
    const old = await db
      .selectFrom('telemetry_checks')
      .select('day')
      .where('device_id', '=', 'old35')
      .execute();
    expect(old).toEqual([]);
    const kept = await db
      .selectFrom('telemetry_checks')
      .select('day')
      .where('device_id', '=', 'old30')
      .execute();
    expect(kept).toEqual([{ day: day(30) }]);
  });
});

describe('TELEMETRY=off', () => {
  let off: TestApp;

  beforeAll(async () => {
    off = await createTestApp({ TELEMETRY: 'off' });
  });

  afterAll(async () => {
    await off?.close();
  });

  it('answers 403 and records nothing', async () => {
    const tenant = await tenantWithApps(off, ['alpha']);
    record(off, tenant, {
      app: 'alpha',
      deviceId: 'dev1',
      version: '1.0',
      ...windowsX64,
      isLatest: true,
      daysAgo: 0,
    });
    await off.ctx.telemetry.flush();
    const rows = await off.ctx.database.db.selectFrom('telemetry_checks').selectAll().execute();
    expect(rows).toEqual([]);
    const res = await request(off.app).get('/telemetry').set(bearer(tenant.token));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'Telemetry is not enabled on this instance' });
  });
});
