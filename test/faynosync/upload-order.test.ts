import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import {
  cliData,
  createApp,
  createNamed,
  type FormPart,
  filesThenData,
  type SearchItem,
  search,
  sendForm,
  type UploadFile,
} from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * The part orders FaynoSync's own clients send: its CLI (files, then `data`), its Postman collection (Upload: two
 * files, then `data`; Update Specific App: `data`, then two files), its dashboard (files, then `data`), and `data`
 * between files. Run on both storage drivers: a file staged before `data` names its app lives in the private
 * bucket until the commit moves it, which on S3 is a copy between buckets.
 */

const file = (name: string, content: Buffer = randomBytes(4096), contentType?: string): UploadFile => ({
  name,
  content,
  ...(contentType ? { contentType } : {}),
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under a folder, relative to it (dot-files and the store's `.tmp/` included). */
async function filesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.push(relative(root, path));
    }
  };
  await walk(root);
  return found.sort();
}

for (const driver of ['local', 's3'] as const) {
  describe(`multipart in any order (${driver} storage)`, () => {
    let t: TestApp;
    let s3: TestS3 | undefined;
    let admin: { username: string; token: string };
    let appIds: Record<string, string>;

    /**
     * Everything an upload could leave behind: rows, claims, and every object of both visibilities as the store
     * lists them (S3: the buckets' listings); with the local driver also the files on disk, its scratch folder too.
     */
    async function footprint() {
      const { db } = t.ctx.database;
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
        objects.push(...(await t.ctx.store.list('', visibility)).map((k) => `${visibility}:${k}`));
      }
      return {
        versions: await count('versions'),
        artifacts: await count('artifacts'),
        pending: await count('pending_objects'),
        objects: objects.sort(),
        disk: driver === 'local' ? await filesUnder(join(t.dataDir, 'artifacts')) : [],
      };
    }

    async function staged(): Promise<string[]> {
      const keys: string[] = [];
      for (const visibility of ['public', 'private'] as const) {
        keys.push(...(await t.ctx.store.list('tmp/', visibility)));
      }
      return keys;
    }

    async function versionOf(app: string, version: string): Promise<SearchItem> {
      const found = await search(t.app, admin.token, { app_name: app, limit: '100' });
      const item = found.items.find((i) => i.Version === version);
      if (!item) throw new Error(`version ${version} of ${app} not listed`);
      return item;
    }

    /** Each artifact's stored bytes, by file name, read from the key and visibility its row names. */
    async function storedFiles(versionId: string): Promise<Record<string, Buffer>> {
      const rows = await t.ctx.database.db
        .selectFrom('artifacts')
        .select(['file_name', 'storage_key', 'visibility'])
        .where('version_id', '=', versionId)
        .execute();
      const out: Record<string, Buffer> = {};
      for (const row of rows)
        out[row.file_name] = await readAll(await t.ctx.store.get(row.storage_key, row.visibility));
      return out;
    }

    beforeAll(async () => {
      s3 = driver === 's3' ? await startS3() : undefined;
      t = await createTestApp(s3?.env ?? {});
      // A tenant without channels, platforms or archs, as the Postman collection's `"channel": ""` assumes.
      admin = await newAdmin(t.app);
      appIds = {
        postman: await createApp(t.app, admin.token, 'postman'),
        cli: await createApp(t.app, admin.token, 'cli'),
        hidden: await createApp(t.app, admin.token, 'hidden', { private: true }),
      };
    });

    afterAll(async () => {
      await t?.close();
      await s3?.close();
    });

    it("takes the Postman collection's Upload (file, file, data) and its Update Specific App (data, file, file)", async () => {
      const rpm = file('test.rpm', randomBytes(300_000), 'application/x-rpm');
      const deb = file('test.deb', randomBytes(200_000), 'application/vnd.debian.binary-package');
      const res = await sendForm(t.app, '/upload', admin.token, [
        { name: 'file', file: rpm },
        { name: 'file', file: deb },
        {
          name: 'data',
          value:
            '{"app_name":"postman","version":"0.0.1","channel":"","publish":true,"critical":false,"platform":"","arch":"","changelog":"### Changelog - Added new feature X - Fixed bug Y"}',
        },
      ]).expect(200);
      const id = res.body['uploadResult.Uploaded'] as string;
      expect(await versionOf('postman', '0.0.1')).toMatchObject({
        ID: id,
        Published: true,
        Critical: false,
        Changelog: [{ Changes: '### Changelog - Added new feature X - Fixed bug Y' }],
        Artifacts: [
          { file_name: 'test.rpm', sha256: sha256(rpm.content), size: rpm.content.length },
          { file_name: 'test.deb', sha256: sha256(deb.content), size: deb.content.length },
        ],
      });
      const bytes = await storedFiles(id);
      expect(bytes['test.rpm']?.equals(rpm.content)).toBe(true);
      expect(bytes['test.deb']?.equals(deb.content)).toBe(true);
      expect(await staged()).toEqual([]);

      const rpm2 = file('test2.rpm', randomBytes(1000), 'application/x-rpm');
      const deb2 = file('test2.deb', randomBytes(1000), 'application/vnd.debian.binary-package');
      await sendForm(t.app, '/apps/update', admin.token, [
        {
          name: 'data',
          value: `{"id": "${id}", "app_name": "postman", "version": "0.0.1", "channel": "", "publish": false, "platform": "", "arch": "", "changelog": ""}`,
        },
        { name: 'file', file: rpm2 },
        { name: 'file', file: deb2 },
      ]).expect(200);
      const updated = await versionOf('postman', '0.0.1');
      expect(updated.Published).toBe(false);
      expect(updated.Changelog).toMatchObject([
        { Changes: '### Changelog - Added new feature X - Fixed bug Y' },
      ]);
      expect(updated.Artifacts.map((a) => a.file_name)).toEqual([
        'test.rpm',
        'test.deb',
        'test2.rpm',
        'test2.deb',
      ]);
      expect(await staged()).toEqual([]);
    });

    it("takes FaynoSync's CLI form (files, then data) with an fns_ token and a login token", async () => {
      const created = await request(t.app)
        .post('/token/create')
        .set(bearer(admin.token))
        .send({ name: 'ci', allowed_apps: [appIds.cli] })
        .expect(201);
      const ciToken = created.body.token as string;
      expect(ciToken).toMatch(/^fns_/);
      for (const [token, version] of [
        [ciToken, '1.0.0'],
        [admin.token, '1.0.1'],
      ] as const) {
        const files = [file('cli.AppImage', randomBytes(150_000)), file('cli.tar.gz', randomBytes(50_000))];
        const data = cliData({ app_name: 'cli', version, publish: true, changelog: 'Bugfixes' });
        const res = await sendForm(t.app, '/upload', token, filesThenData(data, files)).expect(200);
        const id = res.body['uploadResult.Uploaded'] as string;
        expect(await versionOf('cli', version)).toMatchObject({
          Published: true,
          Critical: false,
          Intermediate: false,
          Changelog: [{ Changes: 'Bugfixes' }],
        });
        const bytes = await storedFiles(id);
        for (const f of files) expect(bytes[f.name]?.equals(f.content)).toBe(true);
      }
      expect(await staged()).toEqual([]);
    });

    it('takes data between files, for /upload and /apps/update', async () => {
      const first = file('first.zip');
      const second = file('second.zip');
      const res = await sendForm(t.app, '/upload', admin.token, [
        { name: 'file', file: first },
        { name: 'data', value: cliData({ app_name: 'cli', version: '2.0.0', critical: true }) },
        { name: 'file', file: second },
      ]).expect(200);
      const id = res.body['uploadResult.Uploaded'] as string;
      expect(await versionOf('cli', '2.0.0')).toMatchObject({
        Critical: true,
        Artifacts: [{ file_name: 'first.zip' }, { file_name: 'second.zip' }],
      });

      const third = file('third.zip');
      const fourth = file('fourth.zip');
      await sendForm(t.app, '/apps/update', admin.token, [
        { name: 'file', file: third },
        { name: 'data', value: JSON.stringify({ id, app_name: 'cli', version: '2.0.0', publish: 'true' }) },
        { name: 'file', file: fourth },
      ]).expect(200);
      const item = await versionOf('cli', '2.0.0');
      expect(item.Published).toBe(true);
      expect(item.Artifacts.map((a) => a.file_name)).toEqual([
        'first.zip',
        'second.zip',
        'third.zip',
        'fourth.zip',
      ]);
      const bytes = await storedFiles(id);
      for (const f of [first, second, third, fourth]) expect(bytes[f.name]?.equals(f.content)).toBe(true);
      expect(await staged()).toEqual([]);
    });

    it("moves a private app's files staged before data into private storage only", async () => {
      const dmg = file('Hidden.dmg', randomBytes(100_000));
      const res = await sendForm(
        t.app,
        '/upload',
        admin.token,
        filesThenData(cliData({ app_name: 'hidden', version: '1.0.0', publish: true }), [dmg]),
      ).expect(200);
      const row = await t.ctx.database.db
        .selectFrom('artifacts')
        .select(['storage_key', 'visibility'])
        .where('version_id', '=', res.body['uploadResult.Uploaded'] as string)
        .executeTakeFirstOrThrow();
      expect(row.visibility).toBe('private');
      expect(await t.ctx.store.head(row.storage_key, 'public')).toBeUndefined();
      expect((await readAll(await t.ctx.store.get(row.storage_key, 'private'))).equals(dmg.content)).toBe(
        true,
      );
      expect(await staged()).toEqual([]);
    });

    describe('a form refused after its files were staged leaves nothing', () => {
      const twoFiles = (): FormPart[] => [
        { name: 'file', file: file('a.zip', randomBytes(200_000)) },
        { name: 'file', file: file('b.zip', randomBytes(200_000)) },
      ];

      it.each([
        [
          'no data after two files',
          () => twoFiles(),
          400,
          /^No JSON data provided: send a "data" form field/,
        ],
        [
          'data that is not JSON after two files',
          () => [...twoFiles(), { name: 'data', value: '{"app_name": "cli",' }],
          400,
          /^Invalid JSON data/,
        ],
        [
          'data naming no app after two files',
          () => [...twoFiles(), { name: 'data', value: cliData({ app_name: 'nope', version: '1.0.0' }) }],
          400,
          /^app_name not found/,
        ],
        [
          'data with a bad flag after two files',
          () => [
            ...twoFiles(),
            { name: 'data', value: '{"app_name":"cli","version":"3.0.0","publish":"yes"}' },
          ],
          400,
          /publish must be true or false/,
        ],
        [
          'invalid data between files (refused before the second file is stored)',
          () => [
            { name: 'file', file: file('a.zip') },
            { name: 'data', value: '{"app_name":"cli"}' },
            { name: 'file', file: file('b.zip', randomBytes(500_000)) },
          ],
          400,
          /version is required/,
        ],
      ] as const)('%s → %s', async (_label, parts, status, message) => {
        const before = await footprint();
        const res = await sendForm(t.app, '/upload', admin.token, parts());
        expect(res.status).toBe(status);
        expect(res.body.error).toMatch(message);
        const after = await footprint();
        expect(after).toEqual(before);
        // Neither staging keys nor release keys hold a file of the refused form.
        expect(after.objects.filter((k) => k.includes(':tmp/') || /\/[ab]\.zip$/.test(k))).toEqual([]);
        expect(after.disk.filter((f) => f.startsWith('.tmp/') || /[ab]\.zip/.test(f))).toEqual([]);
        expect(await staged()).toEqual([]);
      });

      it('refuses a team user the app is not allowed to, after the files', async () => {
        const user = await newTeamUser(t.app, admin.token, {
          apps: { upload: true, allowed: [appIds.postman ?? ''] },
        });
        const before = await footprint();
        const res = await sendForm(
          t.app,
          '/upload',
          user.token,
          filesThenData(cliData({ app_name: 'cli', version: '4.0.0', publish: true }), [
            file('a.zip', randomBytes(200_000)),
            file('b.zip', randomBytes(200_000)),
          ]),
        );
        expect(res.status).toBe(403);
        expect(await footprint()).toEqual(before);
        // The same user's upload to its allowed app in the same order goes through.
        await sendForm(
          t.app,
          '/upload',
          user.token,
          filesThenData(cliData({ app_name: 'postman', version: '4.0.0' }), [file('ok.zip')]),
        ).expect(200);
      });

      it('refuses a file the version already has, found when data arrives after it', async () => {
        const data = cliData({ app_name: 'cli', version: '5.0.0' });
        await sendForm(t.app, '/upload', admin.token, filesThenData(data, [file('dup.zip')])).expect(200);
        const before = await footprint();
        const res = await sendForm(
          t.app,
          '/upload',
          admin.token,
          filesThenData(data, [file('new.zip', randomBytes(100_000)), file('dup.zip')]),
        ).expect(409);
        expect(res.body.error).toMatch(/already exists/);
        expect(await footprint()).toEqual(before);
      });

      it('refuses an /apps/update whose data comes last and names no version, removing its files', async () => {
        const before = await footprint();
        const res = await sendForm(t.app, '/apps/update', admin.token, [
          ...twoFiles(),
          {
            name: 'data',
            value: JSON.stringify({ id: '0123456789abcdef01234567', app_name: 'cli', version: '1.0.0' }),
          },
        ]).expect(404);
        expect(res.body.error).toMatch(/doesn't exist/);
        expect(await footprint()).toEqual(before);
      });
    });
  });
}

describe('a per-platform pipeline: three uploads of one version, as FaynoSync answers them', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps the first upload’s flags and changelog; each platform gets its own files', async () => {
    const owner = await newAdmin(t.app);
    await createApp(t.app, owner.token, 'pipe');
    await createNamed(t.app, owner.token, 'channel', 'stable');
    for (const platform of ['linux', 'windows', 'darwin']) {
      await createNamed(t.app, owner.token, 'platform', platform);
    }
    await createNamed(t.app, owner.token, 'arch', 'amd64');
    const place = { app_name: 'pipe', version: '0.0.5', channel: 'stable', arch: 'amd64' };
    // What three CI jobs run: `faynosync upload --file … --app pipe --version 0.0.5 --platform … [flags]`.
    const jobs = [
      {
        data: cliData({
          ...place,
          platform: 'linux',
          publish: true,
          critical: true,
          changelog: 'Linux notes',
        }),
        files: [file('pipe-0.0.5.deb'), file('pipe-0.0.5.rpm')],
      },
      {
        data: cliData({ ...place, platform: 'windows', changelog: 'Windows notes' }),
        files: [file('pipe-0.0.5.exe')],
      },
      {
        data: cliData({
          ...place,
          platform: 'darwin',
          publish: true,
          intermediate: true,
          changelog: 'macOS notes',
        }),
        files: [file('pipe-0.0.5.dmg')],
      },
    ];
    const ids = new Set<string>();
    for (const job of jobs) {
      const res = await sendForm(t.app, '/upload', owner.token, filesThenData(job.data, job.files)).expect(
        200,
      );
      ids.add(res.body['uploadResult.Uploaded'] as string);
    }
    expect(ids.size).toBe(1);
    const [versionId] = [...ids];

    const keys = new Map(
      (
        await t.ctx.database.db
          .selectFrom('artifacts')
          .select(['file_name', 'storage_key'])
          .where('version_id', '=', versionId ?? '')
          .execute()
      ).map((row) => [row.file_name, t.ctx.store.publicUrl(row.storage_key)]),
    );
    const check = (platform: string) =>
      request(t.app)
        .get('/checkVersion')
        .query({
          app_name: 'pipe',
          version: '0.0.4',
          channel: 'stable',
          platform,
          arch: 'amd64',
          owner: owner.username,
        })
        .expect(200);
    const offered = { update_available: true, critical: true, changelog: 'Linux notes\n' };
    expect((await check('linux')).body).toEqual({
      ...offered,
      update_url_deb: keys.get('pipe-0.0.5.deb'),
      update_url_rpm: keys.get('pipe-0.0.5.rpm'),
    });
    expect((await check('windows')).body).toEqual({ ...offered, update_url_exe: keys.get('pipe-0.0.5.exe') });
    expect((await check('darwin')).body).toEqual({ ...offered, update_url_dmg: keys.get('pipe-0.0.5.dmg') });

    const item = (await search(t.app, owner.token, { app_name: 'pipe' })).items[0];
    expect(item).toMatchObject({
      Published: true,
      Critical: true,
      Intermediate: false,
      RolloutPercent: 100,
      Changelog: [{ Version: '0.0.5', Changes: 'Linux notes' }],
    });

    // Flags and changelog change through /apps/update only.
    await sendForm(t.app, '/apps/update', owner.token, [
      {
        name: 'data',
        value: JSON.stringify({
          id: versionId,
          app_name: 'pipe',
          version: '0.0.5',
          critical: false,
          changelog: 'All platforms',
        }),
      },
    ]).expect(200);
    expect((await check('windows')).body).toEqual({
      update_available: true,
      critical: false,
      changelog: 'All platforms\n',
      update_url_exe: keys.get('pipe-0.0.5.exe'),
    });
  });
});
