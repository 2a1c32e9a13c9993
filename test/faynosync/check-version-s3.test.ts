import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { createApp, createNamed, upload } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * The update flow end to end on the S3 driver: upload through the API, check for the update, then fetch
 * the bytes from where the answer points — straight from the bucket for a public app, through a signed
 * URL for a private one.
 */
describe('checkVersion with S3 storage', () => {
  let s3: TestS3;
  let t: TestApp;
  let admin: { username: string; token: string };
  const installer = randomBytes(300_000);

  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestApp(s3.env);
    admin = await newAdmin(t.app);
    await createNamed(t.app, admin.token, 'channel', 'stable');
    await createNamed(t.app, admin.token, 'platform', 'windows');
    await createNamed(t.app, admin.token, 'arch', 'x64');
    await createApp(t.app, admin.token, 'open app');
    await createApp(t.app, admin.token, 'closed app', { private: true });
    for (const app of ['open app', 'closed app']) {
      for (const version of ['1.0.0', '1.1.0']) {
        const res = await upload(
          t.app,
          admin.token,
          { app_name: app, version, channel: 'stable', platform: 'windows', arch: 'x64', publish: true },
          [{ name: `Setup-${version}.exe`, content: installer }],
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    }
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const check = (app: string) =>
    request(t.app).get('/checkVersion').query({
      app_name: app,
      version: '1.0.0',
      channel: 'stable',
      platform: 'windows',
      arch: 'x64',
      owner: admin.username,
    });

  it('links a public app straight to the public bucket, and the bytes are the uploaded ones', async () => {
    const res = await check('open app').expect(200);
    expect(res.body.update_available).toBe(true);
    const url = res.body.update_url_exe as string;
    expect(url.startsWith(`http://127.0.0.1:${s3.port}/updraft-public/`)).toBe(true);
    expect(url).toContain('/1.1.0/');
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(installer)).toBe(true);
  });

  it('links a private app through /download, which signs a URL to the private bucket', async () => {
    const res = await check('closed app').expect(200);
    const link = new URL(res.body.update_url_exe as string);
    expect(link.origin + link.pathname).toBe('http://updraft.test/download');
    await request(t.app)
      .get('/download')
      .query({ key: link.searchParams.get('key') })
      .expect(401);
    const signed = await request(t.app)
      .get('/download')
      .query({ key: link.searchParams.get('key') })
      .set(bearer(admin.token))
      .expect(200);
    const url = signed.body.download_url as string;
    expect(url.startsWith(`http://127.0.0.1:${s3.port}/updraft-private/`)).toBe(true);
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(installer)).toBe(true);
  });
});
