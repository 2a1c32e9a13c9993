import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { S3ArtifactStore } from '../../src/storage/s3.js';
import { READ_CHECK_KEY } from '../../src/storage/s3-checks.js';
import { freePort } from '../faults/processes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { bootstrapAdmin, newApplication, sha256 } from '../helpers/bindist.js';
import { createApp, createNamed, upload } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * S3_PRIVATE_URL: Updraft talks to the service at S3_ENDPOINT (here 127.0.0.1, as inside a compose network) while
 * the signed URLs it hands out name the host clients use (here `localhost`, the same s3rver under another name).
 * And the start-up check that the public bucket is readable without credentials.
 */

let s3: TestS3;

beforeAll(async () => {
  s3 = await startS3();
});

afterAll(async () => {
  await s3?.close();
});

function store(extra: Record<string, string> = {}): S3ArtifactStore {
  const config = loadConfig({ JWT_SECRET: 'a-test-secret-of-enough-length', ...s3.env, ...extra });
  if (!config.s3) throw new Error('no S3 config');
  return new S3ArtifactStore(config.s3);
}

describe('signed URLs with S3_PRIVATE_URL', () => {
  it('are signed for the public host and fetch the object through it', async () => {
    const outside = store({ S3_PRIVATE_URL: `http://localhost:${s3.port}` });
    await outside.init();
    const bytes = randomBytes(50_000);
    await outside.put('acme/app/1.0.0/setup.exe', Readable.from([bytes]), { visibility: 'private' });

    const url = new URL(
      await outside.signedUrl('acme/app/1.0.0/setup.exe', 60, { downloadName: 'setup.exe' }),
    );
    expect(url.host).toBe(`localhost:${s3.port}`);
    expect(url.pathname).toBe('/updraft-private/acme/app/1.0.0/setup.exe');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    // Without it, the URL names S3_ENDPOINT, as before.
    const inside = new URL(await store().signedUrl('acme/app/1.0.0/setup.exe', 60));
    expect(inside.host).toBe(`127.0.0.1:${s3.port}`);
  });

  it('lets a client PUT through the public host, and the server reads the object through its own', async () => {
    const outside = store({ S3_PRIVATE_URL: `http://localhost:${s3.port}/updraft-private` });
    const url = new URL(await outside.signedPutUrl('uploads/big.bin', 60));
    expect(url.host).toBe(`localhost:${s3.port}`);
    const bytes = randomBytes(20_000);
    const put = await fetch(url, { method: 'PUT', body: bytes });
    expect(put.status).toBe(200);
    const read = await store().get('uploads/big.bin', 'private');
    const chunks: Buffer[] = [];
    for await (const chunk of read) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('are computed without a request to the public host (which the server may not reach)', async () => {
    const outside = store({ S3_PRIVATE_URL: 'https://s3.unreachable.invalid' });
    const url = new URL(await outside.signedUrl('acme/app/1.0.0/setup.exe', 60));
    expect(url.origin).toBe('https://s3.unreachable.invalid');
    expect(url.pathname).toBe('/updraft-private/acme/app/1.0.0/setup.exe');
    expect(new URL(await outside.signedPutUrl('uploads/x.bin', 60)).origin).toBe(
      'https://s3.unreachable.invalid',
    );
  });
});

describe('the faces hand out S3_PRIVATE_URL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ ...s3.env, S3_PRIVATE_URL: `http://localhost:${s3.port}` });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('FaynoSync /download signs a private app file for the public host', async () => {
    const admin = await newAdmin(t.app);
    await createNamed(t.app, admin.token, 'channel', 'stable');
    await createNamed(t.app, admin.token, 'platform', 'windows');
    await createNamed(t.app, admin.token, 'arch', 'x64');
    await createApp(t.app, admin.token, 'closed app', { private: true });
    const installer = randomBytes(100_000);
    const res = await upload(
      t.app,
      admin.token,
      {
        app_name: 'closed app',
        version: '1.0.0',
        channel: 'stable',
        platform: 'windows',
        arch: 'x64',
        publish: true,
      },
      [{ name: 'Setup-1.0.0.exe', content: installer }],
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const check = await request(t.app)
      .get('/checkVersion')
      .query({
        app_name: 'closed app',
        version: '0.9.0',
        channel: 'stable',
        platform: 'windows',
        arch: 'x64',
        owner: admin.username,
      })
      .expect(200);
    const link = new URL(check.body.update_url_exe as string);
    const signed = await request(t.app)
      .get('/download')
      .query({ key: link.searchParams.get('key') })
      .set(bearer(admin.token))
      .expect(200);
    const url = new URL(signed.body.download_url as string);
    expect(url.host).toBe(`localhost:${s3.port}`);
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(installer)).toBe(true);
  });

  it('BinDist large-url gives an upload URL on the public host that the client can PUT to', async () => {
    const { admin } = await bootstrapAdmin(t.app);
    await newApplication(admin, 'big-app', []);
    const content = randomBytes(300_000);
    const started = await admin.post('/management/upload/large-url', {
      applicationId: 'big-app',
      version: '1.0.0',
      fileName: 'big-app-1.0.0.exe',
      fileSize: content.length,
      contentType: 'application/octet-stream',
    });
    expect(started.statusCode, JSON.stringify(started.raw)).toBe(200);
    const { uploadId, uploadUrl } = started.data as { uploadId: string; uploadUrl: string };
    expect(new URL(uploadUrl).host).toBe(`localhost:${s3.port}`);
    const put = await fetch(uploadUrl, {
      method: 'PUT',
      body: content,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(put.status).toBe(200);
    const done = await admin.post('/management/upload/large-complete', {
      uploadId,
      applicationId: 'big-app',
      version: '1.0.0',
      fileName: 'big-app-1.0.0.exe',
      fileSize: content.length,
      checksum: sha256(content),
    });
    expect(done.statusCode, JSON.stringify(done.raw)).toBe(201);
    expect(done.data.checksum).toBe(sha256(content));
  });
});

describe('the start-up check of anonymous reads on the public bucket', () => {
  it('is quiet when the object reads back without credentials', async () => {
    const s = store();
    await s.init();
    expect(await s.checkPublicRead()).toBeUndefined();
    const res = await fetch(s.publicUrl(READ_CHECK_KEY));
    expect(res.status).toBe(200);
  });

  it('warns in one line, naming the bucket and the policy to set, when S3_PUBLIC_URL does not serve it', async () => {
    const s = store({ S3_PUBLIC_URL: `http://127.0.0.1:${s3.port}/not-the-public-bucket` });
    await s.init();
    const warning = await s.checkPublicRead();
    expect(warning).toContain('S3_BUCKET_PUBLIC=updraft-public is not readable without credentials');
    expect(warning).toContain(
      `GET http://127.0.0.1:${s3.port}/not-the-public-bucket/${READ_CHECK_KEY} answered 404`,
    );
    expect(warning).toContain('mc anonymous set download ALIAS/updraft-public');
    expect(warning).not.toContain('\n');
  });

  it('falls back to the endpoint when S3_PUBLIC_URL cannot be reached from the server', async () => {
    const closed = await freePort();
    const s = store({ S3_PUBLIC_URL: `http://127.0.0.1:${closed}/updraft-public` });
    await s.init();
    expect(await s.checkPublicRead()).toBeUndefined();
  });
});
