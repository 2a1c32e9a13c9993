import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload, zipLike } from '../helpers/fenfa.js';
import { cliData, createApp, filesThenData, sendForm, streamUploadDataLast } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

/**
 * The S3 service goes away (its connections reset, new ones refused) while uploads come in: each is answered with a
 * 503 that names the file store and asks to retry, also when the client is still sending a body far past what the
 * server reads before answering; nothing of it becomes visible, and the same upload succeeds once the service is back.
 */

const MiB = 1024 * 1024;

let s3: TestS3;
let proxy: TcpProxy;
let t: TestApp;
let server: Server;
let port: number;
let token: string;

beforeAll(async () => {
  s3 = await startS3();
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: s3.port });
  t = await createTestApp({ ...s3.env, S3_PORT: String(proxy.port), UPLOAD_MAX_BYTES: '1GB' });
  ({ token } = await newAdmin(t.app));
  await createApp(t.app, token, 'desktop');
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  // The refused 192 MiB body's connection is still being read and thrown away (the linger after the answer).
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  await proxy?.close();
  await s3?.close();
});

async function artifactCount(): Promise<number> {
  const rows = await t.ctx.database.db.selectFrom('artifacts').select('id').execute();
  return rows.length;
}

const expectStoreFault = (status: number, body: string): void => {
  expect(status, body).toBe(503);
  const { error } = JSON.parse(body) as { error: string };
  expect(error).toMatch(
    /^the file store could not store the upload \(the S3 endpoint is unreachable: E[A-Z]+\)/,
  );
  expect(error).toContain('try again');
  expect(error).toContain('S3_ENDPOINT');
};

describe('uploads while the S3 service is away', () => {
  it('answers 503 with Retry-After, keeps nothing, and takes the same upload once the service is back', async () => {
    const parts = filesThenData(cliData({ app_name: 'desktop', version: '1.0.0', publish: true }), [
      { name: 'desktop-1.0.0.exe', content: Buffer.alloc(2 * MiB, 7) },
    ]);
    await proxy.cut();
    const refused = await sendForm(t.app, '/upload', token, parts);
    expectStoreFault(refused.status, refused.text);
    expect(refused.headers['retry-after']).toBe('5');
    expect(await artifactCount()).toBe(0);

    await proxy.restore();
    await sendForm(t.app, '/upload', token, parts).expect(200);
    expect(await artifactCount()).toBe(1);
    expect(await t.ctx.store.list('tmp/', 'private')).toEqual([]);
  });

  it('lets a client that is still sending a large body read the answer instead of a reset connection', async () => {
    await proxy.cut();
    try {
      // The store fails once the first 64 MiB are in; the server then reads at most 64 MiB more before answering,
      // so with 192 MiB the client is still sending when the answer comes.
      const answer = await streamUploadDataLast(
        port,
        token,
        cliData({ app_name: 'desktop', version: '2.0.0', publish: true }),
        192 * MiB,
      );
      expectStoreFault(answer.status, answer.body);
    } finally {
      await proxy.restore();
    }
    expect(await artifactCount()).toBe(1);
    expect(await t.ctx.store.list('tmp/', 'private')).toEqual([]);
  });

  it("answers Fenfa's upload with its storage code IO, not DB_DOWN", async () => {
    const fenfa = await fenfaTenant(t.app);
    const product = await createProduct(t.app, fenfa.adminToken, { name: 'Field app' });
    const variant = await createVariant(t.app, fenfa.adminToken, product, { platform: 'android' });
    await proxy.cut();
    try {
      const res = await fenfaUpload(
        t.app,
        fenfa.uploadToken,
        { variant_id: variant, version: '1.0.0' },
        { name: 'field.apk', content: zipLike() },
      );
      expect(res.status, res.text).toBe(503);
      expect(res.body.error.code).toBe('IO');
      expect(res.body.error.message).toMatch(/^the file store could not store the upload/);
    } finally {
      await proxy.restore();
    }
  });
});
