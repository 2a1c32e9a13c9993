import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUploadUrl } from '../../src/core/bindist/uploads-large.js';
import { S3ArtifactStore } from '../../src/storage/s3.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import {
  type AdminClient,
  type ApiResponse,
  bootstrapAdmin,
  type CustomerClient,
  newApplication,
  newCustomer,
  sha256,
} from '../helpers/bindist.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const MB = 1024 * 1024;

/**
 * The three-step large upload on both storage drivers: large-url, a PUT to the returned URL (a signed Updraft URL
 * with the local driver, a presigned S3 URL with the S3 one), large-complete. Each case checks what is left behind.
 */
describe.each(['local', 's3'] as const)('BinDist large upload (%s storage)', (driver) => {
  let s3: TestS3 | undefined;
  let t: TestApp;
  let admin: AdminClient;
  let tenantId: string;
  let customer: CustomerClient;

  beforeAll(async () => {
    if (driver === 's3') s3 = await startS3();
    t = await createTestApp(s3?.env ?? {});
    ({ admin, tenantId } = await bootstrapAdmin(t.app));
    const acme = await newCustomer(admin, 'Acme');
    customer = acme.client;
    await newApplication(admin, 'big-app', [acme.customerId]);
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  let versionCounter = 0;
  const nextVersion = () => {
    versionCounter += 1;
    return `2.${versionCounter}.0`;
  };

  /** The SDK's put_binary: a PUT with only a Content-Type, to Updraft itself or straight to S3. */
  async function put(url: string, body: Buffer): Promise<{ status: number; text: string }> {
    const target = new URL(url);
    if (target.origin === 'http://updraft.test') {
      const res = await request(t.app)
        .put(`${target.pathname}${target.search}`)
        .set('Content-Type', 'application/octet-stream')
        .send(body);
      return { status: res.status, text: res.text };
    }
    const res = await fetch(url, {
      method: 'PUT',
      body,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    return { status: res.status, text: await res.text() };
  }

  /**
   * A PUT over a real socket, body written chunk by chunk with backpressure (chunked unless a Content-Length is
   * given), for what supertest cannot send. `onChunk` runs before each write.
   */
  async function rawPut(
    path: string,
    chunks: Iterable<Buffer>,
    headers: Record<string, string>,
    onChunk: () => void = () => {},
  ): Promise<{ status: number; text: string }> {
    const server: Server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path,
            headers: { 'Content-Type': 'application/octet-stream', ...headers },
          },
          (res) => {
            const body: Buffer[] = [];
            res.on('data', (c: Buffer) => body.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(body).toString() }),
            );
          },
        );
        req.on('error', reject);
        const source = chunks[Symbol.iterator]();
        const pump = () => {
          for (let next = source.next(); !next.done; next = source.next()) {
            onChunk();
            if (!req.write(next.value)) {
              req.once('drain', pump);
              return;
            }
          }
          req.end();
        };
        pump();
      });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  function largeUrl(
    version: string,
    fileSize: number,
    extra: Record<string, unknown> = {},
  ): Promise<ApiResponse> {
    return admin.post('/management/upload/large-url', {
      applicationId: 'big-app',
      version,
      fileName: `big-app-${version}.exe`,
      fileSize,
      contentType: 'application/octet-stream',
      ...extra,
    });
  }

  function complete(
    uploadId: string,
    version: string,
    fileSize: number,
    checksum: string | undefined,
    extra: Record<string, unknown> = {},
  ): Promise<ApiResponse> {
    return admin.post('/management/upload/large-complete', {
      uploadId,
      applicationId: 'big-app',
      version,
      fileName: `big-app-${version}.exe`,
      fileSize,
      ...(checksum ? { checksum } : {}),
      ...extra,
    });
  }

  async function sessionKey(uploadId: string): Promise<string> {
    const row = await t.ctx.database.db
      .selectFrom('bindist_upload_sessions')
      .select('storage_key')
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow();
    return row.storage_key;
  }

  async function versionsOfApp(): Promise<string[]> {
    const rows = await t.ctx.database.db
      .selectFrom('versions as v')
      .innerJoin('apps as a', 'a.id', 'v.app_id')
      .select('v.version')
      .where('v.tenant_id', '=', tenantId)
      .where('a.name', '=', 'big-app')
      .execute();
    return rows.map((r) => r.version);
  }

  async function leftovers(): Promise<string[]> {
    return [
      ...(await t.ctx.store.list('tmp/', 'private')),
      ...(await t.ctx.store.list('bindist-uploads/', 'private')),
    ];
  }

  /** large-url, then the PUT; returns the session. */
  async function started(version: string, content: Buffer, extra: Record<string, unknown> = {}) {
    const url = await largeUrl(version, content.length, extra);
    expect(url.statusCode, JSON.stringify(url.raw)).toBe(200);
    return url.data as { uploadId: string; uploadUrl: string; expiresAt: string };
  }

  it('happy path: URL, PUT answered with exactly 200, complete; the bytes download with the same SHA-256', async () => {
    const version = nextVersion();
    const content = randomBytes(3 * MB + 17);
    const url = await largeUrl(version, content.length);
    expect(url.statusCode, JSON.stringify(url.raw)).toBe(200);
    expect(url.data.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    const expiresIn = Date.parse(url.data.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 60 * 1000);
    if (driver === 'local') expect(url.data.uploadUrl).toMatch(/^http:\/\/updraft\.test\/v1\/uploads\//);
    else expect(new URL(url.data.uploadUrl).port).toBe(String(s3?.port));

    const sent = await put(url.data.uploadUrl, content);
    expect(sent.status, sent.text).toBe(200);
    const done = await complete(url.data.uploadId, version, content.length, sha256(content), {
      releaseNotes: 'Major release',
    });
    expect(done.statusCode, JSON.stringify(done.raw)).toBe(201);
    expect(done.data).toMatchObject({
      versionId: `big-app-${version}`,
      applicationId: 'big-app',
      version,
      isEnabled: false,
      fileName: `big-app-${version}.exe`,
      fileType: 'MAIN',
      fileSize: content.length,
      checksum: sha256(content),
    });

    expect((await customer.listVersions('big-app')).data.versions).toEqual([]);
    const [bytes, meta] = await customer.downloadFile('big-app', version, { testChannel: true });
    expect(sha256(bytes)).toBe(sha256(content));
    expect(meta.checksum).toBe(sha256(content));
    const test = await customer.listVersions('big-app', { testChannel: true });
    expect(test.data.versions.find((v: { version: string }) => v.version === version)).toMatchObject({
      releaseNotes: 'Major release',
      isEnabled: false,
    });
    expect(await leftovers()).toEqual([]);

    const activity = await t.ctx.database.db
      .selectFrom('bindist_activity')
      .select(['method', 'file_size'])
      .where('tenant_id', '=', tenantId)
      .where('type', '=', 'upload')
      .where('version', '=', version)
      .execute();
    expect(activity.map((a) => [a.method, Number(a.file_size)])).toEqual([['large', content.length]]);

    // A retry of the same completion (a client that timed out) gets the same answer; nothing is published again.
    const again = await complete(url.data.uploadId, version, content.length, sha256(content));
    expect(again.statusCode, JSON.stringify(again.raw)).toBe(201);
    expect(again.data).toEqual(done.data);
    const withoutChecksum = await complete(url.data.uploadId, version, content.length, undefined);
    expect(withoutChecksum.statusCode).toBe(201);
    expect(withoutChecksum.data).toEqual(done.data);
    expect(await versionsOfApp()).toEqual(expect.arrayContaining([version]));
    const uploads = await t.ctx.database.db
      .selectFrom('bindist_activity')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('type', '=', 'upload')
      .where('version', '=', version)
      .execute();
    expect(uploads).toHaveLength(1);
    // The session is spent for new bytes.
    if (driver === 'local') expect((await put(url.data.uploadUrl, content)).status).toBe(409);
  });

  it('a completed upload completed again with other fields, or whose file is gone, answers 409', async () => {
    const version = nextVersion();
    const content = randomBytes(4096);
    const session = await started(version, content);
    expect((await put(session.uploadUrl, content)).status).toBe(200);
    const done = await complete(session.uploadId, version, content.length, undefined);
    expect(done.statusCode, JSON.stringify(done.raw)).toBe(201);

    const other = randomBytes(content.length);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ fileSize: content.length + 1 }, /fileSize/],
      [{ fileName: 'other.exe' }, /fileName/],
      [{ version: '9.9.9' }, /version/],
      [{ checksum: sha256(other) }, /checksum/],
    ];
    for (const [override, message] of cases) {
      const res = await complete(session.uploadId, version, content.length, undefined, override);
      expect(res.statusCode, JSON.stringify(override)).toBe(409);
      expect(res.error?.code).toBe('CONFLICT');
      expect(res.error?.message).toMatch(/already completed with another/);
      expect(res.error?.message).toMatch(message);
    }
    await newApplication(admin, 'big-app-2');
    const app = await complete(session.uploadId, version, content.length, undefined, {
      applicationId: 'big-app-2',
    });
    expect(app.statusCode).toBe(409);
    expect(app.error?.message).toMatch(/applicationId/);

    // The same fields still answer as the first completion did.
    const again = await complete(session.uploadId, version, content.length, sha256(content));
    expect(again.statusCode).toBe(201);
    expect(again.data).toEqual(done.data);

    // Once the file it created is gone, the session cannot answer for it any more.
    await t.ctx.database.db
      .deleteFrom('artifacts')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', done.data.fileId)
      .execute();
    const gone = await complete(session.uploadId, version, content.length, sha256(content));
    expect(gone.statusCode).toBe(409);
    expect(gone.error?.message).toMatch(/do not exist/);
  });

  it('a checksum is optional: without one the server computes it', async () => {
    const version = nextVersion();
    const content = randomBytes(4096);
    const session = await started(version, content);
    expect((await put(session.uploadUrl, content)).status).toBe(200);
    const done = await complete(session.uploadId, version, content.length, undefined);
    expect(done.statusCode, JSON.stringify(done.raw)).toBe(201);
    expect(done.data.checksum).toBe(sha256(content));
  });

  it('a checksum that does not match is refused: nothing published, the uploaded object removed, the session spent', async () => {
    const version = nextVersion();
    const content = randomBytes(256 * 1024);
    const session = await started(version, content);
    const key = await sessionKey(session.uploadId);
    const other = randomBytes(content.length);
    expect((await put(session.uploadUrl, other)).status).toBe(200);
    expect(await t.ctx.store.head(key, 'private')).toBeDefined();

    const done = await complete(session.uploadId, version, content.length, sha256(content));
    expect(done.statusCode, JSON.stringify(done.raw)).toBe(400);
    expect(done.error?.code).toBe('BAD_REQUEST');
    expect(done.error?.message).toMatch(/checksum mismatch/);
    expect(await versionsOfApp()).not.toContain(version);
    const listed = await customer.listVersions('big-app', { testChannel: true });
    expect(listed.data.versions.map((v: { version: string }) => v.version)).not.toContain(version);
    expect(await t.ctx.store.head(key, 'private')).toBeUndefined();
    expect(await leftovers()).toEqual([]);
    const pending = await t.ctx.database.db.selectFrom('pending_objects').selectAll().execute();
    expect(pending).toEqual([]);

    const spent = await complete(session.uploadId, version, content.length, sha256(other));
    expect(spent.statusCode).toBe(409);
    expect(spent.error?.message).toMatch(/new upload URL/);
    // The version is still free: a new session can upload it.
    const retry = await started(version, content);
    expect((await put(retry.uploadUrl, content)).status).toBe(200);
    expect((await complete(retry.uploadId, version, content.length, sha256(content))).statusCode).toBe(201);
  });

  it('the checksum given to large-url is checked too (with the local driver already at the PUT)', async () => {
    const version = nextVersion();
    const content = randomBytes(8192);
    const session = await started(version, content, { checksum: `sha256:${sha256(content).toUpperCase()}` });
    const wrong = randomBytes(content.length);
    const sent = await put(session.uploadUrl, wrong);
    if (driver === 'local') {
      expect(sent.status).toBe(400);
      expect(JSON.parse(sent.text).error.message).toMatch(/SHA-256/);
    } else expect(sent.status).toBe(200);
    const done = await complete(session.uploadId, version, content.length, undefined);
    expect(done.statusCode).toBe(400);
    expect(await versionsOfApp()).not.toContain(version);
    expect(await leftovers()).toEqual([]);
  });

  it('a PUT of the wrong size is refused (local) or caught by large-complete (S3); nothing is published', async () => {
    for (const delta of [1, -1]) {
      const version = nextVersion();
      const content = randomBytes(100_000);
      const session = await started(version, content);
      const body =
        delta > 0 ? Buffer.concat([content, Buffer.from([1])]) : content.subarray(0, content.length - 1);
      const sent = await put(session.uploadUrl, body);
      if (driver === 'local') {
        expect(sent.status, sent.text).toBe(400);
        expect(JSON.parse(sent.text)).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
      } else {
        expect(sent.status).toBe(200);
      }
      const done = await complete(session.uploadId, version, content.length, sha256(content));
      expect(done.statusCode, JSON.stringify(done.raw)).toBe(400);
      expect(await versionsOfApp()).not.toContain(version);
      expect(await leftovers()).toEqual([]);
    }
  });

  it('a PUT past the declared size is cut off with 413 (local) without storing anything', async () => {
    if (driver !== 'local') return;
    const version = nextVersion();
    const content = randomBytes(64 * 1024);
    const session = await started(version, content);
    const target = new URL(session.uploadUrl);
    // No Content-Length: a chunked body is only found too long while it streams.
    const res = await rawPut(`${target.pathname}${target.search}`, [content, randomBytes(10)], {});
    expect(res.status, res.text).toBe(413);
    expect(JSON.parse(res.text).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await leftovers()).toEqual([]);
    const declared = await rawPut(`${target.pathname}${target.search}`, [content, randomBytes(10)], {
      'Content-Length': String(content.length + 10),
    });
    expect(declared.status).toBe(400);
    expect(JSON.parse(declared.text).error.message).toMatch(/Content-Length/);
    expect(await leftovers()).toEqual([]);
  });

  it('a PUT cut off by the client leaves nothing behind, and the session can be PUT again', async () => {
    if (driver !== 'local') return;
    const version = nextVersion();
    const content = randomBytes(MB);
    const session = await started(version, content);
    const target = new URL(session.uploadUrl);
    const server: Server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: `${target.pathname}${target.search}`,
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(content.length) },
        });
        req.on('error', () => resolve());
        req.write(content.subarray(0, content.length / 2), () => {
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 100);
        });
      });
      const partials = async () => readdir(join(t.dataDir, 'artifacts', '.tmp'));
      for (let i = 0; i < 10 && (await partials()).length > 0; i++) await sleep(50);
      expect(await partials()).toEqual([]);
      expect(await leftovers()).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect((await put(session.uploadUrl, content)).status).toBe(200);
    expect((await complete(session.uploadId, version, content.length, sha256(content))).statusCode).toBe(201);
  });

  it('large-complete before anything was PUT is 400; the session stays usable', async () => {
    const version = nextVersion();
    const content = randomBytes(2048);
    const session = await started(version, content);
    const early = await complete(session.uploadId, version, content.length, sha256(content));
    expect(early.statusCode).toBe(400);
    expect(early.error?.message).toMatch(/PUT the file/);
    expect((await put(session.uploadUrl, content)).status).toBe(200);
    expect((await complete(session.uploadId, version, content.length, sha256(content))).statusCode).toBe(201);
  });

  it('large-complete must repeat what large-url declared, and name a known upload of this tenant', async () => {
    const version = nextVersion();
    const content = randomBytes(2048);
    const session = await started(version, content);
    expect((await put(session.uploadUrl, content)).status).toBe(200);
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ fileSize: content.length + 1 }, 400, /fileSize/],
      [{ fileName: 'other.exe' }, 400, /fileName/],
      [{ version: '9.9.9' }, 400, /version/],
      [{ uploadId: 'upl_abc123' }, 400, /uploadId/],
      [{ uploadId: '00000000-0000-4000-8000-000000000000' }, 404, /not found/],
      [{ checksum: 'abc' }, 400, /checksum/],
      [{ applicationId: 'no-such-app' }, 404, /not found/i],
    ];
    for (const [override, status, message] of cases) {
      const res = await admin.post('/management/upload/large-complete', {
        uploadId: session.uploadId,
        applicationId: 'big-app',
        version,
        fileName: `big-app-${version}.exe`,
        fileSize: content.length,
        ...override,
      });
      expect(res.statusCode, JSON.stringify(override)).toBe(status);
      expect(res.error?.message).toMatch(message);
    }
    const { admin: stranger } = await bootstrapAdmin(t.app);
    await newApplication(stranger, 'big-app');
    const theirs = await stranger.post('/management/upload/large-complete', {
      uploadId: session.uploadId,
      applicationId: 'big-app',
      version,
      fileName: `big-app-${version}.exe`,
      fileSize: content.length,
    });
    expect(theirs.statusCode).toBe(404);
    expect((await complete(session.uploadId, version, content.length, sha256(content))).statusCode).toBe(201);
  });

  it('a forged or altered upload URL is refused', async () => {
    const version = nextVersion();
    const content = randomBytes(1024);
    const session = await started(version, content);
    const url = new URL(session.uploadUrl);
    if (driver === 'local') {
      const signature = url.searchParams.get('signature') ?? '';
      url.searchParams.set('signature', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`);
    } else {
      // s3rver does not verify V4 signatures (real S3 does); it does refuse credentials it does not know.
      const credential = url.searchParams.get('X-Amz-Credential') ?? '';
      url.searchParams.set('X-Amz-Credential', credential.replace(/^[^/]+/, 'FORGED'));
    }
    expect((await put(url.toString(), content)).status).toBe(403);
    if (driver === 'local') {
      const other = new URL(session.uploadUrl);
      other.pathname = other.pathname.replace(session.uploadId, '00000000-0000-4000-8000-000000000000');
      expect((await put(other.toString(), content)).status).toBe(403);
      const unsigned = new URL(session.uploadUrl);
      unsigned.search = '';
      const res = await put(unsigned.toString(), content);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text).error.code).toBe('FORBIDDEN');
    }
    expect(await leftovers()).toEqual([]);
    expect((await complete(session.uploadId, version, content.length, undefined)).statusCode).toBe(400);
  });

  it('an expired upload URL is refused', async () => {
    const version = nextVersion();
    const content = randomBytes(1024);
    const session = await started(version, content);
    let expired: string;
    if (driver === 'local') {
      const past = String(Math.floor(Date.now() / 1000) - 1);
      const signature = signUploadUrl(t.ctx.config.jwtSecret, tenantId, session.uploadId, past);
      const url = new URL(session.uploadUrl);
      url.search = new URLSearchParams({ expires: past, signature }).toString();
      expired = url.toString();
    } else {
      const store = t.ctx.store as S3ArtifactStore;
      expired = await store.signedPutUrl(await sessionKey(session.uploadId), 1);
      await sleep(2100);
    }
    const res = await put(expired, content);
    expect(res.status).toBe(403);
    if (driver === 'local') expect(JSON.parse(res.text).error.message).toMatch(/expired/);
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    [{ fileSize: undefined }, 400, /fileSize/],
    [{ fileSize: 0 }, 400, /fileSize/],
    [{ fileSize: 1.5 }, 400, /fileSize/],
    [{ fileSize: 3 * 1024 ** 3 }, 413, /upload limit/],
    [{ fileName: undefined }, 400, /fileName/],
    [{ fileName: 'a/b.exe' }, 400, /file name|fileName/],
    [{ contentType: 'not a type' }, 400, /contentType/],
    [{ checksum: 'xyz' }, 400, /checksum/],
    [{ applicationId: 'nope' }, 404, /not found/i],
    [{ version: '' }, 400, /version/],
  ])('large-url refuses %j', async (override, status, message) => {
    const body: Record<string, unknown> = {
      applicationId: 'big-app',
      version: nextVersion(),
      fileName: 'x.exe',
      fileSize: 1000,
      ...override,
    };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    const res = await admin.post('/management/upload/large-url', body);
    expect(res.statusCode, JSON.stringify(res.raw)).toBe(status);
    expect(res.success).toBe(false);
    expect(res.error?.message).toMatch(message);
  });

  it('large-url refuses a version that already exists with 409', async () => {
    const version = nextVersion();
    expect((await admin.uploadSmallFile('big-app', version, 'small.exe', randomBytes(10))).statusCode).toBe(
      201,
    );
    const res = await largeUrl(version, 1000);
    expect(res.statusCode).toBe(409);
    expect(res.error?.code).toBe('CONFLICT');
  });

  it('the local upload URL needs no API key, and an API key does not replace the signature', async () => {
    if (driver !== 'local') return;
    const version = nextVersion();
    const content = randomBytes(1024);
    const session = await started(version, content);
    const url = new URL(session.uploadUrl);
    url.search = '';
    const res = await request(t.app)
      .put(url.pathname)
      .set(bearer(admin.apiKey))
      .set('Content-Type', 'application/octet-stream')
      .send(content);
    expect(res.status).toBe(403);
  });

  it('streams a PUT to storage: memory stays flat while 96 MB go through', async () => {
    if (driver !== 'local') return;
    const size = 96 * MB;
    const version = nextVersion();
    const url = await largeUrl(version, size);
    expect(url.statusCode).toBe(200);
    const target = new URL(url.data.uploadUrl);
    const chunk = randomBytes(MB);
    const chunks = function* () {
      for (let i = 0; i < size / MB; i++) yield chunk;
    };
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const res = await rawPut(
      `${target.pathname}${target.search}`,
      chunks(),
      { 'Content-Length': String(size) },
      () => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
      },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe('');
    // The body is 96 MB: a server that buffered it would hold all of it at the end.
    expect(peak).toBeLessThan(40 * MB);
    const done = await complete(url.data.uploadId, version, size, undefined);
    expect(done.statusCode, JSON.stringify(done.raw)).toBe(201);
    expect(done.data.fileSize).toBe(size);
  }, 120_000);

  it('S3 driver URLs point at the bucket, not at Updraft', () => {
    if (driver !== 's3') return;
    expect(t.ctx.store).toBeInstanceOf(S3ArtifactStore);
  });
});
