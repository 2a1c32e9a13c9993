import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import {
  type AdminClient,
  bootstrapAdmin,
  type CustomerClient,
  newApplication,
  newCustomer,
  sha256,
} from '../helpers/bindist.js';
import { type FormPart, sendForm } from '../helpers/releases.js';

const MB = 1024 * 1024;

/** BinDist's small upload, as JSON with base64 content (the SDKs) and as multipart (the docs). */
describe('BinDist small upload', () => {
  let t: TestApp;
  let admin: AdminClient;
  let tenantId: string;
  let customer: CustomerClient;

  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, tenantId } = await bootstrapAdmin(t.app));
    const acme = await newCustomer(admin, 'Acme');
    customer = acme.client;
    await newApplication(admin, 'my-app', [acme.customerId]);
  });

  afterAll(async () => {
    await t?.close();
  });

  let versionCounter = 0;
  const nextVersion = () => {
    versionCounter += 1;
    return `1.${versionCounter}.0`;
  };

  const form = (parts: FormPart[]) => sendForm(t.app, '/v1/management/upload', admin.apiKey, parts);

  /** What the store and the database hold for the app: nothing may be left half-written by a refused upload. */
  async function state() {
    const db = t.ctx.database.db;
    const versions = await db
      .selectFrom('versions as v')
      .innerJoin('apps as a', 'a.id', 'v.app_id')
      .select('v.version')
      .where('v.tenant_id', '=', tenantId)
      .where('a.name', '=', 'my-app')
      .orderBy('v.version')
      .execute();
    const artifacts = await db
      .selectFrom('artifacts')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .execute();
    const claims = await db.selectFrom('pending_objects').select('storage_key').execute();
    const temporary = [
      ...(await t.ctx.store.list('tmp/', 'private')),
      ...(await readdir(join(t.dataDir, 'artifacts', '.tmp'))),
    ];
    return {
      versions: versions.map((v) => v.version),
      artifacts: artifacts.length,
      claims: claims.length,
      temporary,
    };
  }

  async function expectDownload(version: string, content: Buffer) {
    const [bytes, meta] = await customer.downloadFile('my-app', version, { testChannel: true });
    expect(bytes.equals(content)).toBe(true);
    expect(meta.checksum).toBe(sha256(content));
  }

  describe('JSON with base64 content', () => {
    it('creates a disabled version with its file: 201, BinDist fields, bytes downloadable on the Test channel', async () => {
      const content = randomBytes(50_000);
      const version = nextVersion();
      const res = await admin.uploadSmallFile(
        'my-app',
        version,
        'my-app-setup.exe',
        content,
        'Initial release',
      );
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
      expect(res.data).toMatchObject({
        versionId: `my-app-${version}`,
        applicationId: 'my-app',
        version,
        isEnabled: false,
        fileName: 'my-app-setup.exe',
        fileType: 'MAIN',
        fileSize: content.length,
        checksum: sha256(content),
      });

      const production = await customer.listVersions('my-app');
      expect(production.data.versions.map((v: { version: string }) => v.version)).not.toContain(version);
      const test = await customer.listVersions('my-app', { testChannel: true });
      const listed = test.data.versions.find((v: { version: string }) => v.version === version);
      expect(listed).toMatchObject({ isEnabled: false, isActive: true, releaseNotes: 'Initial release' });
      expect((await customer.getDownloadUrl('my-app', version)).statusCode).toBe(403);

      const files = await customer.listVersionFiles('my-app', version);
      expect(files.data.files).toEqual([
        expect.objectContaining({
          fileId: res.data.fileId,
          fileName: 'my-app-setup.exe',
          fileType: 'MAIN',
          order: 1,
          fileSize: content.length,
          checksum: sha256(content),
        }),
      ]);
      await expectDownload(version, content);
    });

    it('records the upload in the activity log', async () => {
      const version = nextVersion();
      const res = await admin.uploadSmallFile('my-app', version, 'tool.exe', randomBytes(100));
      expect(res.statusCode).toBe(201);
      const activity = await admin.listActivity({
        activityType: 'upload',
        applicationId: 'my-app',
        pageSize: 100,
      });
      expect(activity.statusCode, JSON.stringify(activity.raw)).toBe(200);
      const row = activity.data.activities.find((a: { version: string }) => a.version === version);
      expect(row).toMatchObject({
        type: 'upload',
        applicationId: 'my-app',
        fileName: 'tool.exe',
        fileSize: 100,
      });
    });

    it('takes fileType and description, detects the type from the extension, and accepts URL-safe base64', async () => {
      const version = nextVersion();
      const content = Buffer.from([0xfb, 0xff, 0xbf, 0x01, 0x02]);
      const res = await admin.post('/management/upload', {
        applicationId: 'my-app',
        version,
        fileName: 'readme.md',
        fileContent: content.toString('base64url'),
        description: 'Read me first',
      });
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
      expect(res.data).toMatchObject({ fileType: 'DOCUMENTATION', checksum: sha256(content) });
      const files = await customer.listVersionFiles('my-app', version);
      expect(files.data.files[0]).toMatchObject({ fileType: 'DOCUMENTATION', description: 'Read me first' });

      const typed = nextVersion();
      const explicit = await admin.post('/management/upload', {
        applicationId: 'my-app',
        version: typed,
        fileName: 'helper.bin',
        fileContent: content.toString('base64'),
        fileType: 'dependency',
      });
      expect(explicit.statusCode).toBe(201);
      expect(explicit.data.fileType).toBe('DEPENDENCY');
    });

    it('without fileContent creates a version without a file, as BinDist does', async () => {
      const version = nextVersion();
      const res = await admin.post('/management/upload', { applicationId: 'my-app', version });
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
      expect(res.data).toMatchObject({ fileId: null, fileSize: 0, checksum: null });
      const files = await customer.listVersionFiles('my-app', version);
      expect(files.data.files).toEqual([]);
    });

    it('refuses a duplicate version with 409 CONFLICT and keeps the first file', async () => {
      const version = nextVersion();
      const first = randomBytes(300);
      expect((await admin.uploadSmallFile('my-app', version, 'a.exe', first)).statusCode).toBe(201);
      const before = await state();
      for (const name of ['a.exe', 'b.exe']) {
        const res = await admin.uploadSmallFile('my-app', version, name, randomBytes(300));
        expect(res.statusCode, JSON.stringify(res.raw)).toBe(409);
        expect(res.error?.code).toBe('CONFLICT');
        expect(res.error?.message).toMatch(/already exists/);
      }
      expect(await state()).toEqual(before);
      await expectDownload(version, first);
    });

    it.each([
      ['not base64', { fileContent: 'this is not base64!' }, /base64/],
      ['base64 of the wrong length', { fileContent: 'QUJDR' }, /base64/],
      ['an empty fileContent', { fileContent: '' }, /empty/],
      ['fileContent that is not a string', { fileContent: 12 }, /base64/],
      ['fileContent without fileName', { fileName: undefined }, /fileName/],
      ['fileName without fileContent', { fileContent: undefined }, /fileContent/],
      ['no applicationId', { applicationId: undefined }, /applicationId/],
      ['no version', { version: undefined }, /version/],
      ['a version with a slash', { version: '1.0/2' }, /version/],
      ['a version Updraft cannot order', { version: 'latest' }, /version/],
      ['a version Updraft would rewrite', { version: '1.0.0-7' }, /send it as "1\.0\.0\.7"/],
      ['a file name with a path', { fileName: '../evil.exe' }, /fileName|file name/],
      ['a file name with a colon', { fileName: 'c:app.exe' }, /fileName/],
      ['a Windows device name', { fileName: 'CON.exe' }, /reserved/],
      ['an unknown fileType', { fileType: 'INSTALLER' }, /fileType/],
      ['releaseNotes that are too long', { releaseNotes: 'x'.repeat(5001) }, /releaseNotes/],
    ])('refuses %s with 400 BAD_REQUEST and stores nothing', async (_label, override, message) => {
      const before = await state();
      const body: Record<string, unknown> = {
        applicationId: 'my-app',
        version: nextVersion(),
        fileName: 'ok.exe',
        fileContent: randomBytes(64).toString('base64'),
        ...override,
      };
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      const res = await admin.post('/management/upload', body);
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(400);
      expect(res.success).toBe(false);
      expect(res.error?.code).toBe('BAD_REQUEST');
      expect(res.error?.message).toMatch(message);
      expect(await state()).toEqual(before);
    });

    it('refuses malformed JSON with the envelope', async () => {
      const res = await request(t.app)
        .post('/v1/management/upload')
        .set(bearer(admin.apiKey))
        .set('Content-Type', 'application/json')
        .send('{"applicationId": ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
    });

    it('an unknown application is 404', async () => {
      const res = await admin.uploadSmallFile('no-such-app', '1.0.0', 'a.exe', randomBytes(10));
      expect(res.statusCode).toBe(404);
      expect(res.error?.code).toBe('NOT_FOUND');
    });

    it('refuses more than 10 MB of decoded content with 413 PAYLOAD_TOO_LARGE, pointing to the large upload', async () => {
      const before = await state();
      const res = await admin.uploadSmallFile('my-app', nextVersion(), 'big.exe', Buffer.alloc(10 * MB + 1));
      expect(res.statusCode).toBe(413);
      expect(res.error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.error?.message).toMatch(/large-url/);
      const exact = nextVersion();
      const fits = await admin.uploadSmallFile('my-app', exact, 'fits.exe', Buffer.alloc(10 * MB, 7));
      expect(fits.statusCode, JSON.stringify(fits.raw)).toBe(201);
      expect(fits.data.fileSize).toBe(10 * MB);
      expect((await state()).temporary).toEqual(before.temporary);
    });

    it("refuses a JSON body past the route's limit with the 413 envelope", async () => {
      const res = await request(t.app)
        .post('/v1/management/upload')
        .set(bearer(admin.apiKey))
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({
            applicationId: 'my-app',
            version: nextVersion(),
            fileName: 'x.exe',
            fileContent: 'A'.repeat(15 * MB),
          }),
        );
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    });
  });

  describe('multipart', () => {
    const fields = (version: string, extra: Record<string, string> = {}): FormPart[] =>
      Object.entries({ applicationId: 'my-app', version, ...extra }).map(([name, value]) => ({
        name,
        value,
      }));

    it('takes the docs\' form (curl -F): fields, then "file"; the file name comes from the part', async () => {
      const version = nextVersion();
      const content = randomBytes(70_000);
      const res = await form([
        ...fields(version, { releaseNotes: 'New features and bug fixes' }),
        { name: 'file', file: { name: 'my-app-2.2.0.exe', content } },
      ]);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.success).toBe(true);
      expect(res.body.data).toMatchObject({
        applicationId: 'my-app',
        version,
        fileName: 'my-app-2.2.0.exe',
        fileSize: content.length,
        checksum: sha256(content),
        isEnabled: false,
      });
      const test = await customer.listVersions('my-app', { testChannel: true });
      expect(test.data.versions.find((v: { version: string }) => v.version === version)).toMatchObject({
        isEnabled: false,
        releaseNotes: 'New features and bug fixes',
      });
      await expectDownload(version, content);
    });

    it("a fileName field overrides the part's file name", async () => {
      const version = nextVersion();
      const res = await form([
        ...fields(version, { fileName: 'renamed.msi', fileType: 'MAIN' }),
        { name: 'file', file: { name: 'upload.bin', content: randomBytes(10) } },
      ]);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.data.fileName).toBe('renamed.msi');
    });

    it('refuses a duplicate version with 409', async () => {
      const version = nextVersion();
      const part = { name: 'file', file: { name: 'dup.exe', content: randomBytes(100) } };
      expect((await form([...fields(version), part])).status).toBe(201);
      const before = await state();
      const res = await form([...fields(version), part]);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(await state()).toEqual(before);
    });

    it.each([
      ['no file part', (v: string) => fields(v), /"file" is required/],
      [
        'no version',
        () => [...fields(''), { name: 'file', file: { name: 'a.exe', content: randomBytes(5) } }],
        /version/,
      ],
      [
        'fields after the file',
        (v: string) => [
          { name: 'applicationId', value: 'my-app' },
          { name: 'version', value: v },
          { name: 'file', file: { name: 'a.exe', content: randomBytes(5) } },
          { name: 'releaseNotes', value: 'late' },
        ],
        /came after the file/,
      ],
      [
        'the file under another name',
        (v: string) => [...fields(v), { name: 'binary', file: { name: 'a.exe', content: randomBytes(5) } }],
        /"file"/,
      ],
      [
        'two files',
        (v: string) => [
          ...fields(v),
          { name: 'file', file: { name: 'a.exe', content: randomBytes(5) } },
          { name: 'file', file: { name: 'b.exe', content: randomBytes(5) } },
        ],
        /too many files/,
      ],
      [
        'a part without a file name',
        (v: string) => [...fields(v), { name: 'file', file: { name: '', content: randomBytes(5) } }],
        /fileName/,
      ],
    ])('refuses %s with 400 and stores nothing', async (_label, parts, message) => {
      const before = await state();
      const res = await form(parts(nextVersion()));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
      expect(res.body.error.message).toMatch(message);
      expect(await state()).toEqual(before);
    });

    it('refuses a file over 10 MB with 413 and leaves nothing behind', async () => {
      const before = await state();
      const res = await form([
        ...fields(nextVersion()),
        { name: 'file', file: { name: 'big.exe', content: Buffer.alloc(10 * MB + 1) } },
      ]);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
      expect(res.body.error.message).toMatch(/large-url/);
      expect(await state()).toEqual(before);
    });
  });
});
