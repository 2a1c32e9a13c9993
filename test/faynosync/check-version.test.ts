import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutBucket } from '../../src/core/releases/rollout.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type SeededTenant, seedRelease, seedTenant } from '../helpers/seed.js';

let t: TestApp;
let admin: SeededTenant;

const API = 'http://updraft.test';
const CHECK = { channel: 'nightly', platform: 'universalPlatform', arch: 'universalArch' };

function check(query: Record<string, string>, headers: Record<string, string> = {}) {
  return request(t.app).get('/checkVersion').query(query).set(headers);
}

/** FaynoSync's key layout for manual uploads: `{app}-{owner}/{channel}/{platform}/{arch}/{app}-{version}{ext}`. */
function faynoKey(app: string, version: string, ext: string): string {
  return `${app}-admin/nightly/universalPlatform/universalArch/${app}-${version}${ext}`;
}

async function seedFaynoRelease(
  tenant: SeededTenant,
  app: string,
  version: string,
  flags: { published?: boolean; critical?: boolean; changelog?: string } = {},
) {
  return seedRelease(t.ctx, {
    tenantId: tenant.tenantId,
    appId: tenant.apps[app] ?? '',
    channelId: tenant.channels.nightly,
    version,
    ...flags,
    artifacts: ['', '.dmg', '.pkg'].map((ext) => ({
      platformId: tenant.platforms.universalPlatform,
      archId: tenant.archs.universalArch,
      fileName: `LICENSE${ext}`,
      key: faynoKey(app, version, ext),
      bytes: `${app} ${version}${ext}`,
    })),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await seedTenant(t.ctx.database.db, {
    username: 'admin',
    apps: [{ name: 'testapp', private: true }, 'public testapp', 'other.app_1'],
    channels: ['nightly', 'stable'],
    platforms: ['universalPlatform', 'x86_64'],
    archs: ['universalArch'],
  });
  await seedFaynoRelease(admin, 'testapp', '0.0.2.137', { critical: true, changelog: '### Changelog' });
  await seedFaynoRelease(admin, 'testapp', '0.0.3.137', { published: false });
  await seedFaynoRelease(admin, 'public testapp', '0.0.1.137');
});

afterAll(async () => {
  await t.close();
});

describe('GET /checkVersion: FaynoSync answers', () => {
  const privateLink = (ext: string) =>
    `${API}/download?key=${encodeURIComponent(faynoKey('testapp', '0.0.2.137', ext))}`;

  it('answers a client on the latest version with the exact bytes FaynoSync writes (private links)', async () => {
    const res = await check({ app_name: 'testapp', version: '0.0.2.137', owner: 'admin', ...CHECK }).expect(
      200,
    );
    expect(res.text).toBe(
      `{"critical":true,"possible_rollback":false,"update_available":false,"update_url":"${privateLink('')}","update_url_dmg":"${privateLink('.dmg')}","update_url_pkg":"${privateLink('.pkg')}"}`,
    );
    expect(res.text).toContain(
      'download?key=testapp-admin%2Fnightly%2FuniversalPlatform%2FuniversalArch%2Ftestapp-0.0.2.137.dmg',
    );
  });

  it('tells a client on an unpublished newer build it may roll back, with changelog and critical', async () => {
    const res = await check({ app_name: 'testapp', version: '0.0.3.137', owner: 'admin', ...CHECK }).expect(
      200,
    );
    expect(res.text).toBe(
      `{"changelog":"### Changelog\\n","critical":true,"possible_rollback":true,"update_available":false,"update_url":"${privateLink('')}","update_url_dmg":"${privateLink('.dmg')}","update_url_pkg":"${privateLink('.pkg')}"}`,
    );
  });

  it('offers an older client the update', async () => {
    const res = await check({ app_name: 'testapp', version: '0.0.1', owner: 'admin', ...CHECK }).expect(200);
    expect(res.body).toEqual({
      changelog: '### Changelog\n',
      critical: true,
      update_available: true,
      update_url: privateLink(''),
      update_url_dmg: privateLink('.dmg'),
      update_url_pkg: privateLink('.pkg'),
    });
  });

  it('links public apps straight to the files, which can be downloaded', async () => {
    const res = await check({
      app_name: 'public testapp',
      version: '0.0.0.1',
      owner: 'admin',
      ...CHECK,
    }).expect(200);
    const dmg = `${API}/files/public/public%20testapp-admin/nightly/universalPlatform/universalArch/public%20testapp-0.0.1.137.dmg`;
    expect(res.body.update_url_dmg).toBe(dmg);
    const file = await request(t.app)
      .get(new URL(dmg).pathname)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((file.body as Buffer).toString()).toBe('public testapp 0.0.1.137.dmg');
  });

  it('answers the base JSON for an updater the platform is not configured with (FaynoSync §5.2)', async () => {
    const base = await check({ app_name: 'testapp', version: '0.0.1', owner: 'admin', ...CHECK }).expect(200);
    const manual = await check({
      app_name: 'testapp',
      version: '0.0.1',
      owner: 'admin',
      updater: 'squirrel_darwin',
      ...CHECK,
    }).expect(200);
    expect(manual.text).toBe(base.text);
  });

  it('answers 400 with FaynoSync’s message when nothing is published for the platform and arch', async () => {
    const res = await check({
      app_name: 'other.app_1',
      version: '1.0',
      owner: 'admin',
      channel: 'nightly',
      platform: 'x86_64',
    }).expect(400);
    expect(res.body).toEqual({ error: 'no matching documents found for app_name: other.app_1' });
  });
});

describe('GET /checkVersion: validation', () => {
  const ok = { app_name: 'testapp', version: '1.0', owner: 'admin', ...CHECK };

  it.each([
    ['no app_name', { app_name: undefined }, 'invalid app_name parameter'],
    ['an app_name with a slash', { app_name: 'bad/name' }, 'invalid app_name parameter'],
    ['an app_name of 101 characters', { app_name: 'x'.repeat(101) }, 'invalid app_name parameter'],
    ['no version', { version: undefined }, 'invalid version parameter'],
    ['a version with a v', { version: 'v1.0' }, 'invalid version parameter'],
    ['a version of 500 characters', { version: '1'.repeat(500) }, 'invalid version parameter'],
    ['a channel with a space and !', { channel: 'night ly!' }, 'invalid channel parameter'],
    ['a platform with ../', { platform: '../etc' }, 'invalid platform parameter'],
    [
      'an arch with a NUL',
      { arch: 'amd64\u0000' },
      'the URL holds a NUL byte (%00), which no name or parameter may contain: remove it',
    ],
    ['an unknown updater', { updater: 'bogus' }, 'invalid updater parameter'],
    ['no owner', { owner: undefined }, "owner is required: the admin's username"],
    ['an unknown owner', { owner: 'nobody-here' }, 'app_name not found'],
    ['an unknown app', { app_name: 'missing' }, 'app_name not found'],
    ['no channel', { channel: undefined }, 'you have a created channels, setting channel is required'],
    ['an unknown channel', { channel: 'beta' }, 'wrong name of channel. Channel does not exist'],
    ['an unknown platform', { platform: 'windows' }, 'platform_name not found'],
    ['an unknown arch', { arch: 'arm64' }, 'arch_id not found'],
  ])('%s → 400', async (_label, change, message) => {
    const query = Object.fromEntries(
      Object.entries({ ...ok, ...change }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const res = await check(query).expect(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.error.startsWith(message)).toBe(true);
  });

  it('lists the updater types it knows', async () => {
    const res = await check({ ...ok, updater: 'bogus' }).expect(400);
    expect(res.body.error).toContain('manual, squirrel_darwin');
  });

  it('reads the first of a repeated parameter, as FaynoSync does', async () => {
    const res = await request(t.app)
      .get(
        '/checkVersion?app_name=testapp&app_name=bad/name&version=0.0.2.137&owner=admin&channel=nightly&platform=universalPlatform&arch=universalArch',
      )
      .expect(200);
    expect(res.body.update_available).toBe(false);
  });

  it('leaves other methods to the rest of the API', async () => {
    const res = await request(t.app).post('/checkVersion').expect(404);
    expect(res.body.error).toMatch(/^no route for POST \/checkVersion/);
  });
});

describe('GET /checkVersion: HTTP caching', () => {
  const query = { app_name: 'testapp', version: '0.0.1', owner: 'admin', ...CHECK };

  it('sends JSON with a length, no-cache and an ETag, and 304 when the client has it', async () => {
    const res = await check(query).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    expect(res.headers['cache-control']).toBe('no-cache');
    const etag = res.headers.etag ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await check(query, { 'If-None-Match': etag }).expect(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    await check(query, { 'If-None-Match': `"other", W/${etag}` }).expect(304);
    await check(query, { 'If-None-Match': '"other"' }).expect(200);
  });

  it('gives another answer another ETag', async () => {
    const a = await check(query).expect(200);
    const b = await check({ ...query, version: '0.0.2.137' }).expect(200);
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it('answers HEAD with the headers and no body', async () => {
    const get = await check(query).expect(200);
    const head = await request(t.app).head('/checkVersion').query(query).expect(200);
    expect(head.text ?? '').toBe('');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });
});

describe('GET /checkVersion: tenants', () => {
  let a: SeededTenant;
  let b: SeededTenant;
  const names = { apps: ['shared'], channels: ['stable'], platforms: ['linux'], archs: ['amd64'] };

  async function seed(tenant: SeededTenant, version: string, extra: { published?: boolean } = {}) {
    return seedRelease(t.ctx, {
      tenantId: tenant.tenantId,
      appId: tenant.apps.shared ?? '',
      channelId: tenant.channels.stable,
      version,
      ...extra,
      artifacts: [
        {
          platformId: tenant.platforms.linux,
          archId: tenant.archs.amd64,
          fileName: 'shared.deb',
          key: `${tenant.username}/shared/${version}/shared.deb`,
        },
      ],
    });
  }

  const ask = (owner: string, version = '1.0') =>
    check({ app_name: 'shared', version, owner, channel: 'stable', platform: 'linux', arch: 'amd64' }).expect(
      200,
    );

  beforeAll(async () => {
    a = await seedTenant(t.ctx.database.db, { username: 'tenant-a', ...names });
    b = await seedTenant(t.ctx.database.db, { username: 'tenant-b', ...names });
    await seed(a, '1.0');
    await seed(a, '2.0');
    await seed(b, '1.0');
    await seed(b, '3.0');
  });

  it('answers each tenant from its own releases, also once the answers are cached', async () => {
    for (let round = 0; round < 3; round++) {
      const fromA = await ask('tenant-a');
      const fromB = await ask('tenant-b');
      expect(fromA.body.update_url_deb).toBe(`${API}/files/public/tenant-a/shared/2.0/shared.deb`);
      expect(fromB.body.update_url_deb).toBe(`${API}/files/public/tenant-b/shared/3.0/shared.deb`);
    }
  });

  it('never sees another tenant’s names', async () => {
    const res = await check({
      app_name: 'testapp',
      version: '1.0',
      owner: 'tenant-a',
      channel: 'nightly',
    }).expect(400);
    expect(res.body.error).toBe('app_name not found');
  });

  it('serves the cached answer until the tenant’s generation moves, then the new release', async () => {
    expect((await ask('tenant-a')).body.update_url_deb).toMatch(/2\.0\/shared\.deb$/);
    const added = await seed(a, '2.1');
    // Written behind the server's back: the cached answer stands, which shows that answers are cached...
    expect((await ask('tenant-a')).body.update_url_deb).toMatch(/2\.0\/shared\.deb$/);
    // ...and a committed write announces itself, after which no stale answer is served.
    await t.ctx.changes.changed(a.tenantId);
    expect((await ask('tenant-a')).body.update_url_deb).toMatch(/2\.1\/shared\.deb$/);
    expect((await ask('tenant-b')).body.update_url_deb).toMatch(/3\.0\/shared\.deb$/);

    await t.ctx.database.db
      .updateTable('versions')
      .set({ published: false })
      .where('id', '=', added.versionId)
      .execute();
    await t.ctx.changes.changed(a.tenantId);
    expect((await ask('tenant-a')).body.update_url_deb).toMatch(/2\.0\/shared\.deb$/);

    await t.ctx.database.db
      .updateTable('versions')
      .set({ published: true })
      .where('id', '=', added.versionId)
      .execute();
    await t.ctx.changes.changed(a.tenantId);
    expect((await ask('tenant-a')).body.update_url_deb).toMatch(/2\.1\/shared\.deb$/);

    await t.ctx.database.db.deleteFrom('versions').where('id', '=', added.versionId).execute();
    await t.ctx.changes.changed(a.tenantId);
    expect((await ask('tenant-a')).body.update_url_deb).toMatch(/2\.0\/shared\.deb$/);
  });

  it('sees catalog writes too: a new channel makes the channel parameter required', async () => {
    const noChannel = () => check({ app_name: 'shared', version: '1.0', owner: 'tenant-b' });
    await t.ctx.database.db.deleteFrom('versions').where('tenant_id', '=', b.tenantId).execute();
    await t.ctx.database.db.deleteFrom('channels').where('tenant_id', '=', b.tenantId).execute();
    await t.ctx.changes.changed(b.tenantId);
    expect((await noChannel().expect(400)).body.error).toBe(
      'no matching documents found for app_name: shared',
    );
    await t.ctx.database.db
      .insertInto('channels')
      .values({ id: '0123456789abcdef01234567', tenant_id: b.tenantId, name: 'beta' })
      .execute();
    await t.ctx.changes.changed(b.tenantId);
    expect((await noChannel().expect(400)).body.error).toBe(
      'you have a created channels, setting channel is required',
    );
  });

  it('answers from the kept answer, marked stale, while the change listener is away, and afresh once it is back', async () => {
    const before = await ask('tenant-a');
    expect(before.body.update_url_deb).toMatch(/2\.0\/shared\.deb$/);
    expect(before.headers['x-updraft-stale']).toBeUndefined();
    // Written behind the cache's back: only a bump (or the listener's return) can make it seen.
    const added = await seed(a, '2.2');
    t.ctx.changes.disconnectedSince = Date.now() - 5_000;
    try {
      const during = await ask('tenant-a');
      expect(during.body.update_url_deb).toMatch(/2\.0\/shared\.deb$/);
      expect(Number(during.headers['x-updraft-stale'])).toBeGreaterThanOrEqual(1);
    } finally {
      t.ctx.changes.disconnectedSince = undefined;
    }
    await t.ctx.changes.changed(a.tenantId);
    const after = await ask('tenant-a');
    expect(after.body.update_url_deb).toMatch(/2\.2\/shared\.deb$/);
    expect(after.headers['x-updraft-stale']).toBeUndefined();
    await t.ctx.database.db.deleteFrom('versions').where('id', '=', added.versionId).execute();
    await t.ctx.changes.changed(a.tenantId);
  });
});

describe('GET /checkVersion: X-Device-ID', () => {
  let tenant: SeededTenant;
  const SEED = '5eed5eed5eed5eed';

  function deviceWhere(eligible: (bucket: number) => boolean): string {
    for (let i = 0; ; i++) if (eligible(rolloutBucket(`device-${i}`, SEED))) return `device-${i}`;
  }

  const ask = (deviceId?: string) =>
    check(
      {
        app_name: 'gated',
        version: '1.0',
        owner: 'gate-owner',
        channel: 'stable',
        platform: 'linux',
        arch: 'amd64',
      },
      deviceId ? { 'X-Device-ID': deviceId } : {},
    ).expect(200);

  beforeAll(async () => {
    tenant = await seedTenant(t.ctx.database.db, {
      username: 'gate-owner',
      apps: ['gated'],
      channels: ['stable'],
      platforms: ['linux'],
      archs: ['amd64'],
    });
    const release = (version: string, more: { critical?: boolean; rollout?: number; seed?: string } = {}) =>
      seedRelease(t.ctx, {
        tenantId: tenant.tenantId,
        appId: tenant.apps.gated ?? '',
        channelId: tenant.channels.stable,
        version,
        ...more,
        artifacts: [
          {
            platformId: tenant.platforms.linux,
            archId: tenant.archs.amd64,
            fileName: `gated-${version}.deb`,
          },
        ],
      });
    await release('1.0');
    await release('1.1', { critical: true });
    await release('1.2', { rollout: 40, seed: SEED });
  });

  it('without a device id, offers the staged release with its rollout for the client to gate', async () => {
    const res = await ask();
    expect(res.body).toMatchObject({
      update_available: true,
      critical: false,
      rollout: { percent: 40, seed: SEED },
    });
    expect(res.body.update_url_deb).toMatch(/gated-1\.2\.deb$/);
  });

  it('gates on the server: a device outside the rollout gets 1.1, critical', async () => {
    const res = await ask(deviceWhere((b) => b >= 40));
    expect(res.body.update_url_deb).toMatch(/gated-1\.1\.deb$/);
    expect(res.body.critical).toBe(true);
    expect(res.body).not.toHaveProperty('rollout');
    expect(res.headers.vary).toBe('X-Device-ID');
  });

  it('a device inside the rollout gets 1.2, critical because it skips 1.1', async () => {
    for (const deviceId of [deviceWhere((b) => b < 40), deviceWhere((b) => b < 20)]) {
      const res = await ask(deviceId);
      expect(res.body.update_url_deb).toMatch(/gated-1\.2\.deb$/);
      expect(res.body.critical).toBe(true);
    }
  });

  it('records the check for telemetry, without waiting for it', async () => {
    const deviceId = deviceWhere((b) => b >= 40);
    await ask(deviceId);
    await t.ctx.telemetry.flush();
    const row = await t.ctx.database.db
      .selectFrom('telemetry_checks')
      .selectAll()
      .where('device_id', '=', deviceId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      tenant_id: tenant.tenantId,
      app_id: tenant.apps.gated,
      version: '1.0',
      channel: 'stable',
      platform: 'linux',
      arch: 'amd64',
      is_latest: false,
    });
  });
});

describe('GET /checkVersion: failures', () => {
  it('answers 500 with the error shape and no internals when the database is gone', async () => {
    const broken = await createTestApp();
    await seedTenant(broken.ctx.database.db, { username: 'gone', apps: ['x'] });
    await broken.ctx.database.close();
    try {
      const res = await request(broken.app)
        .get('/checkVersion')
        .query({ app_name: 'x', version: '1.0', owner: 'gone' })
        .expect(500);
      expect(res.text).toBe('{"error":"internal server error"}');
    } finally {
      await broken.close().catch(() => {});
    }
  });
});
