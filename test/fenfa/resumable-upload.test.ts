import { createHash } from 'node:crypto';
import { Agent as HttpAgent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DefaultHttpStack, Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/shared/timeouts.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { createProduct, createVariant, fenfaTenant, zipLike } from '../helpers/fenfa.js';
import {
  developerCertificate,
  mobileprovision,
  packageBytes,
  profilePlist,
  standardPng,
  typicalApp,
  writeApk,
  writeIpa,
} from '../helpers/packages/fixtures.js';
import { type FormPart, multipart } from '../helpers/releases.js';
import { binaryBody } from '../helpers/reports.js';

const TUS = { 'Tus-Resumable': '1.0.0' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const metadata = (name: string) => `filename ${Buffer.from(name).toString('base64')}`;
const idOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

const apk = () =>
  packageBytes((path) =>
    writeApk(
      path,
      typicalApp({
        mdpi: standardPng(48, 48, Buffer.alloc(48 * 48 * 4, 0x40)),
        xxxhdpi: standardPng(192, 192, Buffer.alloc(192 * 192 * 4, 0xc0)),
      }),
    ),
  );

/** An ad-hoc IPA of com.example.demo 2.1.0 (42). */
const ipa = () => {
  const cert = developerCertificate();
  return packageBytes((path) =>
    writeIpa(path, { profile: mobileprovision(profilePlist('ad-hoc', cert), cert) }),
  );
};

let t: TestApp;
let server: Server;
let endpoint: string;

beforeAll(async () => {
  t = await createTestApp();
  // tus-js-client speaks HTTP: the test app on a real port.
  server = createHttpServer(t.app, t.ctx.config);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.close();
});

/** A tenant with a product and its Android and iOS variants. */
async function setUp(slug: string) {
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: `App ${slug}`, slug });
  const android = await createVariant(t.app, tenant.adminToken, product, { platform: 'android' });
  const ios = await createVariant(t.app, tenant.adminToken, product, { platform: 'ios' });
  return { ...tenant, product, android, ios };
}

/** One run of the real tus client with a Fenfa token; `cutAfter`: it aborts once that many bytes are accepted. */
function tusRun(
  token: string,
  bytes: Buffer,
  name: string,
  options: { uploadUrl?: string; chunkSize?: number; cutAfter?: number } = {},
): Promise<{ url: string; offset: number }> {
  return new Promise((resolve, reject) => {
    const upload: Upload = new Upload(bytes, {
      endpoint,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      headers: { 'X-Auth-Token': token },
      metadata: { filename: name },
      httpStack: new DefaultHttpStack({ agent: new HttpAgent({ keepAlive: false }) }),
      retryDelays: null,
      onChunkComplete: (_chunk, accepted) => {
        if (options.cutAfter !== undefined && accepted >= options.cutAfter && accepted < bytes.length) {
          void upload.abort();
          resolve({ url: upload.url ?? '', offset: accepted });
        }
      },
      onSuccess: () => resolve({ url: upload.url ?? '', offset: bytes.length }),
      onError: reject,
    });
    upload.start();
  });
}

/** A whole upload through the protocol, by hand; `sent` bytes of it when it is to stay unfinished. */
async function tusUpload(token: string, name: string, bytes: Buffer, sent = bytes.length): Promise<string> {
  const created = await request(t.app)
    .post('/uploads')
    .set('X-Auth-Token', token)
    .set(TUS)
    .set('Upload-Length', String(bytes.length))
    .set('Upload-Metadata', metadata(name))
    .expect(201);
  const id = idOf(created.headers.location as string);
  await request(t.app)
    .patch(`/uploads/${id}`)
    .set('X-Auth-Token', token)
    .set(TUS)
    .set('Upload-Offset', '0')
    .set('Content-Type', 'application/offset+octet-stream')
    .send(bytes.subarray(0, sent))
    .expect(204);
  return id;
}

const offsetOf = async (token: string, id: string) =>
  Number(
    (await request(t.app).head(`/uploads/${id}`).set('X-Auth-Token', token).set(TUS).expect(200)).headers[
      'upload-offset'
    ],
  );

/** A Fenfa upload form with no file part. */
function sendFields(token: string, fields: Record<string, string>, path = '/upload', file?: FormPart) {
  const parts: FormPart[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  const { body, contentType } = multipart(file ? [...parts, file] : parts);
  return request(t.app).post(path).set('X-Auth-Token', token).set('Content-Type', contentType).send(body);
}

async function releasesOf(token: string, product: string) {
  const res = await request(t.app)
    .get(`/admin/api/products/${product}`)
    .set('X-Auth-Token', token)
    .expect(200);
  return (res.body.data.variants as { releases: unknown[] }[]).flatMap((v) => v.releases);
}

describe('Fenfa uploads through resumable sessions', () => {
  it('resumes an APK cut mid-way, then releases it by its Location: the download is byte-identical', async () => {
    const x = await setUp('resumed-apk');
    const bytes = await apk();
    const chunkSize = Math.ceil(bytes.length / 4);
    const cut = await tusRun(x.uploadToken, bytes, 'app-release.apk', {
      chunkSize,
      cutAfter: bytes.length / 2,
    });
    expect(cut.url).toMatch(/\/uploads\/[0-9a-f]{32}$/);
    expect(cut.offset).toBeGreaterThan(0);
    expect(cut.offset).toBeLessThan(bytes.length);
    expect(await offsetOf(x.uploadToken, idOf(cut.url))).toBe(cut.offset);

    const done = await tusRun(x.uploadToken, bytes, 'app-release.apk', { chunkSize, uploadUrl: cut.url });
    expect(done.url).toBe(cut.url);
    // Resumed, not restarted: every byte was sent once, each PATCH from where the one before ended.
    const starts = (await t.ctx.store.list(`upload-sessions/${idOf(cut.url)}/`, 'private'))
      .map((key) => Number(key.split('/')[2]?.split('-')[0]))
      .sort((a, b) => a - b);
    expect(starts).toEqual([0, chunkSize, 2 * chunkSize, 3 * chunkSize]);

    const res = await sendFields(x.uploadToken, {
      variant_id: x.android,
      version: '3.2.1',
      build: '30201',
      upload_id: cut.url,
    })
      .set('Host', 'fenfa.test')
      .expect(201);
    const { release, urls } = res.body.data;
    expect(release).toMatchObject({ version: '3.2.1', build: 30201 });
    expect(urls.download).toBe(`http://fenfa.test/d/${release.id}`);

    const got = await request(t.app).get(`/d/${release.id}`).buffer(true).parse(binaryBody).expect(200);
    expect(sha256(got.body as Buffer)).toBe(sha256(bytes));
    expect(got.headers['content-disposition']).toContain('app-release.apk');
    // The commit ended the session and removed its parts.
    await request(t.app)
      .head(`/uploads/${idOf(cut.url)}`)
      .set('X-Auth-Token', x.uploadToken)
      .set(TUS)
      .expect(404);
    expect(await t.ctx.store.list(`upload-sessions/${idOf(cut.url)}/`, 'private')).toEqual([]);
    expect(await t.ctx.store.list('tmp/', 'private')).toEqual([]);
  });

  it('smart-uploads an IPA by its upload id, and on the admin route under a filename field', async () => {
    const x = await setUp('resumed-ipa');
    const bytes = await ipa();
    const id = await tusUpload(x.uploadToken, 'Demo App.ipa', bytes);
    const res = await sendFields(
      x.uploadToken,
      { product_id: x.product, upload_id: id },
      '/smart-upload',
    ).expect(201);
    expect(res.body.data.app).toMatchObject({ variant_id: x.ios, bundle_id: 'com.example.demo' });
    expect(res.body.data.release).toMatchObject({ version: '2.1.0', build: 42 });
    const [stored] = (await releasesOf(x.adminToken, x.product)) as {
      file_name: string;
      size_bytes: number;
      sha256: string;
    }[];
    expect(stored?.file_name).toMatch(/^DemoApp_\d{8}_\d{6}_2\.1\.0\.ipa$/);
    expect(stored?.size_bytes).toBe(bytes.length);
    expect(stored?.sha256).toBe(sha256(bytes));

    // The session's own name says nothing of the package; the filename field does.
    const other = await tusUpload(x.adminToken, 'build-output.bin', bytes);
    const admin = await sendFields(
      x.adminToken,
      { variant_id: x.ios, version: '2.1.1', upload_id: other, filename: 'Demo.ipa' },
      '/admin/api/smart-upload',
    ).expect(201);
    expect(admin.body.data.release).toMatchObject({ version: '2.1.1', build: 42 });
    const got = await request(t.app)
      .get(`/d/${admin.body.data.release.id}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(sha256(got.body as Buffer)).toBe(sha256(bytes));
  });

  it('refuses an unfinished, foreign, doubled or missing package and an unchecked one, leaving the session as it was', async () => {
    const x = await setUp('resumed-refusals');
    const bytes = zipLike(4096);
    const fields = { variant_id: x.android, version: '1.0.0' };
    const refused = async (res: request.Response, status: number, message: RegExp) => {
      expect(res.status).toBe(status);
      expect(res.body.ok).toBe(false);
      expect(res.body.error.message).toMatch(message);
    };

    const half = await tusUpload(x.uploadToken, 'app.apk', bytes, 1000);
    await refused(
      await sendFields(x.uploadToken, { ...fields, upload_id: half }),
      400,
      new RegExp(`upload ${half} has 1000 of its 4096 bytes: finish it`),
    );
    expect(await offsetOf(x.uploadToken, half)).toBe(1000);

    const whole = await tusUpload(x.uploadToken, 'app.apk', bytes);
    const stranger = await fenfaTenant(t.app);
    await refused(await sendFields(stranger.uploadToken, { ...fields, upload_id: whole }), 404, /not found/);
    // Nor is it another token's of the same tenant: a session is its credential's.
    await refused(await sendFields(x.adminToken, { ...fields, upload_id: whole }), 404, /not found/);
    await request(t.app)
      .head(`/uploads/${whole}`)
      .set('X-Auth-Token', stranger.uploadToken)
      .set(TUS)
      .expect(404);
    await refused(
      await sendFields(x.uploadToken, { ...fields, upload_id: whole }, '/upload', {
        name: 'app_file',
        file: { name: 'app.apk', content: bytes },
      }),
      400,
      /either as the "app_file" part or as upload_id/,
    );
    await refused(
      await sendFields(x.uploadToken, fields),
      400,
      /"app_file" part, or upload it with POST \/uploads/,
    );
    await refused(
      await sendFields(x.uploadToken, { ...fields, upload_id: whole, filename: 'setup.exe' }),
      400,
      /"setup.exe" is not a android package/,
    );
    const fake = await tusUpload(x.uploadToken, 'fake.apk', Buffer.alloc(100, 1));
    await refused(
      await sendFields(x.uploadToken, { ...fields, upload_id: fake }),
      400,
      /not a valid \.apk \(a ZIP archive starts with "PK"\)/,
    );

    expect(await offsetOf(x.uploadToken, whole)).toBe(bytes.length);
    expect(await offsetOf(x.uploadToken, fake)).toBe(100);
    expect(await releasesOf(x.adminToken, x.product)).toEqual([]);
    expect(await t.ctx.store.list('tmp/', 'private')).toEqual([]);
    // Still whole, the session makes the release once asked right.
    await sendFields(x.uploadToken, { ...fields, upload_id: `/uploads/${whole}` }).expect(201);
  });
});

describe("the resumable uploads with each face's credentials", () => {
  it("answers Fenfa's envelope to an X-Auth-Token, FaynoSync's shape to the rest, and still takes a login", async () => {
    const x = await fenfaTenant(t.app);
    const forbidden = await request(t.app)
      .post('/uploads')
      .set('X-Auth-Token', 'fft_nope')
      .set(TUS)
      .set('Upload-Length', '4')
      .set('Upload-Metadata', metadata('a.apk'))
      .expect(403);
    expect(forbidden.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'invalid token' } });
    const noVersion = await request(t.app).post('/uploads').set('X-Auth-Token', x.uploadToken).expect(412);
    expect(noVersion.body.error.message).toMatch(/Tus-Resumable: 1\.0\.0/);
    const noName = await request(t.app)
      .post('/uploads')
      .set('X-Auth-Token', x.uploadToken)
      .set(TUS)
      .set('Upload-Length', '4')
      .expect(400);
    expect(noName.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/filename/),
    });

    const missing = await request(t.app).post('/uploads').set(TUS).set('Upload-Length', '4').expect(401);
    expect(missing.body.error).toMatch(/authorization/);
    const { token } = await newAdmin(t.app);
    const created = await request(t.app)
      .post('/uploads')
      .set(bearer(token))
      .set(TUS)
      .set('Upload-Length', '4')
      .set('Upload-Metadata', metadata('desk.exe'))
      .expect(201);
    const id = idOf(created.headers.location as string);
    await request(t.app).head(`/uploads/${id}`).set(bearer(token)).set(TUS).expect(200);
    // A login's session is not a Fenfa token's of another tenant, nor the other way round.
    await request(t.app).head(`/uploads/${id}`).set('X-Auth-Token', x.uploadToken).set(TUS).expect(404);
    await request(t.app).delete(`/uploads/${id}`).set(bearer(token)).set(TUS).expect(204);
  });
});
