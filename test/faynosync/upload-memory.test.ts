import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import { cliData, createApp, filesThenData, sendForm, streamUploadDataLast } from '../helpers/releases.js';

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
    let result: Awaited<ReturnType<typeof streamUploadDataLast>>;
    try {
      result = await streamUploadDataLast(
        port,
        token,
        cliData({ app_name: 'big', version: '1.0.0', publish: true }),
        FILE_BYTES,
      );
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
