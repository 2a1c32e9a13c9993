import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type SeedArtifact, type SeededTenant, seedRelease, seedTenant } from '../helpers/seed.js';

let t: TestApp;
let admin: SeededTenant;

const API = 'http://updraft.test';
const privateLink = (key: string) => `${API}/download?key=${encodeURIComponent(key)}`;

function latest(query: Record<string, string>) {
  return request(t.app).get('/apps/latest').query(query);
}

async function release(
  app: string,
  channel: string,
  version: string,
  artifacts: SeedArtifact[],
  published = true,
) {
  return seedRelease(t.ctx, {
    tenantId: admin.tenantId,
    appId: admin.apps[app] ?? '',
    channelId: admin.channels[channel],
    version,
    published,
    artifacts,
  });
}

/** One file per extension on universalPlatform/universalArch, keyed as FaynoSync names them. */
function universal(app: string, channel: string, version: string, exts: string[]): SeedArtifact[] {
  return exts.map((ext) => ({
    platformId: admin.platforms.universalPlatform,
    archId: admin.archs.universalArch,
    fileName: `LICENSE${ext}`,
    key: `${app}-admin/${channel}/universalPlatform/universalArch/${app}-${version}${ext}`,
  }));
}

beforeAll(async () => {
  t = await createTestApp({ ALLOWED_CORS: 'https://downloads.example' });
  admin = await seedTenant(t.ctx.database.db, {
    username: 'admin',
    apps: [{ name: 'testapp', private: true }, 'public app'],
    channels: ['nightly', 'stable'],
    platforms: ['universalPlatform', 'macos'],
    archs: ['universalArch', 'arm64'],
  });
  await release(
    'testapp',
    'nightly',
    '0.0.2.137',
    universal('testapp', 'nightly', '0.0.2.137', ['.dmg', '.pkg', '']),
  );
  await release(
    'testapp',
    'nightly',
    '0.0.3.137',
    universal('testapp', 'nightly', '0.0.3.137', ['.dmg']),
    false,
  );
  await release('testapp', 'stable', '0.0.1.137', [
    {
      platformId: admin.platforms.macos,
      archId: admin.archs.arm64,
      fileName: 'app.zip',
      key: 'stable/0.0.1/app.zip',
    },
  ]);
  await release('testapp', 'stable', '0.0.4.137', universal('testapp', 'stable', '0.0.4.137', ['.dmg']));
  await release('public app', 'stable', '2.0', [
    { fileName: 'app.tar.gz', key: 'public/2.0/app.tar.gz' },
    {
      platformId: admin.platforms.macos,
      archId: admin.archs.arm64,
      fileName: 'app.dmg',
      key: 'public/2.0/app.dmg',
    },
  ]);
});

afterAll(async () => {
  await t.close();
});

describe('GET /apps/latest', () => {
  it('maps several files by channel, platform, arch and package, keys sorted as FaynoSync writes them', async () => {
    const res = await latest({ app_name: 'testapp', channel: 'nightly', owner: 'admin' }).expect(200);
    const key = (ext: string) =>
      `testapp-admin/nightly/universalPlatform/universalArch/testapp-0.0.2.137${ext}`;
    expect(res.text).toBe(
      JSON.stringify({
        nightly: {
          universalPlatform: {
            universalArch: {
              dmg: { url: privateLink(key('.dmg')) },
              'no-extension': { url: privateLink(key('')) },
              pkg: { url: privateLink(key('.pkg')) },
            },
          },
        },
      }),
    );
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.etag).toBeDefined();
  });

  it('redirects to the one file that matches', async () => {
    const dmg = await latest({
      app_name: 'testapp',
      channel: 'nightly',
      package: 'dmg',
      owner: 'admin',
    }).expect(302);
    expect(dmg.headers.location).toBe(
      privateLink('testapp-admin/nightly/universalPlatform/universalArch/testapp-0.0.2.137.dmg'),
    );
    const bare = await latest({
      app_name: 'testapp',
      channel: 'nightly',
      platform: 'universalPlatform',
      arch: 'universalArch',
      package: 'no-extension',
      owner: 'admin',
    }).expect(302);
    expect(bare.headers.location).toBe(
      privateLink('testapp-admin/nightly/universalPlatform/universalArch/testapp-0.0.2.137'),
    );
    const stable = await latest({ app_name: 'testapp', channel: 'stable', owner: 'admin' }).expect(302);
    expect(stable.headers.location).toMatch(/testapp-0\.0\.4\.137\.dmg$/);
  });

  it('files artifacts without a platform or arch under "", and links public apps to storage', async () => {
    const res = await latest({ app_name: 'public app', channel: 'stable', owner: 'admin' }).expect(200);
    expect(res.body).toEqual({
      stable: {
        '': { '': { gz: { url: `${API}/files/public/public/2.0/app.tar.gz` } } },
        macos: { arm64: { dmg: { url: `${API}/files/public/public/2.0/app.dmg` } } },
      },
    });
  });

  it('answers 404 when the latest release has no matching file, even if an older one has', async () => {
    const res = await latest({
      app_name: 'testapp',
      channel: 'stable',
      platform: 'macos',
      owner: 'admin',
    }).expect(404);
    expect(res.body).toEqual({ error: 'No matching data found for the provided parameters' });
    await latest({ app_name: 'testapp', channel: 'nightly', package: 'exe', owner: 'admin' }).expect(404);
  });

  it.each([
    ['an unknown app', { app_name: 'nope', channel: 'stable', owner: 'admin' }, 'app_name not found'],
    ['an unknown owner', { app_name: 'testapp', channel: 'stable', owner: 'nobody' }, 'app_name not found'],
    ['an unknown channel', { app_name: 'testapp', channel: 'beta', owner: 'admin' }, 'channel not found'],
  ])('answers 404 (not 500) for %s', async (_label, query, error) => {
    const res = await latest(query).expect(404);
    expect(res.body).toEqual({ error });
  });

  it.each([
    [
      'no app_name',
      { channel: 'stable', owner: 'admin' },
      "Parameters 'app_name' and 'channel' are required",
    ],
    [
      'no channel',
      { app_name: 'testapp', owner: 'admin' },
      "Parameters 'app_name' and 'channel' are required",
    ],
    ['no owner', { app_name: 'testapp', channel: 'stable' }, "owner is required: the admin's username"],
    [
      'a bad package',
      { app_name: 'testapp', channel: 'stable', owner: 'admin', package: 'd/mg' },
      'invalid package',
    ],
  ])('answers 400 for %s', async (_label, query, error) => {
    const res = await latest(query).expect(400);
    expect(res.body.error.startsWith(error)).toBe(true);
  });

  it('answers allowed origins with the same CORS headers as the rest of the API', async () => {
    const query = { app_name: 'testapp', channel: 'nightly', owner: 'admin' };
    const allowed = await latest(query).set('Origin', 'https://downloads.example').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://downloads.example');
    const other = await latest(query).set('Origin', 'https://elsewhere.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await request(t.app)
      .head('/apps/latest')
      .query({ app_name: 'testapp', channel: 'stable', owner: 'admin' })
      .expect(302);
    expect(res.headers.location).toMatch(/testapp-0\.0\.4\.137\.dmg$/);
  });

  it('follows a publish once the tenant’s generation moves', async () => {
    const query = { app_name: 'testapp', channel: 'stable', owner: 'admin' };
    await latest(query).expect(302);
    const added = await release(
      'testapp',
      'stable',
      '0.0.5.137',
      universal('testapp', 'stable', '0.0.5.137', ['.dmg', '.pkg']),
    );
    await t.ctx.changes.changed(admin.tenantId);
    const res = await latest(query).expect(200);
    expect(Object.keys(res.body.stable.universalPlatform.universalArch)).toEqual(['dmg', 'pkg']);
    await t.ctx.database.db.deleteFrom('versions').where('id', '=', added.versionId).execute();
    await t.ctx.changes.changed(admin.tenantId);
    await latest(query).expect(302);
  });
});
