import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintApiToken } from '../../src/core/auth/api-tokens.js';
import { newId } from '../../src/core/ids.js';
import type { Visibility } from '../../src/storage/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser, type PermissionInput } from '../helpers/auth.js';
import {
  createApp,
  createNamed,
  type FormPart,
  multipart,
  type SearchItem,
  search,
  sendForm,
  type UploadFile,
  upload,
} from '../helpers/releases.js';

let t: TestApp;

interface Tenant {
  username: string;
  token: string;
  tenantId: string;
  apps: Record<string, string>;
  channels: Record<string, string>;
  platforms: Record<string, string>;
  archs: Record<string, string>;
}

/** A tenant with the same catalog names as every other: isolation must come from the tenant, not the names. */
async function tenant(withCatalog = true): Promise<Tenant> {
  const admin = await newAdmin(t.app);
  const me = await request(t.app).get('/whoami').set(bearer(admin.token)).expect(200);
  const result: Tenant = {
    ...admin,
    tenantId: me.body.id as string,
    apps: {},
    channels: {},
    platforms: {},
    archs: {},
  };
  if (!withCatalog) return result;
  result.apps.desk = await createApp(t.app, admin.token, 'desk');
  result.apps.other = await createApp(t.app, admin.token, 'other');
  result.apps.secret = await createApp(t.app, admin.token, 'secret', { private: true });
  for (const name of ['stable', 'beta']) {
    result.channels[name] = await createNamed(t.app, admin.token, 'channel', name);
  }
  result.platforms.mac = await createNamed(t.app, admin.token, 'platform', 'mac', [
    { type: 'manual', default: true },
    { type: 'squirrel_darwin', default: false },
  ]);
  result.platforms.win = await createNamed(t.app, admin.token, 'platform', 'win');
  for (const name of ['x64', 'arm64'])
    result.archs[name] = await createNamed(t.app, admin.token, 'arch', name);
  return result;
}

const file = (name: string, content: Buffer | string = randomBytes(2048)): UploadFile => ({
  name,
  content: typeof content === 'string' ? Buffer.from(content) : content,
});

const encoded = (name: string): UploadFile => ({ ...file(name), encodeName: true });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let versionCounter = 0;
/** A version no other test of this file uses. */
function nextVersion(): string {
  versionCounter += 1;
  return `1.${versionCounter}.0`;
}

/** Full placement in tenant A's catalog. */
const place = (version: string, extra: Record<string, unknown> = {}) => ({
  app_name: 'desk',
  version,
  channel: 'stable',
  platform: 'mac',
  arch: 'x64',
  ...extra,
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function stored(key: string, visibility: Visibility): Promise<Buffer> {
  return readAll(await t.ctx.store.get(key, visibility));
}

async function versionOf(token: string, app: string, version: string, channel?: string): Promise<SearchItem> {
  const found = await search(t.app, token, { app_name: app, limit: '100', ...(channel ? { channel } : {}) });
  const item = found.items.find((i) => i.Version === version);
  if (!item) throw new Error(`version ${version} of ${app} not listed`);
  return item;
}

async function storageKey(artifactId: string): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('artifacts')
    .select('storage_key')
    .where('id', '=', artifactId)
    .executeTakeFirstOrThrow();
  return row.storage_key;
}

/** Everything an upload could leave behind, for "nothing written" checks. */
async function footprint(dataDir = t.dataDir, ctx = t.ctx) {
  const { db } = ctx.database;
  const count = async (table: 'versions' | 'artifacts' | 'pending_objects') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const objects: string[] = [];
  for (const visibility of ['public', 'private'] as const) {
    for (const prefix of ['releases/', 'tmp/']) {
      objects.push(...(await ctx.store.list(prefix, visibility)).map((k) => `${visibility}:${k}`));
    }
  }
  return {
    versions: await count('versions'),
    artifacts: await count('artifacts'),
    pending: await count('pending_objects'),
    objects: objects.sort(),
    scratch: await readdir(join(dataDir, 'artifacts', '.tmp')),
  };
}

let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  a = await tenant();
  b = await tenant();
});

afterAll(async () => {
  await t?.close();
});

describe('POST /upload', () => {
  it('stores one file under its final key, hashed, and lists it', async () => {
    const version = nextVersion();
    const body = randomBytes(100_000);
    const res = await upload(t.app, a.token, place(version, { publish: true }), [
      file('Desk.dmg', body),
    ]).expect(200);
    expect(Object.keys(res.body)).toEqual(['uploadResult.Uploaded']);
    const id = res.body['uploadResult.Uploaded'] as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);

    const item = await versionOf(a.token, 'desk', version);
    expect(item).toMatchObject({
      ID: id,
      AppName: 'desk',
      Version: version,
      Channel: 'stable',
      Published: true,
      Critical: false,
      Intermediate: false,
      RolloutPercent: 100,
      Changelog: [{ Version: version, Changes: '', Date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }],
    });
    expect(item.Artifacts).toHaveLength(1);
    const artifact = item.Artifacts[0];
    expect(artifact).toMatchObject({
      platform: 'mac',
      arch: 'x64',
      package: '.dmg',
      file_name: 'Desk.dmg',
      size: body.length,
      sha256: sha256(body),
      sha512: createHash('sha512').update(body).digest('hex'),
    });
    expect(artifact).not.toHaveProperty('signature');

    const key = await storageKey(artifact?.id ?? '');
    expect(key).toBe(
      `releases/${a.tenantId}/${a.apps.desk}/${a.channels.stable}/${version}/${a.platforms.mac}/${a.archs.x64}/Desk.dmg`,
    );
    expect((await stored(key, 'public')).equals(body)).toBe(true);
    // The link is built from the key when answering: the local driver serves it itself.
    expect(artifact?.link).toBe(`http://updraft.test/files/public/${key}`);
    const fetched = await request(t.app)
      .get(new URL(artifact?.link ?? '').pathname)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((fetched.body as Buffer).equals(body)).toBe(true);
    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([]);
  });

  it('stores several files of one request in the order they were sent', async () => {
    const version = nextVersion();
    const files = [
      file('Desk-Setup.exe'),
      file('RELEASES', 'abc'),
      file('desk.tar.gz'),
      file('latest.yml', 'v'),
    ];
    await upload(t.app, a.token, place(version), files).expect(200);
    const item = await versionOf(a.token, 'desk', version);
    expect(item.Artifacts.map((x) => [x.file_name, x.package, x.sha256])).toEqual(
      files.map((f) => [
        f.name,
        f.name === 'RELEASES' ? '' : f.name === 'desk.tar.gz' ? '.gz' : f.name.slice(-4),
        sha256(f.content),
      ]),
    );
    const yml = item.Artifacts.find((x) => x.file_name === 'latest.yml');
    expect((await t.ctx.store.head(await storageKey(yml?.id ?? ''), 'public'))?.contentType).toBe(
      'text/yaml',
    );
  });

  it('adds a later upload of the same version with another platform or arch to that version', async () => {
    const version = nextVersion();
    const first = await upload(t.app, a.token, place(version), [file('Desk.dmg')]).expect(200);
    const second = await upload(t.app, a.token, place(version, { arch: 'arm64' }), [file('Desk.dmg')]).expect(
      200,
    );
    const third = await upload(t.app, a.token, place(version, { platform: 'win' }), [
      file('Desk.exe'),
    ]).expect(200);
    expect(second.body['uploadResult.Uploaded']).toBe(first.body['uploadResult.Uploaded']);
    expect(third.body['uploadResult.Uploaded']).toBe(first.body['uploadResult.Uploaded']);
    const item = await versionOf(a.token, 'desk', version);
    expect(item.Artifacts.map((x) => `${x.platform}/${x.arch}/${x.file_name}`)).toEqual([
      'mac/x64/Desk.dmg',
      'mac/arm64/Desk.dmg',
      'win/x64/Desk.exe',
    ]);
  });

  it('keeps the same version in two channels as two versions', async () => {
    const version = nextVersion();
    const stable = await upload(t.app, a.token, place(version), [file('Desk.dmg')]).expect(200);
    const beta = await upload(t.app, a.token, place(version, { channel: 'beta' }), [file('Desk.dmg')]).expect(
      200,
    );
    expect(beta.body['uploadResult.Uploaded']).not.toBe(stable.body['uploadResult.Uploaded']);
    expect((await versionOf(a.token, 'desk', version, 'stable')).ID).toBe(
      stable.body['uploadResult.Uploaded'],
    );
    expect((await versionOf(a.token, 'desk', version, 'beta')).ID).toBe(beta.body['uploadResult.Uploaded']);
  });

  it("reads FaynoSync's build numbers (0.0.2-137 is 0.0.2.137) and keeps pre-releases", async () => {
    await upload(t.app, a.token, place('0.0.2-137'), [file('Desk.dmg')]).expect(200);
    await versionOf(a.token, 'desk', '0.0.2.137');
    await upload(t.app, a.token, place('0.0.3-beta.1'), [file('Desk.dmg')]).expect(200);
    await versionOf(a.token, 'desk', '0.0.3-beta.1');
  });

  it("sets the flags sent; a later upload to the version adds its files and changes none of the version's fields", async () => {
    const version = nextVersion();
    await sendForm(t.app, '/upload', a.token, [
      {
        name: 'data',
        value: JSON.stringify(
          place(version, {
            publish: 'true',
            critical: true,
            rollout: 25,
            changelog: '### Fixed\n- a crash',
            signature: 'sig-1',
          }),
        ),
      },
      { name: 'intermediate', value: 'true' },
      { name: 'file', file: file('Desk.dmg') },
    ]).expect(200);
    const before = await versionOf(a.token, 'desk', version);
    expect(before).toMatchObject({
      Published: true,
      Critical: true,
      Intermediate: true,
      RolloutPercent: 25,
      Changelog: [{ Changes: '### Fixed\n- a crash' }],
    });
    expect(before.Artifacts[0]?.signature).toBe('sig-1');

    await upload(t.app, a.token, place(version, { arch: 'arm64' }), [file('Desk.dmg')]).expect(200);
    expect(await versionOf(a.token, 'desk', version)).toMatchObject({
      Published: true,
      Critical: true,
      Intermediate: true,
      RolloutPercent: 25,
      Changelog: [{ Changes: '### Fixed\n- a crash' }],
    });
    await upload(
      t.app,
      a.token,
      place(version, {
        platform: 'win',
        publish: false,
        critical: false,
        intermediate: false,
        rollout: 50,
        changelog: 'the Windows notes',
        signature: 'sig-2',
      }),
      [file('Desk.exe')],
    ).expect(200);
    const after = await versionOf(a.token, 'desk', version);
    expect(after).toMatchObject({
      Published: true,
      Critical: true,
      Intermediate: true,
      RolloutPercent: 25,
      Changelog: [{ Changes: '### Fixed\n- a crash' }],
    });
    // The signature belongs to the files it came with.
    expect(after.Artifacts.map((x) => [x.file_name, x.platform, x.signature])).toEqual([
      ['Desk.dmg', 'mac', 'sig-1'],
      ['Desk.dmg', 'mac', undefined],
      ['Desk.exe', 'win', 'sig-2'],
    ]);
  });

  it("keeps a private app's files private and links them through /download", async () => {
    const version = nextVersion();
    await upload(t.app, a.token, place(version, { app_name: 'secret' }), [file('Secret.dmg')]).expect(200);
    const item = await versionOf(a.token, 'secret', version);
    const artifact = item.Artifacts[0];
    const key = await storageKey(artifact?.id ?? '');
    expect(await t.ctx.store.head(key, 'public')).toBeUndefined();
    expect(await t.ctx.store.head(key, 'private')).toBeDefined();
    expect(artifact?.link).toBe(`http://updraft.test/download?key=${encodeURIComponent(key)}`);
    await request(t.app).get(`/files/public/${key}`).expect(404);
  });

  it('refuses a duplicate with 409 and leaves the first file and its hashes untouched', async () => {
    const version = nextVersion();
    const original = randomBytes(50_000);
    await upload(t.app, a.token, place(version), [file('Desk.dmg', original)]).expect(200);
    const before = await versionOf(a.token, 'desk', version);
    const snapshot = await footprint();

    const res = await upload(t.app, a.token, place(version), [file('Desk.dmg', randomBytes(60_000))]).expect(
      409,
    );
    expect(res.body.error).toBe(
      'app with this name, version, platform, architecture and file already exists',
    );
    // A request whose second file is the duplicate stores neither.
    await upload(t.app, a.token, place(version), [file('New.zip'), file('Desk.dmg')]).expect(409);

    expect(await footprint()).toEqual(snapshot);
    const after = await versionOf(a.token, 'desk', version);
    expect(after.Artifacts).toEqual(before.Artifacts);
    const key = await storageKey(after.Artifacts[0]?.id ?? '');
    const bytes = await stored(key, 'public');
    expect(bytes.equals(original)).toBe(true);
    expect(sha256(bytes)).toBe(after.Artifacts[0]?.sha256);
  });

  it('lets exactly one of two concurrent uploads of the same file win; the stored bytes are the winner’s', async () => {
    for (let round = 0; round < 3; round++) {
      const version = nextVersion();
      const bodies = [randomBytes(400_000), randomBytes(400_000)];
      const results = await Promise.all(
        bodies.map((body) => upload(t.app, a.token, place(version), [file('Desk.dmg', body)])),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.findIndex((r) => r.status === 200);
      const item = await versionOf(a.token, 'desk', version);
      expect(item.Artifacts).toHaveLength(1);
      const bytes = await stored(await storageKey(item.Artifacts[0]?.id ?? ''), 'public');
      expect(bytes.equals(bodies[winner] ?? Buffer.alloc(0))).toBe(true);
      expect(item.Artifacts[0]?.sha256).toBe(sha256(bytes));
    }
    const left = await footprint();
    expect(left.pending).toBe(0);
    expect(left.scratch).toEqual([]);
    expect(left.objects.filter((k) => k.includes(':tmp/'))).toEqual([]);
  });

  it('refuses the same file name twice in one request', async () => {
    const snapshot = await footprint();
    const res = await upload(t.app, a.token, place(nextVersion()), [
      file('Desk.dmg'),
      file('Desk.dmg'),
    ]).expect(400);
    expect(res.body.error).toContain('"Desk.dmg" was sent twice');
    expect(await footprint()).toEqual(snapshot);
  });
});

describe('who may upload', () => {
  async function apiToken(owner: Tenant, apps: string[]): Promise<string> {
    const { token, hash, prefix } = mintApiToken();
    const id = newId();
    const { db } = t.ctx.database;
    await db
      .insertInto('api_tokens')
      .values({ id, tenant_id: owner.tenantId, name: 'ci', token_hash: hash, token_prefix: prefix })
      .execute();
    await db
      .insertInto('api_token_apps')
      .values(apps.map((app_id) => ({ token_id: id, app_id })))
      .execute();
    return token;
  }

  it('lets an API token upload to its apps only, and use nothing else', async () => {
    const token = await apiToken(a, [a.apps.desk ?? '']);
    await upload(t.app, token, place(nextVersion()), [file('Desk.dmg')]).expect(200);
    const snapshot = await footprint();
    const refused = await upload(t.app, token, place(nextVersion(), { app_name: 'other' }), [
      file('Other.dmg'),
    ]).expect(403);
    expect(refused.body.error).toMatch(/api token has no access to this app/);
    expect(await footprint()).toEqual(snapshot);
    await request(t.app).get('/search').query({ app_name: 'desk' }).set(bearer(token)).expect(403);
    await request(t.app).get('/').set(bearer(token)).expect(403);
    await request(t.app).delete(`/apps/delete?id=${newId()}`).set(bearer(token)).expect(403);
  });

  it("never reaches another tenant's app through a token", async () => {
    const token = await apiToken(a, [a.apps.desk ?? '']);
    // Tenant B's app of the same name is not the token's app: the upload lands in tenant A.
    const version = nextVersion();
    await upload(t.app, token, place(version), [file('Desk.dmg')]).expect(200);
    expect(
      (await search(t.app, b.token, { app_name: 'desk', limit: '100' })).items.map((i) => i.Version),
    ).not.toContain(version);
  });

  const all = (): PermissionInput => ({
    apps: { upload: true, allowed: [a.apps.desk ?? ''] },
    channels: { allowed: [a.channels.stable ?? ''] },
    platforms: { allowed: [a.platforms.mac ?? ''] },
    archs: { allowed: [a.archs.x64 ?? ''] },
  });

  it.each([
    ['with apps.upload and everything allowed', () => all(), 200],
    ['without apps.upload', () => ({ ...all(), apps: { upload: false, allowed: [a.apps.desk ?? ''] } }), 403],
    [
      'without the app allowed',
      () => ({ ...all(), apps: { upload: true, allowed: [a.apps.other ?? ''] } }),
      403,
    ],
    [
      'without the channel allowed',
      () => ({ ...all(), channels: { allowed: [a.channels.beta ?? ''] } }),
      403,
    ],
    [
      'without the platform allowed',
      () => ({ ...all(), platforms: { allowed: [a.platforms.win ?? ''] } }),
      403,
    ],
    ['without the arch allowed', () => ({ ...all(), archs: { allowed: [a.archs.arm64 ?? ''] } }), 403],
  ] as const)('a team user %s gets %s', async (_label, permissions, status) => {
    const user = await newTeamUser(t.app, a.token, permissions());
    const snapshot = await footprint();
    const res = await upload(t.app, user.token, place(nextVersion()), [file('Desk.dmg')]);
    expect(res.status).toBe(status);
    if (status !== 200) expect(await footprint()).toEqual(snapshot);
  });

  it("does not know another tenant's app, and never touches it", async () => {
    const only = await createApp(t.app, b.token, 'b-only');
    const before = await search(t.app, b.token, { app_name: 'b-only' });
    const snapshot = await footprint();
    const res = await upload(t.app, a.token, place(nextVersion(), { app_name: 'b-only' }), [
      file('x.dmg'),
    ]).expect(400);
    expect(res.body.error).toMatch(/^app_name not found/);
    expect(await footprint()).toEqual(snapshot);
    expect(await search(t.app, b.token, { app_name: 'b-only' })).toEqual(before);
    expect(only).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('bad uploads are refused before anything is written', () => {
  const form = (data: unknown, files: UploadFile[] = [file('Desk.dmg')]): FormPart[] => [
    { name: 'data', value: typeof data === 'string' ? data : JSON.stringify(data) },
    ...files.map((f) => ({ name: 'file', file: f })),
  ];

  const cases: [string, () => FormPart[], number, RegExp][] = [
    [
      'no data field',
      () => [{ name: 'file', file: file('Desk.dmg') }],
      400,
      /No JSON data provided: send a "data" form field/,
    ],
    ['data that is not JSON', () => form('{"app_name": "desk",'), 400, /Invalid JSON data/],
    ['data that is not an object', () => form('[1,2]'), 400, /data must be a JSON object/],
    [
      'a field after the file',
      () => [...form(place('9.0.1')), { name: 'intermediate', value: 'true' }],
      400,
      /"intermediate" came after a file/,
    ],
    ['no file', () => form(place('9.0.2'), []), 400, /no file sent/],
    [
      'a file field of another name',
      () => [...form(place('9.0.3'), []), { name: 'logo', file: file('a.png') }],
      400,
      /unexpected file field "logo"/,
    ],
    ['no app_name', () => form({ version: '1.0.0' }), 400, /app_name is required/],
    [
      'no version',
      () => form({ app_name: 'desk', channel: 'stable', platform: 'mac', arch: 'x64' }),
      400,
      /version is required/,
    ],
    ['a version of 500 characters', () => form(place('1'.repeat(500))), 400, /version is too long/],
    ['a malformed version', () => form(place('1.2.3.4.5')), 400, /invalid version "1\.2\.3\.4\.5"/],
    [
      'rollout 101',
      () => form(place('9.1.0', { rollout: 101 })),
      400,
      /rollout must be an integer between 0 and 100/,
    ],
    [
      'rollout -1',
      () => form(place('9.1.1', { rollout: -1 })),
      400,
      /rollout must be an integer between 0 and 100/,
    ],
    [
      'rollout "abc"',
      () => form(place('9.1.2', { rollout: 'abc' })),
      400,
      /rollout must be an integer between 0 and 100/,
    ],
    [
      'rollout 2.5',
      () => form(place('9.1.3', { rollout: 2.5 })),
      400,
      /rollout must be an integer between 0 and 100/,
    ],
    ['publish "yes"', () => form(place('9.1.4', { publish: 'yes' })), 400, /publish must be true or false/],
    [
      'a changelog over 64 KB',
      () => form(place('9.1.5', { changelog: 'x'.repeat(65 * 1024) })),
      400,
      /changelog must be at most 64 KB/,
    ],
    [
      'an unknown channel',
      () => form(place('9.2.0', { channel: 'nightly' })),
      400,
      /wrong name of channel\. Channel does not exist/,
    ],
    [
      'no channel',
      () => form(place('9.2.1', { channel: undefined })),
      400,
      /you have created channels, setting channel is required/,
    ],
    [
      'an unknown platform',
      () => form(place('9.2.2', { platform: 'linux' })),
      400,
      /wrong name of platform\. Platform does not exist/,
    ],
    [
      'no platform',
      () => form(place('9.2.3', { platform: '' })),
      400,
      /you have created platforms, setting platform is required/,
    ],
    [
      'an unknown arch',
      () => form(place('9.2.4', { arch: 'riscv' })),
      400,
      /wrong name of arch\. Arch does not exist/,
    ],
    [
      'no arch',
      () => form(place('9.2.5', { arch: null })),
      400,
      /you have created archs, setting arch is required/,
    ],
    ['an unknown app', () => form(place('9.2.6', { app_name: 'nope' })), 400, /app_name not found/],
    [
      'an updater the platform lacks',
      () => form(place('9.3.0', { updater: 'sparkle' })),
      400,
      /updater "sparkle" is not configured for platform "mac"/,
    ],
    [
      '../evil',
      () => form(place('9.4.0'), [file('../evil')]),
      400,
      /file name "\.\.\/evil" has a directory part/,
    ],
    [
      'a/b.dmg',
      () => form(place('9.4.1'), [file('a/b.dmg')]),
      400,
      /file name "a\/b\.dmg" has a directory part/,
    ],
    ['a\\b', () => form(place('9.4.2'), [file('a\\b')]), 400, /file name "a\\b" has a directory part/],
    ['.hidden', () => form(place('9.4.3'), [file('.hidden')]), 400, /file name "\.hidden" starts with "\."/],
    ['..', () => form(place('9.4.4'), [file('..')]), 400, /file name "\.\." contains "\.\."/],
    [
      'a NUL in the file name',
      () => form(place('9.4.5'), [encoded('a\u0000b.dmg')]),
      400,
      /file name "a\?b\.dmg" contains control characters/,
    ],
    [
      'a control character in the file name',
      () => form(place('9.4.6'), [encoded('a\u001bb.dmg')]),
      400,
      /file name "a\?b\.dmg" contains control characters/,
    ],
    [
      'a DEL in the file name',
      () => form(place('9.4.10'), [encoded('a\u007fb.dmg')]),
      400,
      /file name "a\?b\.dmg" contains control characters/,
    ],
    // A raw control byte cannot even be a header: the form is refused as malformed.
    [
      'a raw NUL in the file name',
      () => form(place('9.4.11'), [file('a\u0000b.dmg')]),
      400,
      /malformed multipart form data/,
    ],
    [
      'a name of 300 characters',
      () => form(place('9.4.7'), [file(`${'x'.repeat(296)}.dmg`)]),
      400,
      /is longer than 244 bytes/,
    ],
    // 255 bytes is a valid file name, but not beside the local driver's `.<name>.meta.json` sidecar.
    [
      'a name of 255 bytes',
      () => form(place('9.4.12'), [file(`${'x'.repeat(251)}.dmg`)]),
      400,
      /is longer than 244 bytes/,
    ],
    ['an empty file name', () => form(place('9.4.8'), [file('')]), 400, /a file has no name/],
    [
      'a good file, then a bad one',
      () => form(place('9.4.9'), [file('Desk.dmg'), file('../x')]),
      400,
      /"\.\.\/x" has a directory part/,
    ],
  ];

  it.each(cases)('%s', async (_label, parts, status, message) => {
    const snapshot = await footprint();
    const res = await sendForm(t.app, '/upload', a.token, parts());
    expect(res.status).toBe(status);
    expect(res.body.error).toMatch(message);
    expect(await footprint()).toEqual(snapshot);
  });

  it('takes a name of the longest length the storage holds, and a refused name leaves no claim behind', async () => {
    const longest = `${'y'.repeat(240)}.dmg`;
    const version = '9.4.13';
    const refused = await sendForm(t.app, '/upload', a.token, form(place(version), [file(`y${longest}`)]));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/longer than 244 bytes: rename the file/);
    const claims = await t.ctx.database.db.selectFrom('pending_objects').select('storage_key').execute();
    expect(claims).toEqual([]);
    // The retry is not a 409: nothing was claimed.
    const res = await sendForm(t.app, '/upload', a.token, form(place(version), [file(longest)]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = await t.ctx.database.db
      .selectFrom('artifacts')
      .select('storage_key')
      .where('file_name', '=', longest)
      .executeTakeFirstOrThrow();
    expect(await t.ctx.store.head(stored.storage_key, 'public')).toBeDefined();
  });

  it('refuses a non-multipart request', async () => {
    const snapshot = await footprint();
    const res = await request(t.app).post('/upload').set(bearer(a.token)).send(place('9.6.0')).expect(400);
    expect(res.body.error).toBe('multipart form data is required');
    expect(await footprint()).toEqual(snapshot);
  });

  it('refuses a truncated multipart body', async () => {
    const snapshot = await footprint();
    const { body, contentType } = multipart(form(place('9.6.1'), [file('Desk.dmg', randomBytes(200_000))]));
    const res = await request(t.app)
      .post('/upload')
      .set(bearer(a.token))
      .set('Content-Type', contentType)
      .send(body.subarray(0, 150_000));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/malformed multipart form data|ended before the whole form/);
    expect(await footprint()).toEqual(snapshot);
  });

  it('accepts an updater the platform has, and a known one without a platform', async () => {
    await upload(t.app, a.token, place(nextVersion(), { updater: 'squirrel_darwin' }), [
      file('Desk.zip'),
    ]).expect(200);
    const bare = await tenant(false);
    await createApp(t.app, bare.token, 'plain');
    await upload(
      t.app,
      bare.token,
      { app_name: 'plain', version: '1.0.0', updater: 'tauri', signature: 'c2ln' },
      [file('a.zip')],
    ).expect(200);
    const res = await upload(t.app, bare.token, { app_name: 'plain', version: '1.0.1', updater: 'nope' }, [
      file('a.zip'),
    ]).expect(400);
    expect(res.body.error).toMatch(/invalid updater type: nope/);
  });

  it('lets a tenant without channels, platforms or archs upload without them', async () => {
    const bare = await tenant(false);
    const appId = await createApp(t.app, bare.token, 'plain');
    await upload(t.app, bare.token, { app_name: 'plain', version: '2.0.0' }, [file('plain.zip')]).expect(200);
    const item = (await search(t.app, bare.token, { app_name: 'plain' })).items[0];
    expect(item).toMatchObject({ Channel: '', Artifacts: [{ platform: '', arch: '' }] });
    expect(await storageKey(item?.Artifacts[0]?.id ?? '')).toBe(
      `releases/${bare.tenantId}/${appId}/_/2.0.0/_/_/plain.zip`,
    );
  });
});

describe('aborted and oversized uploads', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('leaves nothing behind when the client goes away in the middle of a file', async () => {
    const snapshot = await footprint();
    const { body, contentType } = multipart([
      { name: 'data', value: JSON.stringify(place(nextVersion())) },
      { name: 'file', file: file('First.dmg', randomBytes(300_000)) },
      { name: 'file', file: file('Second.dmg', randomBytes(4_000_000)) },
    ]);
    const req = httpRequest({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/upload',
      headers: {
        authorization: `Bearer ${a.token}`,
        'content-type': contentType,
        'content-length': body.length,
      },
    });
    req.on('error', () => {});
    req.write(body.subarray(0, 2_000_000));
    // The first file is complete (a temporary object) and the second is being written when the client leaves.
    const deadline = Date.now() + 10_000;
    while ((await t.ctx.store.list('tmp/', 'public')).length === 0 && Date.now() < deadline) await sleep(20);
    expect(await t.ctx.store.list('tmp/', 'public')).toHaveLength(1);
    req.destroy();
    let left = await footprint();
    while (JSON.stringify(left) !== JSON.stringify(snapshot) && Date.now() < deadline) {
      await sleep(50);
      left = await footprint();
    }
    expect(left).toEqual(snapshot);
  });

  it('refuses an upload over UPLOAD_MAX_BYTES with 413 and keeps nothing', async () => {
    const small = await createTestApp({ UPLOAD_MAX_BYTES: '1MB' });
    try {
      const admin = await newAdmin(small.app);
      await createApp(small.app, admin.token, 'desk');
      const data = { app_name: 'desk', version: '1.0.0' };
      const snapshot = await footprint(small.dataDir, small.ctx);

      const one = await upload(small.app, admin.token, data, [file('big.dmg', randomBytes(1024 * 1024 + 1))]);
      expect(one.status).toBe(413);
      expect(one.body.error).toMatch(/larger than the limit of 1 MB/);
      expect(await footprint(small.dataDir, small.ctx)).toEqual(snapshot);

      // The limit is for the request: two files under it on their own are over it together.
      const two = await upload(small.app, admin.token, data, [
        file('a.dmg', randomBytes(600 * 1024)),
        file('b.dmg', randomBytes(600 * 1024)),
      ]);
      expect(two.status).toBe(413);
      expect(await footprint(small.dataDir, small.ctx)).toEqual(snapshot);

      await upload(small.app, admin.token, data, [file('exact.dmg', randomBytes(1024 * 1024))]).expect(200);
    } finally {
      await small.close();
    }
  });
});
