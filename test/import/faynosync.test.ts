import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import bcrypt from 'bcrypt';
import { Client } from 'minio';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_USAGE, parseImportArguments } from '../../src/import/faynosync/arguments.js';
import {
  type FaynosyncImportOptions,
  formatSummary,
  type ImportSummary,
  importFaynosync,
} from '../../src/import/faynosync/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import { upload } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * A FaynoSync instance as `mongoexport` writes it (Extended JSON v2, the document shapes of faynosync-behaviour.md
 * §2) with the objects of its two buckets, imported into Updraft; then the §5.4 checkVersion scenarios are asked
 * of the imported server.
 */

const API = 'http://updraft.test';
const OWNER = 'admin';
const SECOND = 'second';
const PUBLIC_BUCKET = 'fayno-public';
const PRIVATE_BUCKET = 'fayno-private';
const ADMIN_PASSWORD = 'fayno-admin-password';
const TEAM_PASSWORD = 'fayno-team-password';
const API_TOKEN = `fns_${'ab12'.repeat(16)}`;
const ROLLOUT_SEED = '0123456789abcdef';
const CHECK = { channel: 'nightly', platform: 'universalPlatform', arch: 'universalArch', owner: OWNER };

let counter = 0;
/** A fresh ObjectId, as mongoexport writes one. */
const oid = () => ({ $oid: (0x650000000000 + ++counter).toString(16).padStart(24, '0') });
const date = (iso: string) => ({ $date: iso });

/** Go's bcrypt writes `$2a$`; Node's writes `$2b$` for the same hash. */
const goBcrypt = (password: string) => bcrypt.hashSync(password, 4).replace(/^\$2b\$/, '$2a$');

interface StoredObject {
  bucket: string;
  key: string;
  bytes: Buffer;
}

/** The export and the objects it refers to. */
function buildFixture(): { collections: Record<string, unknown[]>; objects: StoredObject[] } {
  const objects: StoredObject[] = [];
  const ids = {
    nightly: oid(),
    stable: oid(),
    universalPlatform: oid(),
    universalArch: oid(),
    testapp: oid(),
    publicApp: oid(),
    newApp: oid(),
    rolloutApp: oid(),
  };
  const appsMeta = [
    { _id: ids.nightly, channel_name: 'nightly', owner: OWNER, updated_at: date('2024-01-01T00:00:00Z') },
    { _id: ids.stable, channel_name: 'stable', owner: OWNER, updated_at: date('2024-01-01T00:00:00Z') },
    {
      _id: ids.universalPlatform,
      platform_name: 'universalPlatform',
      updaters: [{ type: 'manual', default: true }],
      owner: OWNER,
      updated_at: date('2024-01-01T00:00:00Z'),
    },
    {
      _id: ids.universalArch,
      arch_id: 'universalArch',
      owner: OWNER,
      updated_at: date('2024-01-01T00:00:00Z'),
    },
    {
      _id: ids.testapp,
      app_name: 'testapp',
      private: true,
      owner: OWNER,
      updated_at: date('2024-01-01T00:00:00Z'),
    },
    {
      _id: ids.publicApp,
      app_name: 'public testapp',
      description: 'the public one',
      logo: 'https://cdn.example.com/fayno-public/public%20testapp-admin/public%20testapp-logo.png',
      owner: OWNER,
      updated_at: date('2024-01-01T00:00:00Z'),
    },
    { _id: ids.newApp, app_name: 'newApp', owner: OWNER, updated_at: date('2024-01-01T00:00:00Z') },
    { _id: ids.rolloutApp, app_name: 'rolloutApp', owner: OWNER, updated_at: date('2024-01-01T00:00:00Z') },
  ];

  /** An artifact as FaynoSync's manual upload stores it: renamed `{app}-{version}{ext}`, linked absolutely. */
  const artifact = (app: string, isPrivate: boolean, version: string, ext: string) => {
    const key = `${app}-${OWNER}/nightly/universalPlatform/universalArch/${app}-${version}${ext}`;
    const bytes = Buffer.from(`${app} ${version}${ext} ${randomBytes(8).toString('hex')}`);
    objects.push({ bucket: isPrivate ? PRIVATE_BUCKET : PUBLIC_BUCKET, key, bytes });
    const link = isPrivate
      ? `https://fayno.example.com/download?key=${encodeURIComponent(key)}`
      : `https://cdn.example.com/${PUBLIC_BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`;
    return {
      link,
      platform: ids.universalPlatform,
      arch: ids.universalArch,
      package: ext,
      signature: '',
      hashes: {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sha512: createHash('sha512').update(bytes).digest('hex'),
      },
      length: { $numberLong: String(bytes.length) },
    };
  };
  const version = (
    app: keyof typeof ids,
    name: string,
    isPrivate: boolean,
    v: string,
    flags: {
      published?: boolean;
      critical?: boolean;
      intermediate?: boolean;
      changelog?: string;
      rollout?: number;
    },
  ) => ({
    _id: oid(),
    app_id: ids[app],
    version: v,
    channel_id: ids.nightly,
    published: flags.published ?? true,
    critical: flags.critical ?? false,
    required_intermediate: flags.intermediate ?? false,
    artifacts: ['', '.dmg', '.pkg'].map((ext) => artifact(name, isPrivate, v, ext)),
    changelog: flags.changelog ? [{ version: v, changes: flags.changelog, date: '2024-01-02' }] : [],
    ...(flags.rollout === undefined
      ? {}
      : { rollout_percent: { $numberInt: String(flags.rollout) }, rollout_seed: ROLLOUT_SEED }),
    owner: OWNER,
    updated_at: date('2024-01-02T00:00:00Z'),
  });
  const apps: Record<string, unknown>[] = [
    version('testapp', 'testapp', true, '0.0.2.137', { critical: true, changelog: '### Changelog' }),
    version('testapp', 'testapp', true, '0.0.3.137', { published: false }),
    version('publicApp', 'public testapp', false, '0.0.1.137', {}),
    version('newApp', 'newApp', false, '0.0.6.135', {}),
    version('newApp', 'newApp', false, '0.0.7.137', { intermediate: true }),
    version('newApp', 'newApp', false, '0.0.8.136', {}),
    version('newApp', 'newApp', false, '0.0.9.137', { intermediate: true, critical: true }),
    version('newApp', 'newApp', false, '0.0.10.138', {}),
    version('rolloutApp', 'rolloutApp', false, '1.0.0', {}),
    version('rolloutApp', 'rolloutApp', false, '1.1.0', { rollout: 30, changelog: 'Staged' }),
    // Refers to an app the export does not hold: reported, not imported.
    { ...version('newApp', 'newApp', false, '9.9.9', {}), app_id: oid() },
  ];
  // A file the buckets lost: reported, the rest of its version imported.
  objects.splice(
    objects.findIndex((o) => o.key.endsWith('newApp-0.0.6.135.pkg')),
    1,
  );
  const permissions = {
    apps: {
      create: false,
      delete: false,
      edit: false,
      download: true,
      upload: true,
      allowed: [ids.newApp.$oid],
    },
    channels: { create: false, delete: false, edit: false, allowed: [ids.nightly.$oid] },
    platforms: { create: false, delete: false, edit: false, allowed: [ids.universalPlatform.$oid] },
    archs: { create: false, delete: false, edit: false, allowed: [ids.universalArch.$oid] },
  };
  // A second admin (a second tenant) with an app, channel, platform and arch of the same names as the first's.
  const second = { testapp: oid(), nightly: oid(), platform: oid(), arch: oid() };
  const secondKey = `testapp-${SECOND}/nightly/universalPlatform/universalArch/testapp-5.0.0.zip`;
  const secondBytes = Buffer.from('second tenant testapp 5.0.0');
  objects.push({ bucket: PUBLIC_BUCKET, key: secondKey, bytes: secondBytes });
  appsMeta.push(
    { _id: second.testapp, app_name: 'testapp', owner: SECOND, updated_at: date('2024-02-01T00:00:00Z') },
    { _id: second.nightly, channel_name: 'nightly', owner: SECOND, updated_at: date('2024-02-01T00:00:00Z') },
    {
      _id: second.platform,
      platform_name: 'universalPlatform',
      updaters: [{ type: 'manual', default: true }],
      owner: SECOND,
      updated_at: date('2024-02-01T00:00:00Z'),
    },
    { _id: second.arch, arch_id: 'universalArch', owner: SECOND, updated_at: date('2024-02-01T00:00:00Z') },
  );
  apps.push({
    _id: oid(),
    app_id: second.testapp,
    version: '5.0.0',
    channel_id: second.nightly,
    published: true,
    critical: false,
    required_intermediate: false,
    artifacts: [
      {
        link: `https://cdn.example.com/${PUBLIC_BUCKET}/${secondKey}`,
        platform: second.platform,
        arch: second.arch,
        package: '.zip',
        signature: '',
        hashes: { sha256: createHash('sha256').update(secondBytes).digest('hex') },
        length: { $numberLong: String(secondBytes.length) },
      },
    ],
    changelog: [],
    owner: SECOND,
    updated_at: date('2024-02-02T00:00:00Z'),
  });
  return {
    collections: {
      admins: [
        { _id: oid(), username: SECOND, password: goBcrypt(ADMIN_PASSWORD) },
        {
          _id: oid(),
          username: OWNER,
          password: goBcrypt(ADMIN_PASSWORD),
          updated_at: date('2024-01-01T00:00:00Z'),
        },
      ],
      team_users: [
        {
          _id: oid(),
          username: 'releaser',
          password: goBcrypt(TEAM_PASSWORD),
          owner: OWNER,
          permissions,
          updated_at: date('2024-01-01T00:00:00Z'),
        },
      ],
      apps_meta: appsMeta,
      apps,
      api_tokens: [
        {
          _id: oid(),
          name: 'ci',
          token_hash: createHash('sha256').update(API_TOKEN).digest('hex'),
          token_prefix: API_TOKEN.slice(0, 12),
          owner: OWNER,
          allowed_apps: [ids.newApp.$oid],
          created_at: { $date: { $numberLong: String(Date.parse('2024-01-03T00:00:00Z')) } },
        },
      ],
    },
    objects,
  };
}

const fixture = buildFixture();
const workDir = mkdtempSync(join(tmpdir(), 'updraft-fayno-import-'));
const exportDir = join(workDir, 'export');
const filesDir = join(workDir, 'files');

function writeExport(): void {
  mkdirSync(exportDir, { recursive: true });
  for (const [name, docs] of Object.entries(fixture.collections)) {
    // mongoexport writes JSON lines unless told --jsonArray: both are read.
    const text =
      name === 'apps_meta'
        ? JSON.stringify(docs, null, 2)
        : docs.map((doc) => JSON.stringify(doc)).join('\n');
    writeFileSync(join(exportDir, `${name}.json`), `${text}\n`);
  }
  for (const object of fixture.objects) {
    const path = join(filesDir, object.bucket, ...object.key.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, object.bytes);
  }
}
writeExport();

const fromFiles = (dryRun: boolean): FaynosyncImportOptions => ({
  mongoExport: exportDir,
  source: { files: filesDir },
  buckets: { public: PUBLIC_BUCKET, private: PRIVATE_BUCKET },
  dryRun,
});

const TABLES = [
  'users',
  'user_grants',
  'apps',
  'channels',
  'platforms',
  'archs',
  'versions',
  'artifacts',
  'api_tokens',
] as const;

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.ctx.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const importedCounts = (summary: ImportSummary) =>
  Object.fromEntries(Object.entries(summary.counts).map(([kind, c]) => [kind, c.imported]));

let t: TestApp;
let dry: ImportSummary;
let afterDry: Record<string, number>;
let first: ImportSummary;

beforeAll(async () => {
  t = await createTestApp();
  dry = await importFaynosync(fromFiles(true), t.ctx);
  afterDry = await rowCounts(t);
  first = await importFaynosync(fromFiles(false), t.ctx);
});

afterAll(async () => {
  await t?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function check(query: Record<string, string>) {
  return request(t.app).get('/checkVersion').query(query);
}

const keyOf = (app: string, version: string, ext: string) =>
  `${app}-${OWNER}/nightly/universalPlatform/universalArch/${app}-${version}${ext}`;
const privateLink = (version: string, ext: string) =>
  `${API}/download?key=${encodeURIComponent(keyOf('testapp', version, ext))}`;
const publicLink = (app: string, version: string, ext: string) =>
  `${API}/files/public/${keyOf(app, version, ext).split('/').map(encodeURIComponent).join('/')}`;

describe('import faynosync: what it moves', () => {
  it('a dry run writes nothing and reports what the run then imports', () => {
    expect(Object.values(afterDry).every((n) => n === 0)).toBe(true);
    expect(dry.dryRun).toBe(true);
    expect(importedCounts(dry)).toEqual(importedCounts(first));
    expect(dry.notMoved).toEqual(first.notMoved);
  });

  it('moves one tenant with its catalog, versions, files, team user and token', () => {
    expect(importedCounts(first)).toEqual({
      tenants: 2,
      teamUsers: 1,
      channels: 3,
      platforms: 2,
      archs: 2,
      apps: 5,
      versions: 11,
      files: 30,
      tokens: 1,
    });
    expect(first.bytes).toBe(
      fixture.objects.filter((o) => !o.key.includes('9.9.9')).reduce((sum, o) => sum + o.bytes.length, 0),
    );
    expect(first.warnings).toEqual([]);
  });

  it('says what it could not move', () => {
    expect(first.notMoved).toHaveLength(3);
    expect(first.notMoved).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/public testapp.*logo/),
        expect.stringMatching(/^version 9\.9\.9 of app [0-9a-f]{24} \(admin\): its app is not in apps_meta$/),
        expect.stringMatching(/newApp-0\.0\.6\.135\.pkg: not found in the public bucket$/),
      ]),
    );
    expect(formatSummary(first)).toContain('versions: imported 11, already present 0');
  });

  it('a second run imports nothing new', async () => {
    const before = await rowCounts(t);
    const again = await importFaynosync(fromFiles(false), t.ctx);
    expect(Object.values(importedCounts(again)).every((n) => n === 0)).toBe(true);
    expect(again.counts.versions.present).toBe(11);
    expect(again.counts.files.present).toBe(30);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('keeps the passwords: the admin and the team user log in with their FaynoSync passwords', async () => {
    await request(t.app).post('/login').send({ username: OWNER, password: ADMIN_PASSWORD }).expect(200);
    const team = await request(t.app)
      .post('/login')
      .send({ username: 'releaser', password: TEAM_PASSWORD })
      .expect(200);
    const list = await request(t.app).get('/app/list').set(bearer(team.body.token)).expect(200);
    expect((list.body.apps as { AppName: string }[]).map((a) => a.AppName)).toEqual(['newApp']);
  });

  it('keeps the API token: CI uploads with it to its allowed app, and nowhere else', async () => {
    const data = {
      app_name: 'newApp',
      version: '0.0.11.1',
      channel: 'nightly',
      platform: 'universalPlatform',
      arch: 'universalArch',
    };
    const ok = await upload(t.app, API_TOKEN, data, [{ name: 'newApp.dmg', content: Buffer.from('new') }]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const refused = await upload(t.app, API_TOKEN, { ...data, app_name: 'testapp' }, [
      { name: 'testapp.dmg', content: Buffer.from('no') },
    ]);
    expect(refused.status).toBe(403);
  });
});

describe('import faynosync: checkVersion answers as FaynoSync did (behaviour §5.4)', () => {
  it('answers a client on the latest version of a private app with FaynoSync’s own links', async () => {
    const res = await check({ app_name: 'testapp', version: '0.0.2.137', ...CHECK }).expect(200);
    expect(res.text).toBe(
      `{"critical":true,"possible_rollback":false,"update_available":false,"update_url":"${privateLink('0.0.2.137', '')}","update_url_dmg":"${privateLink('0.0.2.137', '.dmg')}","update_url_pkg":"${privateLink('0.0.2.137', '.pkg')}"}`,
    );
  });

  it('tells a client on the unpublished 0.0.3.137 it may roll back, with changelog and critical', async () => {
    const res = await check({ app_name: 'testapp', version: '0.0.3.137', ...CHECK }).expect(200);
    expect(res.text).toBe(
      `{"changelog":"### Changelog\\n","critical":true,"possible_rollback":true,"update_available":false,"update_url":"${privateLink('0.0.2.137', '')}","update_url_dmg":"${privateLink('0.0.2.137', '.dmg')}","update_url_pkg":"${privateLink('0.0.2.137', '.pkg')}"}`,
    );
  });

  it('links a public app to its files, whose bytes are FaynoSync’s', async () => {
    const res = await check({ app_name: 'public testapp', version: '0.0.0.1', ...CHECK }).expect(200);
    const dmg = publicLink('public testapp', '0.0.1.137', '.dmg');
    expect(res.body).toEqual({
      critical: false,
      update_available: true,
      update_url: publicLink('public testapp', '0.0.1.137', ''),
      update_url_dmg: dmg,
      update_url_pkg: publicLink('public testapp', '0.0.1.137', '.pkg'),
    });
    const file = await request(t.app)
      .get(new URL(dmg).pathname)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const stored = fixture.objects.find((o) => o.key === keyOf('public testapp', '0.0.1.137', '.dmg'));
    expect(file.body).toEqual(stored?.bytes);
  });

  it.each([
    [
      '0.0.6.135',
      { update_available: true, version: '0.0.7.137', critical: false, is_intermediate_required: true },
    ],
    [
      '0.0.7.137',
      { update_available: true, version: '0.0.9.137', critical: true, is_intermediate_required: true },
    ],
    [
      '0.0.8.136',
      { update_available: true, version: '0.0.9.137', critical: true, is_intermediate_required: true },
    ],
    ['0.0.9.137', { update_available: true, version: '0.0.10.138', critical: false }],
    [
      '0.0.10.138',
      { update_available: false, version: '0.0.10.138', critical: false, possible_rollback: false },
    ],
  ])('walks the intermediate chain: from %s', async (from, expected) => {
    const res = await check({ app_name: 'newApp', version: from, ...CHECK }).expect(200);
    const { version, ...flags } = expected;
    const offered = (ext: string) => publicLink('newApp', version, ext);
    expect(res.body).toEqual({
      ...flags,
      update_url: offered(''),
      update_url_dmg: offered('.dmg'),
      update_url_pkg: offered('.pkg'),
    });
  });

  it('keeps each admin a tenant of its own: the second admin’s testapp is public and has only its version', async () => {
    const res = await check({ app_name: 'testapp', version: '1.0.0', ...CHECK, owner: SECOND }).expect(200);
    expect(res.body).toEqual({
      critical: false,
      update_available: true,
      update_url_zip: `${API}/files/public/testapp-${SECOND}/nightly/universalPlatform/universalArch/testapp-5.0.0.zip`,
    });
  });

  it('offers a staged release with FaynoSync’s rollout percent and seed', async () => {
    const res = await check({ app_name: 'rolloutApp', version: '1.0.0', ...CHECK }).expect(200);
    expect(res.body).toEqual({
      changelog: 'Staged\n',
      critical: false,
      rollout: { percent: 30, seed: ROLLOUT_SEED },
      update_available: true,
      update_url: publicLink('rolloutApp', '1.1.0', ''),
      update_url_dmg: publicLink('rolloutApp', '1.1.0', '.dmg'),
      update_url_pkg: publicLink('rolloutApp', '1.1.0', '.pkg'),
    });
  });
});

describe('import faynosync from S3 buckets', () => {
  let s3: TestS3;
  let target: TestApp;
  let summary: ImportSummary;

  beforeAll(async () => {
    s3 = await startS3();
    const client = new Client({
      endPoint: '127.0.0.1',
      port: s3.port,
      useSSL: false,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      pathStyle: true,
    });
    for (const bucket of [PUBLIC_BUCKET, PRIVATE_BUCKET]) await client.makeBucket(bucket);
    for (const object of fixture.objects) await client.putObject(object.bucket, object.key, object.bytes);
    target = await createTestApp();
    summary = await importFaynosync(
      {
        mongoExport: exportDir,
        source: {
          s3: {
            endpoint: `http://127.0.0.1:${s3.port}`,
            accessKey: 'S3RVER',
            secretKey: 'S3RVER',
            region: 'us-east-1',
          },
        },
        buckets: { public: PUBLIC_BUCKET, private: PRIVATE_BUCKET },
        dryRun: false,
      },
      target.ctx,
    );
  });

  afterAll(async () => {
    await target?.close();
    await s3?.close();
  });

  it('copies the same files, hashing them while they stream', async () => {
    expect(importedCounts(summary)).toEqual(importedCounts(first));
    expect(summary.warnings).toEqual([]);
    const rows = await target.ctx.database.db
      .selectFrom('artifacts')
      .select(['storage_key', 'sha256'])
      .where('storage_key', '=', keyOf('testapp', '0.0.2.137', '.dmg'))
      .execute();
    const stored = fixture.objects.find((o) => o.key === keyOf('testapp', '0.0.2.137', '.dmg'));
    expect(rows).toEqual([
      {
        storage_key: keyOf('testapp', '0.0.2.137', '.dmg'),
        sha256: createHash('sha256')
          .update(stored?.bytes ?? '')
          .digest('hex'),
      },
    ]);
    const res = await request(target.app)
      .get('/checkVersion')
      .query({ app_name: 'newApp', version: '0.0.8.136', ...CHECK })
      .expect(200);
    expect(res.body).toMatchObject({ is_intermediate_required: true, critical: true });
    expect(res.body.update_url_dmg).toBe(publicLink('newApp', '0.0.9.137', '.dmg'));
  });
});

describe('updraft import faynosync: arguments', () => {
  it('reads a run from a local copy of the buckets', () => {
    expect(
      parseImportArguments([
        'faynosync',
        '--mongo-export',
        'dump',
        '--files',
        'buckets',
        '--dry-run',
        '--json',
      ]),
    ).toEqual({
      options: {
        mongoExport: 'dump',
        source: { files: 'buckets' },
        buckets: { public: undefined, private: undefined },
        dryRun: true,
      },
      json: true,
    });
  });

  it.each([
    [['faynosync', '--files', 'b'], 'needs --mongo-export DIR'],
    [['faynosync', '--mongo-export', 'd'], 'needs either --files DIR or --s3-endpoint URL'],
    [['faynosync', '--mongo-export', 'd', '--files', 'b', '--s3-endpoint', 'http://s3'], 'not both'],
    [
      ['faynosync', '--mongo-export', 'd', '--s3-endpoint', 'http://s3'],
      'needs --s3-bucket, --s3-access-key',
    ],
    [['faynosync', '--mongo-export', 'd', '--files', 'b', '--bogus'], "Unknown option '--bogus'"],
    [['fenfa'], 'say what to import from'],
  ])('refuses %j with a message that says what to give', (args, message) => {
    expect(() => parseImportArguments(args)).toThrow(message);
  });

  it('has help that says it writes into a stopped server’s data', () => {
    expect(parseImportArguments(['faynosync', '--help'])).toBe('help');
    expect(IMPORT_USAGE).toContain("STOPPED server's data");
  });
});

describe('import faynosync: a folder that is no export', () => {
  it('stops with one line naming the file it looked for, before anything is written', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'updraft-fayno-empty-'));
    const other = await createTestApp();
    try {
      await expect(importFaynosync({ ...fromFiles(false), mongoExport: empty }, other.ctx)).rejects.toThrow(
        `${join(empty, 'admins.json')} not found: give --mongo-export the folder mongoexport wrote`,
      );
      expect(Object.values(await rowCounts(other)).every((n) => n === 0)).toBe(true);
    } finally {
      await other.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('names the line of a document that is not JSON', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'updraft-fayno-broken-'));
    writeFileSync(join(broken, 'admins.json'), '{"username":"a"}\n{"username":\n');
    try {
      await expect(importFaynosync({ ...fromFiles(true), mongoExport: broken }, t.ctx)).rejects.toThrow(
        `${join(broken, 'admins.json')} line 2 is not JSON`,
      );
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
