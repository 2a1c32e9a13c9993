import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { deviceWhere, feedTenant, type Publish, publisher, rolloutSeedOf } from '../helpers/feeds.js';
import { type UploadFile, upload } from '../helpers/releases.js';
import {
  API,
  download,
  parseReleases,
  RFC3339,
  SQUIRREL_PUB_DATE,
  squirrelMacBody,
  squirrelPlan,
  tauriBody,
} from './squirrel-clients.js';

let t: TestApp;
let owner: string;
let token: string;
let publish: Publish;
let stagedSeed: string;

const NOTES = '### Fixes\n\n<img src=x onerror="alert(1)"> **bold** — ünïcode';
const file = (name: string, size = 1500): UploadFile => ({ name, content: randomBytes(size) });

async function release(
  app: string,
  platform: string,
  version: string,
  files: UploadFile[],
  extra: Record<string, unknown> = {},
) {
  await publish(version, files, { app_name: app, platform, ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, token } = await feedTenant(t, {
    apps: ['Desk', { name: 'Vault', private: true }],
    channels: ['stable'],
    platforms: {
      mac: ['squirrel_darwin', 'manual', 'electron-builder'],
      win: ['squirrel_windows', 'manual', 'electron-builder', 'sparkle', 'velopack'],
      linux: ['manual', 'tauri'],
    },
    archs: ['x64'],
  }));
  publish = publisher(t, token, { channel: 'stable', arch: 'x64' });

  const mac = { updater: 'squirrel_darwin' };
  await release('Desk', 'mac', '1.0.0', [file('Desk-1.0.0-mac.zip')], mac);
  await release('Desk', 'mac', '1.1.0', [file('Desk-1.1.0-mac.zip'), file('Desk-1.1.0.dmg')], {
    ...mac,
    critical: true,
    changelog: NOTES,
  });
  await release('Desk', 'mac', '1.2.0', [file('Desk-1.2.0-mac.zip')], { ...mac, rollout: 50 });

  const win = { updater: 'squirrel_windows' };
  await release(
    'Desk',
    'win',
    '1.0.0',
    [file('Desk-1.0.0-full.nupkg', 9000), file('Desk Setup 1.0.0.exe')],
    win,
  );
  await release(
    'Desk',
    'win',
    '1.1.0',
    [file('Desk-1.1.0-full.nupkg', 9000), file('Desk-1.1.0-delta.nupkg', 400)],
    win,
  );

  // Versions are per app and channel (flags included), so Tauri's line has versions of its own.
  const tauri = (name: string) => ({ updater: 'tauri', signature: `sig of ${name}` });
  await release('Desk', 'linux', '3.0.0', [file('desk_3.0.0_amd64.AppImage')], tauri('3.0.0'));
  await release('Desk', 'linux', '3.1.0', [file('desk_3.1.0_amd64.AppImage')], {
    ...tauri('3.1.0'),
    intermediate: true,
    changelog: NOTES,
  });
  await release('Desk', 'linux', '3.2.0', [file('desk_3.2.0_amd64.AppImage')], tauri('3.2.0'));

  for (const version of ['1.0.0', '1.1.0']) {
    await release('Vault', 'win', version, [file(`Vault-${version}-full.nupkg`), file('RELEASES', 100)], win);
    await release('Vault', 'mac', version, [file(`Vault-${version}-mac.zip`), file('latest-mac.yml', 200)], {
      updater: 'electron-builder',
    });
  }
  stagedSeed = await rolloutSeedOf(t, '1.2.0', { app: 'Desk' });
});

afterAll(() => t.close());

function check(query: Record<string, string>, headers: Record<string, string> = {}) {
  return request(t.app)
    .get('/checkVersion')
    .query({ app_name: 'Desk', owner, channel: 'stable', arch: 'x64', ...query })
    .set(headers)
    .redirects(0);
}

describe('/checkVersion per updater: squirrel_darwin (the mac platform’s default)', () => {
  it('renames update_url_zip to url and adds name, notes and pub_date, keeping FaynoSync’s keys', async () => {
    const manual = await check({ platform: 'mac', version: '1.0.0', updater: 'manual' }).expect(200);
    const res = await check({ platform: 'mac', version: '1.0.0' }).expect(200);
    expect(Object.keys(res.body)).toEqual([
      'changelog',
      'critical',
      'name',
      'notes',
      'pub_date',
      'update_available',
      'url',
    ]);
    const body = squirrelMacBody(res.body);
    expect(body.url).toMatch(new RegExp(`^${API}/files/public/.*/1\\.1\\.0/.*/Desk-1\\.1\\.0-mac\\.zip$`));
    // FaynoSync's plain JSON offers the staged 1.2.0 and lets the app gate itself; Squirrel.Mac cannot, so it
    // is not shown the release without an id.
    expect(manual.body).toMatchObject({ rollout: { percent: 50 } });
    expect(manual.body.update_url_zip).toContain('Desk-1.2.0-mac.zip');
    expect(res.body).toMatchObject({
      critical: true,
      update_available: true,
      name: 'Desk 1.1.0',
      notes: NOTES,
    });
    expect(res.body.changelog).toBe(`${NOTES}\n`);
    expect(body.pub_date).toMatch(SQUIRREL_PUB_DATE);
    const zip = await download(t.app, body.url).expect(200);
    expect((zip.body as Buffer).length).toBe(1500);
  });

  it('answers 204 to a current client and to one ahead (no downgrade), also with updater=squirrel_darwin', async () => {
    await check({ platform: 'mac', version: '1.1.0' }).expect(204);
    await check({ platform: 'mac', version: '7.0.0', updater: 'squirrel_darwin' }).expect(204);
  });

  it('gates the staged release per device, and keeps answering each device the same', async () => {
    const inside = deviceWhere(stagedSeed, (b) => b < 50);
    const outside = deviceWhere(stagedSeed, (b) => b >= 50);
    for (let i = 0; i < 2; i++) {
      const yes = await check({ platform: 'mac', version: '1.1.0' }, { 'X-Device-ID': inside }).expect(200);
      expect(squirrelMacBody(yes.body).url).toContain('Desk-1.2.0-mac.zip');
      await check({ platform: 'mac', version: '1.1.0' }, { 'X-Device-ID': outside }).expect(204);
    }
    await t.ctx.telemetry.flush();
    const rows = await t.ctx.database.db
      .selectFrom('telemetry_checks')
      .select(['device_id', 'is_latest', 'requests', 'platform'])
      .where('device_id', 'in', [inside, outside])
      .orderBy('device_id')
      .execute();
    expect(rows).toEqual(
      [
        { device_id: inside, is_latest: false, requests: 2, platform: 'mac' },
        { device_id: outside, is_latest: true, requests: 2, platform: 'mac' },
      ].sort((a, b) => (a.device_id < b.device_id ? -1 : 1)),
    );
  });

  it('answers FaynoSync’s base JSON for manual, and for an updater the platform is not configured with', async () => {
    const manual = await check({ platform: 'mac', version: '1.0.0', updater: 'manual' }).expect(200);
    expect(manual.body).toMatchObject({ update_available: true, rollout: { percent: 50 } });
    expect(manual.body.update_url_zip).toBeDefined();
    const tauri = await check({ platform: 'mac', version: '1.0.0', updater: 'tauri' }).expect(200);
    expect(tauri.text).toBe(manual.text);
  });
});

describe('/checkVersion per updater: squirrel_windows', () => {
  it('answers a public app with the RELEASES text, packages linked where they are stored', async () => {
    const res = await check({ platform: 'win', version: '1.0.0' }).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const entries = parseReleases(res.text);
    expect(entries.map((e) => `${e.version}${e.isDelta ? ' delta' : ''}`)).toEqual([
      '1.0.0',
      '1.1.0 delta',
      '1.1.0',
    ]);
    for (const entry of entries) {
      const bytes = (await download(t.app, entry.file).expect(200)).body as Buffer;
      expect(bytes.length).toBe(entry.size);
      expect(createHash('sha1').update(bytes).digest('hex').toUpperCase()).toBe(entry.sha1);
    }
    const plan = squirrelPlan(entries, '1.0.0');
    expect(plan.kind).toBe('deltas');
  });

  it('redirects a private app to its uploaded RELEASES file, whether or not there is an update', async () => {
    for (const version of ['1.0.0', '1.1.0']) {
      const res = await check({ app_name: 'Vault', platform: 'win', version }).expect(302);
      expect(res.headers.location).toMatch(new RegExp(`^${API}/download\\?key=.*%2FRELEASES$`));
    }
  });
});

describe('/checkVersion per updater: electron-builder', () => {
  it('redirects to the generated latest.yml of the same feed, carrying the version', async () => {
    const res = await check({ platform: 'win', version: '1.0.0', updater: 'electron-builder' }).expect(302);
    expect(res.headers.location).toBe(`${API}/update/${owner}/Desk/stable/win/x64/latest.yml?version=1.0.0`);
  });

  it('redirects to the channel file of the offered installers: latest-mac.yml for a zip', async () => {
    const res = await check({ platform: 'mac', version: '1.0.0', updater: 'electron-builder' }).expect(302);
    expect(res.headers.location).toBe(
      `${API}/update/${owner}/Desk/stable/mac/x64/latest-mac.yml?version=1.0.0`,
    );
    const yml = await request(t.app).get(`${new URL(res.headers.location as string).pathname}?version=1.0.0`);
    expect(yml.status).toBe(200);
    expect(yml.text).toMatch(/^version: 1\.[12]\.0$/m);
  });

  it('answers 204 when current or ahead', async () => {
    await check({ platform: 'win', version: '1.1.0', updater: 'electron-builder' }).expect(204);
    await check({ platform: 'win', version: '3.0.0', updater: 'electron-builder' }).expect(204);
  });

  it('redirects a private app to its uploaded yml, or answers 204', async () => {
    const res = await check({
      app_name: 'Vault',
      platform: 'mac',
      version: '1.0.0',
      updater: 'electron-builder',
    }).expect(302);
    expect(res.headers.location).toMatch(new RegExp(`^${API}/download\\?key=.*1\\.1\\.0.*latest-mac\\.yml$`));
    await check({ app_name: 'Vault', platform: 'mac', version: '1.1.0', updater: 'electron-builder' }).expect(
      204,
    );
  });

  it('names "_" for what the check left out, in a tenant that has none of it', async () => {
    const solo = await feedTenant(t, { apps: ['Solo'], platforms: { win: ['electron-builder'] } });
    const publishSolo = publisher(t, solo.token, {
      app_name: 'Solo',
      platform: 'win',
      updater: 'electron-builder',
    });
    for (const version of ['1.0.0', '1.1.0']) await publishSolo(version, [file(`Solo Setup ${version}.exe`)]);
    const res = await request(t.app)
      .get('/checkVersion')
      .query({ app_name: 'Solo', owner: solo.owner, platform: 'win', version: '1.0.0' })
      .redirects(0)
      .expect(302);
    const location = res.headers.location as string;
    expect(location).toBe(`${API}/update/${solo.owner}/Solo/_/win/_/latest.yml?version=1.0.0`);
    const yml = await download(t.app, location).expect(200);
    expect(yml.body.toString()).toMatch(/^version: 1\.1\.0$/m);
  });
});

describe('/checkVersion per updater: tauri', () => {
  it('answers {version, url, signature, notes, pub_date}, with the intermediate’s own version', async () => {
    const res = await check({ platform: 'linux', version: '3.0.0', updater: 'tauri' }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['notes', 'pub_date', 'signature', 'url', 'version']);
    const body = tauriBody(res.body);
    expect(body).toMatchObject({ version: '3.1.0', signature: 'sig of 3.1.0', notes: NOTES });
    expect(res.body.pub_date).toMatch(RFC3339);
    expect((await download(t.app, body.url).expect(200)).body.length).toBe(1500);
  });

  it('answers 204 when current, and the base JSON without updater=tauri (linux defaults to manual)', async () => {
    await check({ platform: 'linux', version: '3.2.0', updater: 'tauri' }).expect(204);
    const plain = await check({ platform: 'linux', version: '3.0.0' }).expect(200);
    expect(plain.body).toMatchObject({ update_available: true, is_intermediate_required: true });
  });
});

describe('/checkVersion per updater: sparkle and velopack', () => {
  it('answer the base JSON', async () => {
    const manual = await check({ platform: 'win', version: '1.0.0', updater: 'manual' }).expect(200);
    for (const updater of ['sparkle', 'velopack']) {
      const res = await check({ platform: 'win', version: '1.0.0', updater }).expect(200);
      expect(res.text).toBe(manual.text);
    }
  });
});

describe('upload rules per updater', () => {
  const place = (platform: string, updater: string, version: string) => ({
    app_name: 'Desk',
    version,
    channel: 'stable',
    platform,
    arch: 'x64',
    updater,
  });
  let n = 0;
  const next = () => `8.${++n}.0`;

  async function artifactCount(): Promise<number> {
    const row = await t.ctx.database.db
      .selectFrom('artifacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it.each([
    ['squirrel_windows', 'win', ['Desk Setup.exe'], /squirrel_windows updater requires .*-full\.nupkg/],
    ['squirrel_darwin', 'mac', ['Desk.dmg'], /squirrel darwin updater requires a ZIP archive/],
    ['electron-builder', 'win', ['latest.yml'], /electron-builder updater requires an installer.*\.exe/],
    [
      'sparkle',
      'win',
      ['appcast.xml', 'notes.html'],
      /sparkle updater requires a full archive.*\.zip, \.dmg, \.tar\.\*/,
    ],
    [
      'velopack',
      'win',
      ['Desk-8.0.0-delta.nupkg', 'releases.win.json'],
      /velopack updater requires a full package.*-full\.nupkg/,
    ],
  ])(
    '%s without the files its feed is made from → 400, nothing kept',
    async (updater, platform, names, message) => {
      const before = await artifactCount();
      const version = next();
      const res = await upload(
        t.app,
        token,
        place(platform, updater, version),
        names.map((name) => file(name)),
      ).expect(400);
      expect(res.body.error).toMatch(message);
      expect(await artifactCount()).toBe(before);
      const temporary = await t.ctx.store.list('tmp/', 'public');
      expect(temporary).toEqual([]);
    },
  );

  it.each([
    ['squirrel_windows', 'win', (v: string) => [`Desk-${v}-full.nupkg`]],
    ['squirrel_windows', 'win', () => ['RELEASES']],
    ['squirrel_darwin', 'mac', (v: string) => [`Desk-${v}.zip`]],
    ['electron-builder', 'win', (v: string) => [`Desk Setup ${v}.exe`, `Desk Setup ${v}.exe.blockmap`]],
    ['sparkle', 'win', (v: string) => [`Desk-${v}.tar.xz`]],
    ['velopack', 'win', (v: string) => [`Desk-${v}-full.nupkg`]],
  ])('%s with them → 200', async (updater, platform, names) => {
    const version = next();
    await upload(
      t.app,
      token,
      place(platform, updater, version),
      names(version).map((name) => file(name)),
    ).expect(200);
  });

  it('refuses a Squirrel package whose file name names another version, or a dotted pre-release', async () => {
    const other = await upload(t.app, token, place('win', 'squirrel_windows', '8.50.0'), [
      file('Desk-8.49.0-full.nupkg'),
    ]).expect(400);
    expect(other.body.error).toMatch(
      /"Desk-8\.49\.0-full\.nupkg" does not name version 8\.50\.0: name it <id>-8\.50\.0-full\.nupkg/,
    );
    const dotted = await upload(t.app, token, place('win', 'squirrel_windows', '8.51.0-beta.1'), [
      file('Desk-8.51.0-beta.1-full.nupkg'),
    ]).expect(400);
    expect(dotted.body.error).toMatch(/a pre-release must have no dots/);
    await upload(t.app, token, place('win', 'squirrel_windows', '8.52.0-beta1'), [
      file('Desk-8.52.0-beta1-full.nupkg'),
    ]).expect(200);
  });
});
