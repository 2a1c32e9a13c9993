import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import { cliData, createApp, filesThenData, sendForm } from '../helpers/releases.js';

/**
 * A file sent before its `data` (FaynoSync's CLI order) is staged as it arrives, never held until `data` comes: the
 * server's resident memory stays flat while 256 MiB stream through it. The 1 GiB measurement against the compiled
 * server is `npm run bench:upload-order` (bench/transfer.ts).
 */

const MiB = 1024 * 1024;
const FILE_BYTES = 256 * MiB;
/** Far below the file: holding it, or any large part of it, would pass this many times over. */
const MAX_GROWTH = FILE_BYTES / 4;

let t: TestApp;
let server: Server;
let port: number;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: '1GB' });
  ({ token } = await newAdmin(t.app));
  await createApp(t.app, token, 'big');
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/**
 * Streams one `file` part of FILE_BYTES (one random mebibyte over and over, made as it is sent), then `data`, with
 * backpressure; resolves with the answer and the SHA-256 of what was sent.
 */
function uploadDataLast(data: string): Promise<{ status: number; body: string; sha256: string }> {
  const boundary = `----updraft-memory-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n--${boundary}--\r\n`,
  );
  const chunk = randomBytes(MiB);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/upload',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + FILE_BYTES + tail.length,
      },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString(),
          sha256: hash.digest('hex'),
        }),
      );
    });
    let sent = 0;
    const write = (): void => {
      while (sent < FILE_BYTES) {
        sent += chunk.length;
        hash.update(chunk);
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      req.end(tail);
    };
    req.write(head);
    write();
  });
}

describe('memory of an upload whose data comes last', () => {
  it(`stays flat while ${FILE_BYTES / MiB} MiB stream through the server`, async () => {
    // Warm the route up, so the baseline includes the code and caches every upload uses.
    await sendForm(
      t.app,
      '/upload',
      token,
      filesThenData(cliData({ app_name: 'big', version: '0.0.1' }), [
        { name: 'warm.bin', content: randomBytes(MiB) },
      ]),
    ).expect(200);
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    let result: Awaited<ReturnType<typeof uploadDataLast>>;
    try {
      result = await uploadDataLast(cliData({ app_name: 'big', version: '1.0.0', publish: true }));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    expect(result.status, result.body).toBe(200);
    const row = await t.ctx.database.db
      .selectFrom('artifacts')
      .select(['size', 'sha256'])
      .where('file_name', '=', 'big.bin')
      .executeTakeFirstOrThrow();
    expect(Number(row.size)).toBe(FILE_BYTES);
    expect(row.sha256).toBe(result.sha256);
    expect(await t.ctx.store.list('tmp/', 'private')).toEqual([]);
    const growth = peak - baseline;
    console.info(`RSS ${Math.round(baseline / MiB)} MiB before, peak +${Math.round(growth / MiB)} MiB`);
    expect(growth).toBeLessThan(MAX_GROWTH);
  });
});
