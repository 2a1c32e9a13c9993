import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Stream } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesRouter } from '../../src/http/stored-objects.js';
import { LocalArtifactStore } from '../../src/storage/local.js';

const SIGNING_KEY = 'files-test-signing-key';
const data = randomBytes(100_000);
const secret = Buffer.from('root:x:0:0:this must never be served publicly\n');

let root: string;
let store: LocalArtifactStore;
let app: express.Express;

/** Keeps the body as raw bytes whatever the content type, multipart included. */
function binary(res: Stream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (err) => callback(err, Buffer.alloc(0)));
}

function get(path: string) {
  return request(app).get(path).buffer(true).parse(binary);
}

/** Path and query of a URL the store made, for supertest. */
function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

/** The documented signature of private links, computed independently of the store. */
function sign(key: string, expires: number, name = ''): string {
  return createHmac('sha256', SIGNING_KEY).update(`private/${key}\n${expires}\n${name}`).digest('base64url');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'updraft-files-'));
  store = new LocalArtifactStore({ root, baseUrl: 'http://files.test', signingKey: SIGNING_KEY });
  await store.init();
  await store.put('acme/app/1.0.0/App Setup ü.exe', Readable.from([data]), {
    visibility: 'public',
    contentType: 'application/x-msdownload',
  });
  await store.put('acme/plain.bin', Readable.from([data]), { visibility: 'public' });
  await store.put('acme/empty.bin', Readable.from([]), { visibility: 'public' });
  await store.put('acme/secret.bin', Readable.from([secret]), {
    visibility: 'private',
    contentType: 'text/plain',
  });
  app = express();
  app.use('/files', filesRouter(store));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('public files', () => {
  const path = `/files/public/acme/app/1.0.0/${encodeURIComponent('App Setup ü.exe')}`;

  it('serves the bytes with the headers a download needs', async () => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect((res.body as Buffer).equals(data)).toBe(true);
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['content-type']).toBe('application/x-msdownload');
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(new Date(res.headers['last-modified'] ?? '').getTime()).not.toBeNaN();
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="App Setup _.exe"; filename*=UTF-8''App%20Setup%20%C3%BC.exe`,
    );
  });

  it('defaults the content type and keeps a plain ASCII name simple', async () => {
    const res = await get('/files/public/acme/plain.bin');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe('attachment; filename=plain.bin');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await request(app).head(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(res.text ?? '').toBe('');
  });

  it('answers 304 when the client already has this version', async () => {
    const { headers } = await request(app).head(path);
    const etag = headers.etag ?? '';
    for (const ifNoneMatch of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const res = await get(path).set('If-None-Match', ifNoneMatch);
      expect(res.status, ifNoneMatch).toBe(304);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect((res.body as Buffer).length).toBe(0);
    }
    expect((await get(path).set('If-None-Match', '"something-else"')).status).toBe(200);
    expect((await get(path).set('If-Modified-Since', headers['last-modified'] ?? '')).status).toBe(304);
    expect((await get(path).set('If-Modified-Since', 'Thu, 01 Jan 1998 00:00:00 GMT')).status).toBe(200);
  });

  it('serves one range with 206 and Content-Range', async () => {
    const res = await get(path).set('Range', 'bytes=10-19');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 10-19/${data.length}`);
    expect(res.headers['content-length']).toBe('10');
    expect(res.headers['content-type']).toBe('application/x-msdownload');
    expect((res.body as Buffer).equals(data.subarray(10, 20))).toBe(true);
  });

  it('serves a suffix range', async () => {
    const res = await get(path).set('Range', 'bytes=-100');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${data.length - 100}-${data.length - 1}/${data.length}`);
    expect((res.body as Buffer).equals(data.subarray(data.length - 100))).toBe(true);
  });

  it('serves an open-ended range, and cuts a range that runs past the end', async () => {
    const open = await get(path).set('Range', `bytes=${data.length - 50}-`);
    expect(open.status).toBe(206);
    expect(open.headers['content-range']).toBe(`bytes ${data.length - 50}-${data.length - 1}/${data.length}`);
    expect((open.body as Buffer).equals(data.subarray(data.length - 50))).toBe(true);

    const long = await get(path).set('Range', 'bytes=99990-999999999');
    expect(long.status).toBe(206);
    expect(long.headers['content-range']).toBe(`bytes 99990-${data.length - 1}/${data.length}`);
    expect((long.body as Buffer).equals(data.subarray(99990))).toBe(true);
  });

  it('answers 416 with the size for a range outside the file', async () => {
    for (const range of [
      `bytes=${data.length}-`,
      `bytes=${data.length + 10}-${data.length + 20}`,
      'bytes=-0',
    ]) {
      const res = await request(app).get(path).set('Range', range);
      expect(res.status, range).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${data.length}`);
      expect(res.body).toEqual({ error: expect.stringContaining(`${data.length} bytes`) });
    }
    const empty = await request(app).get('/files/public/acme/empty.bin').set('Range', 'bytes=0-0');
    expect(empty.status).toBe(416);
    expect(empty.headers['content-range']).toBe('bytes */0');
  });

  it('sends the whole file for a Range header it cannot read or an If-Range that no longer matches', async () => {
    for (const range of ['bytes=abc', 'items=0-5', 'bytes=20-10', 'bytes=-']) {
      const res = await get(path).set('Range', range);
      expect(res.status, range).toBe(200);
      expect((res.body as Buffer).length).toBe(data.length);
    }
    const stale = await get(path).set('Range', 'bytes=0-9').set('If-Range', '"an-older-version"');
    expect(stale.status).toBe(200);
    const { headers } = await request(app).head(path);
    const current = await get(path)
      .set('Range', 'bytes=0-9')
      .set('If-Range', headers.etag ?? '');
    expect(current.status).toBe(206);
  });

  it('serves several ranges as multipart/byteranges, byte for byte', async () => {
    const res = await get(path).set('Range', `bytes=0-9,20-29,${data.length - 5}-`);
    expect(res.status).toBe(206);
    const contentType = res.headers['content-type'] ?? '';
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(contentType)?.[1];
    expect(boundary).toBeDefined();
    const body = res.body as Buffer;
    expect(res.headers['content-length']).toBe(String(body.length));

    const expected = [
      { start: 0, end: 9 },
      { start: 20, end: 29 },
      { start: data.length - 5, end: data.length - 1 },
    ];
    let pos = 0;
    for (const [i, { start, end }] of expected.entries()) {
      const delimiter = `${i === 0 ? '' : '\r\n'}--${boundary}\r\n`;
      expect(body.subarray(pos, pos + delimiter.length).toString()).toBe(delimiter);
      pos += delimiter.length;
      const headerEnd = body.indexOf('\r\n\r\n', pos);
      const headers = body.subarray(pos, headerEnd).toString().split('\r\n');
      expect(headers).toEqual([
        'Content-Type: application/x-msdownload',
        `Content-Range: bytes ${start}-${end}/${data.length}`,
      ]);
      pos = headerEnd + 4;
      expect(body.subarray(pos, pos + end - start + 1).equals(data.subarray(start, end + 1))).toBe(true);
      pos += end - start + 1;
    }
    expect(body.subarray(pos).toString()).toBe(`\r\n--${boundary}--\r\n`);
  });

  it('never sends more than the file: overlapping ranges are merged, excess or too many parts get the file once', async () => {
    const amplified = await get(path).set('Range', `bytes=${Array(64).fill('0-').join(',')}`);
    expect(amplified.status).toBe(200);
    expect(amplified.headers['content-length']).toBe(String(data.length));
    expect((amplified.body as Buffer).equals(data)).toBe(true);

    for (const range of ['bytes=0-9,5-19', 'bytes=0-9,10-19', 'bytes=10-19,0-9', 'bytes=0-19,3-4']) {
      const res = await get(path).set('Range', range);
      expect(res.status, range).toBe(206);
      expect(res.headers['content-range'], range).toBe(`bytes 0-19/${data.length}`);
      expect((res.body as Buffer).equals(data.subarray(0, 20)), range).toBe(true);
    }

    const tooMany = Array.from({ length: 17 }, (_, i) => `${i * 100}-${i * 100 + 9}`).join(',');
    const parts = await request(app).head(path).set('Range', `bytes=${tooMany}`);
    expect(parts.status).toBe(200);
    expect(parts.headers['content-length']).toBe(String(data.length));
    const sixteen = await request(app)
      .head(path)
      .set('Range', `bytes=${tooMany.replace(/,[^,]*$/, '')}`);
    expect(sixteen.status).toBe(206);

    const overlapping = await request(app)
      .head(path)
      .set('Range', `bytes=0-${data.length - 1},-10`);
    expect(overlapping.status).toBe(200);
    expect(overlapping.headers['content-length']).toBe(String(data.length));
  });

  it('answers HEAD with a range without sending the parts', async () => {
    const res = await request(app).head(path).set('Range', 'bytes=0-9,20-29');
    expect(res.status).toBe(206);
    expect(res.headers['content-type']).toMatch(/^multipart\/byteranges; boundary=/);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(20);
  });

  it('answers 404 in JSON for a missing file', async () => {
    const res = await request(app).get('/files/public/acme/nothing-here.bin');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'file not found' });
  });

  it('never serves a file outside the store, a private file or a sidecar through a public path', async () => {
    const attempts = [
      '/files/public/..%2F..%2Fetc%2Fpasswd',
      '/files/public/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/files/public/..%2Fprivate%2Facme%2Fsecret.bin',
      '/files/public/%2e%2e/private/acme/secret.bin',
      '/files/public/acme/.plain.bin.meta.json',
      '/files/public/.tmp/x',
      '/files/public/acme%5C..%5C..%5Cprivate%5Csecret.bin',
      '/files/public/acme/secret.bin',
      '/files/private/%2e%2e/x',
      '/files/private/..%2Fpublic%2Facme%2Fplain.bin',
    ];
    for (const attempt of attempts) {
      const res = await get(attempt);
      expect([400, 403, 404], attempt).toContain(res.status);
      const body = res.body as Buffer;
      expect(body.includes(secret), attempt).toBe(false);
      expect(body.toString(), attempt).not.toContain('root:');
      expect(JSON.parse(body.toString()), attempt).toEqual({ error: expect.any(String) });
    }
    expect((await get('/files/public/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
    expect((await get('/files/private/%2e%2e/x')).status).toBe(400);
  });
});

describe('private files', () => {
  it('serves a private file through its signed URL, privately', async () => {
    const res = await get(pathOf(await store.signedUrl('acme/secret.bin', 60)));
    expect(res.status).toBe(200);
    expect((res.body as Buffer).equals(secret)).toBe(true);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.headers['content-disposition']).toBe('attachment; filename=secret.bin');
  });

  it('names the download as the link asks', async () => {
    const res = await get(
      pathOf(await store.signedUrl('acme/secret.bin', 60, { downloadName: 'notes "v2".txt' })),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="notes _v2_.txt"; filename*=UTF-8''notes%20%22v2%22.txt`,
    );
  });

  it('honours ranges on signed URLs too', async () => {
    const res = await get(pathOf(await store.signedUrl('acme/secret.bin', 60))).set('Range', 'bytes=0-4');
    expect(res.status).toBe(206);
    expect((res.body as Buffer).toString()).toBe('root:');
  });

  it('accepts a signature made independently with the documented scheme', async () => {
    const expires = Math.floor(Date.now() / 1000) + 60;
    const res = await get(
      `/files/private/acme/secret.bin?expires=${expires}&signature=${sign('acme/secret.bin', expires)}`,
    );
    expect(res.status).toBe(200);
  });

  it('refuses a missing, forged or expired signature with 403 and what to do', async () => {
    const future = Math.floor(Date.now() / 1000) + 60;
    const past = Math.floor(Date.now() / 1000) - 10;
    const attempts = [
      '/files/private/acme/secret.bin',
      `/files/private/acme/secret.bin?expires=${future}`,
      `/files/private/acme/secret.bin?signature=${sign('acme/secret.bin', future)}`,
      `/files/private/acme/secret.bin?expires=${future}&signature=not-a-signature`,
      `/files/private/acme/secret.bin?expires=${future}&signature=${sign('acme/other.bin', future)}`,
      `/files/private/acme/secret.bin?expires=${future + 1}&signature=${sign('acme/secret.bin', future)}`,
      `/files/private/acme/secret.bin?expires=${future}&signature=${sign('acme/secret.bin', future)}&name=x.txt`,
      `/files/private/acme/secret.bin?expires=${past}&signature=${sign('acme/secret.bin', past)}`,
    ];
    for (const attempt of attempts) {
      const res = await get(attempt);
      expect(res.status, attempt).toBe(403);
      const body = JSON.parse((res.body as Buffer).toString()) as { error: string };
      expect(body.error).toMatch(/invalid or has expired/);
      expect(body.error).toMatch(/request a new link/);
      expect((res.body as Buffer).includes(secret)).toBe(false);
    }
  });

  it('answers 404 for a validly signed link to a file that is gone', async () => {
    const res = await request(app).get(pathOf(await store.signedUrl('acme/deleted.bin', 60)));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'file not found' });
  });
});
