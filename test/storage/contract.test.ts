import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesRouter } from '../../src/http/stored-objects.js';
import { LocalArtifactStore } from '../../src/storage/local.js';
import type { S3Options } from '../../src/storage/s3.js';
import { S3ArtifactStore } from '../../src/storage/s3.js';
import {
  type ArtifactStore,
  InvalidKeyError,
  ObjectNotFoundError,
  ObjectTooLargeError,
  type Visibility,
} from '../../src/storage/types.js';
import { startS3 } from '../helpers/s3.js';

interface Harness {
  store: ArtifactStore;
  /** Files a put left in the driver's own scratch space, for drivers that have one. */
  leftovers?: () => Promise<string[]>;
  /** The identity of the file behind an object, for drivers whose objects are files (same id: nothing was copied). */
  fileId?: (key: string, visibility: Visibility) => Promise<bigint>;
  close(): Promise<void>;
}

interface DriverTraits {
  /**
   * Whether the server behind signed URLs checks their signature. s3rver does not verify V4 signatures (its
   * authentication middleware says so and accepts any signature from a known access key), though it does enforce
   * their expiry; real S3 and MinIO verify them.
   */
  verifiesSignatures: boolean;
}

/** A body that arrives in pieces, as an upload does, rather than one buffer. */
function chunked(data: Buffer, chunkSize = 64 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += chunkSize)
    chunks.push(data.subarray(offset, offset + chunkSize));
  return Readable.from(chunks);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const hex = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest('hex');

export function storeContract(name: string, makeStore: () => Promise<Harness>, traits: DriverTraits): void {
  describe(`ArtifactStore contract: ${name}`, () => {
    let harness: Harness;
    let store: ArtifactStore;
    const data = randomBytes(5 * 1024 * 1024 + 123);
    // Made early so the expiry test does not have to sleep for the whole TTL on its own.
    let expiringUrl: string;
    let expiringUrlMadeAt: number;

    beforeAll(async () => {
      harness = await makeStore();
      store = harness.store;
      await store.init();
      await store.put('signed/expiring.bin', chunked(data.subarray(0, 1000)), { visibility: 'private' });
      expiringUrl = await store.signedUrl('signed/expiring.bin', 1);
      expiringUrlMadeAt = Date.now();
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('init is idempotent', async () => {
      await store.init();
    });

    it('put streams the body in and measures exactly what it stored', async () => {
      const result = await store.put('acme/app/1.0.0/app.dmg', chunked(data), {
        visibility: 'public',
        contentType: 'application/x-apple-diskimage',
      });
      expect(result).toEqual({
        key: 'acme/app/1.0.0/app.dmg',
        size: data.length,
        sha1: hex('sha1', data),
        sha256: hex('sha256', data),
        sha512: hex('sha512', data),
      });
      const back = await readAll(await store.get('acme/app/1.0.0/app.dmg', 'public'));
      expect(back.equals(data)).toBe(true);
    });

    it('stores an empty object', async () => {
      const result = await store.put('acme/empty.txt', Readable.from([]), { visibility: 'public' });
      expect(result).toMatchObject({ size: 0, sha256: hex('sha256', Buffer.alloc(0)) });
      expect((await store.head('acme/empty.txt', 'public'))?.size).toBe(0);
    });

    it('gets one byte range', async () => {
      await store.put('range/file.bin', chunked(data), { visibility: 'public' });
      const part = await readAll(
        await store.get('range/file.bin', 'public', { start: 1_000_000, end: 1_099_999 }),
      );
      expect(part.equals(data.subarray(1_000_000, 1_100_000))).toBe(true);
      const last = await readAll(
        await store.get('range/file.bin', 'public', { start: data.length - 1, end: data.length - 1 }),
      );
      expect(last.equals(data.subarray(data.length - 1))).toBe(true);
    });

    it('heads a present object and answers undefined for an absent one', async () => {
      const before = Date.now();
      await store.put('head/a.json', chunked(Buffer.from('{"a":1}')), {
        visibility: 'public',
        contentType: 'application/json',
      });
      const info = await store.head('head/a.json', 'public');
      expect(info).toMatchObject({ size: 7, contentType: 'application/json' });
      expect(info?.etag).toMatch(/^".+"$/);
      // HTTP dates (and so S3's Last-Modified) have whole seconds.
      expect(info?.lastModified.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(await store.head('head/missing.json', 'public')).toBeUndefined();
      await expect(store.get('head/missing.json', 'public')).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('replaces an object whole: the old one stays readable until the new body has ended', async () => {
      const first = randomBytes(300_000);
      const second = randomBytes(200_000);
      await store.put('replace/file.bin', chunked(first), {
        visibility: 'public',
        contentType: 'text/plain',
      });
      const oldInfo = await store.head('replace/file.bin', 'public');

      const body = new PassThrough();
      const putting = store.put('replace/file.bin', body, {
        visibility: 'public',
        contentType: 'application/zip',
      });
      body.write(second.subarray(0, 100_000));
      await sleep(50);
      expect((await store.head('replace/file.bin', 'public'))?.size).toBe(first.length);
      expect((await readAll(await store.get('replace/file.bin', 'public'))).equals(first)).toBe(true);
      body.end(second.subarray(100_000));
      await putting;

      const newInfo = await store.head('replace/file.bin', 'public');
      expect(newInfo).toMatchObject({ size: second.length, contentType: 'application/zip' });
      expect(newInfo?.etag).not.toBe(oldInfo?.etag);
      expect((await readAll(await store.get('replace/file.bin', 'public'))).equals(second)).toBe(true);
    });

    it('rejects a body over maxBytes with ObjectTooLargeError and leaves nothing behind', async () => {
      const big = randomBytes(2 * 1024 * 1024);
      await expect(
        store.put('large/too-big.bin', chunked(big), { visibility: 'private', maxBytes: 1024 * 1024 }),
      ).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect(await store.head('large/too-big.bin', 'private')).toBeUndefined();
      expect(await store.list('large/', 'private')).toEqual([]);
      if (harness.leftovers) expect(await harness.leftovers()).toEqual([]);
    });

    it('accepts a body of exactly maxBytes', async () => {
      const exact = randomBytes(4096);
      const result = await store.put('large/exact.bin', chunked(exact, 1000), {
        visibility: 'private',
        maxBytes: 4096,
      });
      expect(result.size).toBe(4096);
    });

    it('a too-large replacement leaves the previous object untouched', async () => {
      const original = randomBytes(1000);
      await store.put('large/kept.bin', chunked(original), { visibility: 'public' });
      await expect(
        store.put('large/kept.bin', chunked(randomBytes(5000)), { visibility: 'public', maxBytes: 2000 }),
      ).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect((await readAll(await store.get('large/kept.bin', 'public'))).equals(original)).toBe(true);
    });

    it('copies within a visibility, keeping the content type', async () => {
      const body = randomBytes(10_000);
      await store.put('copy/from.bin', chunked(body), {
        visibility: 'private',
        contentType: 'application/x-msdownload',
      });
      await store.copy('copy/from.bin', 'copy/deeper/to.bin', 'private');
      expect((await readAll(await store.get('copy/deeper/to.bin', 'private'))).equals(body)).toBe(true);
      expect((await store.head('copy/deeper/to.bin', 'private'))?.contentType).toBe(
        'application/x-msdownload',
      );
      expect((await store.head('copy/from.bin', 'private'))?.size).toBe(body.length);
      await expect(store.copy('copy/missing.bin', 'copy/x.bin', 'private')).rejects.toBeInstanceOf(
        ObjectNotFoundError,
      );
    });

    it('moves within a visibility: the whole object with its content type, replacing the target', async () => {
      const body = randomBytes(300_000);
      await store.put('move/from.bin', chunked(body), { visibility: 'private', contentType: 'text/yaml' });
      await store.put('move/deeper/to.bin', chunked(randomBytes(10)), {
        visibility: 'private',
        contentType: 'text/plain',
      });
      const before = await harness.fileId?.('move/from.bin', 'private');
      await store.move('move/from.bin', 'move/deeper/to.bin', 'private');
      expect((await readAll(await store.get('move/deeper/to.bin', 'private'))).equals(body)).toBe(true);
      expect(await store.head('move/deeper/to.bin', 'private')).toMatchObject({
        size: body.length,
        contentType: 'text/yaml',
      });
      expect(await store.head('move/from.bin', 'private')).toBeUndefined();
      expect(await store.list('move/', 'private')).toEqual(['move/deeper/to.bin']);
      if (harness.fileId) expect(await harness.fileId('move/deeper/to.bin', 'private')).toBe(before);
      if (harness.leftovers) expect(await harness.leftovers()).toEqual([]);

      // Onto itself: nothing changes.
      await store.move('move/deeper/to.bin', 'move/deeper/to.bin', 'private');
      expect((await readAll(await store.get('move/deeper/to.bin', 'private'))).equals(body)).toBe(true);
      expect((await store.head('move/deeper/to.bin', 'private'))?.contentType).toBe('text/yaml');

      await expect(store.move('move/missing.bin', 'move/x.bin', 'private')).rejects.toBeInstanceOf(
        ObjectNotFoundError,
      );
      await expect(store.move('move/deeper/to.bin', 'move/x.bin', 'public')).rejects.toBeInstanceOf(
        ObjectNotFoundError,
      );
      expect(await store.head('move/x.bin', 'private')).toBeUndefined();
      expect(await store.head('move/x.bin', 'public')).toBeUndefined();
    });

    it('moves into the other visibility with its content type (an upload staged before its app was known)', async () => {
      const body = randomBytes(200_000);
      await store.put('cross/from.bin', chunked(body), { visibility: 'private', contentType: 'text/yaml' });
      await store.move('cross/from.bin', 'cross/to.bin', 'private', 'public');
      expect((await readAll(await store.get('cross/to.bin', 'public'))).equals(body)).toBe(true);
      expect((await store.head('cross/to.bin', 'public'))?.contentType).toBe('text/yaml');
      expect(await store.list('cross/', 'private')).toEqual([]);
      expect(await store.head('cross/to.bin', 'private')).toBeUndefined();
      if (harness.leftovers) expect(await harness.leftovers()).toEqual([]);
      await expect(store.move('cross/from.bin', 'cross/x.bin', 'private', 'public')).rejects.toBeInstanceOf(
        ObjectNotFoundError,
      );
      expect(await store.head('cross/x.bin', 'public')).toBeUndefined();
      await store.delete('cross/to.bin', 'public');
    });

    it('deletes, and deleting a missing object is fine', async () => {
      await store.put('delete/me.bin', chunked(Buffer.from('bye')), { visibility: 'public' });
      await store.delete('delete/me.bin', 'public');
      expect(await store.head('delete/me.bin', 'public')).toBeUndefined();
      await expect(store.get('delete/me.bin', 'public')).rejects.toBeInstanceOf(ObjectNotFoundError);
      await store.delete('delete/me.bin', 'public');
      await store.delete('delete/never/existed.bin', 'public');
    });

    it('lists keys by prefix, in order', async () => {
      for (const key of ['list/a/2.bin', 'list/a/1.bin', 'list/a/sub/3.bin', 'list/ab.bin', 'list/b/1.bin']) {
        await store.put(key, chunked(Buffer.from(key)), { visibility: 'public' });
      }
      expect(await store.list('list/a/', 'public')).toEqual([
        'list/a/1.bin',
        'list/a/2.bin',
        'list/a/sub/3.bin',
      ]);
      expect(await store.list('list/a', 'public')).toEqual([
        'list/a/1.bin',
        'list/a/2.bin',
        'list/a/sub/3.bin',
        'list/ab.bin',
      ]);
      expect(await store.list('list/b/1', 'public')).toEqual(['list/b/1.bin']);
      expect(await store.list('nothing/here/', 'public')).toEqual([]);
      expect(await store.list('list/', 'private')).toEqual([]);
      const all = await store.list('', 'public');
      expect(all).toContain('list/ab.bin');
      expect(all).toContain('acme/app/1.0.0/app.dmg');
    });

    it('refuses keys that could escape the store or hide files', async () => {
      const bad = [
        '',
        '../x',
        'a/../../b',
        '/abs',
        'a//b',
        'a/',
        'a\\b',
        'a\0b',
        '.hidden/x',
        'a/./b',
        'a/.meta',
      ];
      for (const key of bad) {
        await expect(
          store.put(key, chunked(Buffer.from('x')), { visibility: 'public' }),
          key,
        ).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.get(key, 'public'), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.head(key, 'private'), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.delete(key, 'public'), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.copy('acme/empty.txt', key, 'public'), key).rejects.toBeInstanceOf(
          InvalidKeyError,
        );
        await expect(store.move('acme/empty.txt', key, 'public'), key).rejects.toBeInstanceOf(
          InvalidKeyError,
        );
        await expect(store.move(key, 'acme/moved.txt', 'public'), key).rejects.toBeInstanceOf(
          InvalidKeyError,
        );
        await expect(store.signedUrl(key, 60), key).rejects.toBeInstanceOf(InvalidKeyError);
        expect(() => store.publicUrl(key), key).toThrow(InvalidKeyError);
      }
      await expect(store.list('../', 'public')).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.list('a/../../', 'public')).rejects.toBeInstanceOf(InvalidKeyError);
    });

    it('keeps public and private apart', async () => {
      const secret = randomBytes(2000);
      await store.put('isolation/secret.bin', chunked(secret), { visibility: 'private' });
      expect(await store.head('isolation/secret.bin', 'public')).toBeUndefined();
      await expect(store.get('isolation/secret.bin', 'public')).rejects.toBeInstanceOf(ObjectNotFoundError);
      expect(await store.list('isolation/', 'public')).toEqual([]);
      expect(await store.list('isolation/', 'private')).toEqual(['isolation/secret.bin']);
      const response = await fetch(store.publicUrl('isolation/secret.bin'));
      expect(response.status).toBe(404);
      expect(Buffer.from(await response.arrayBuffer()).includes(secret)).toBe(false);
    });

    it('serves a public object at its public URL', async () => {
      const body = randomBytes(50_000);
      await store.put('url/public file ü.bin', chunked(body), { visibility: 'public' });
      const response = await fetch(store.publicUrl('url/public file ü.bin'));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    });

    it('serves public objects as downloads named after their key, with their content type, also after a move', async () => {
      await store.put('disp/page.html', chunked(Buffer.from('<script>alert(1)</script>')), {
        visibility: 'public',
        contentType: 'text/html',
      });
      const page = await fetch(store.publicUrl('disp/page.html'));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-disposition')).toBe('attachment; filename=page.html');

      await store.put('disp/upload-in-progress', chunked(randomBytes(1000)), {
        visibility: 'public',
        contentType: 'application/x-msdownload',
      });
      await store.move('disp/upload-in-progress', 'disp/Setup 2.0 ü.exe', 'public');
      const moved = await fetch(store.publicUrl('disp/Setup 2.0 ü.exe'));
      expect(moved.status).toBe(200);
      expect(moved.headers.get('content-type')).toBe('application/x-msdownload');
      expect(moved.headers.get('content-disposition')).toContain("filename*=UTF-8''Setup%202.0%20%C3%BC.exe");
      await moved.arrayBuffer();

      await store.put('disp/untyped', chunked(randomBytes(10)), { visibility: 'public' });
      const untyped = await fetch(store.publicUrl('disp/untyped'));
      expect(untyped.headers.get('content-type')).toBe('application/octet-stream');
      expect(untyped.headers.get('content-disposition')).toBe('attachment; filename=untyped');
      await untyped.arrayBuffer();
    });

    it('serves a private object through a signed URL, with the download name asked for', async () => {
      const body = randomBytes(300_000);
      await store.put('url/private.bin', chunked(body), { visibility: 'private' });
      const plain = await fetch(await store.signedUrl('url/private.bin', 60));
      expect(plain.status).toBe(200);
      expect(Buffer.from(await plain.arrayBuffer()).equals(body)).toBe(true);

      const named = await fetch(
        await store.signedUrl('url/private.bin', 60, { downloadName: 'Setup 1.0 ü.exe' }),
      );
      expect(named.status).toBe(200);
      expect(named.headers.get('content-disposition')).toContain("filename*=UTF-8''Setup%201.0%20%C3%BC.exe");
      expect(Buffer.from(await named.arrayBuffer()).equals(body)).toBe(true);
    });

    it('refuses an expired signed URL', async () => {
      await sleep(Math.max(0, expiringUrlMadeAt + 2100 - Date.now()));
      const response = await fetch(expiringUrl);
      expect(response.status).toBe(403);
    });

    it.runIf(traits.verifiesSignatures)(
      'refuses a signed URL whose signature or terms were changed',
      async () => {
        const url = new URL(await store.signedUrl('signed/expiring.bin', 60, { downloadName: 'a.bin' }));
        const forged = new URL(url);
        const signature = forged.searchParams.get('signature') ?? '';
        forged.searchParams.set(
          'signature',
          `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
        );
        expect((await fetch(forged)).status).toBe(403);
        const renamed = new URL(url);
        renamed.searchParams.set('name', 'b.bin');
        expect((await fetch(renamed)).status).toBe(403);
        const prolonged = new URL(url);
        prolonged.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
        expect((await fetch(prolonged)).status).toBe(403);
        const otherFile = new URL(url.href.replace('/signed/expiring.bin', '/url/private.bin'));
        expect((await fetch(otherFile)).status).toBe(403);
        expect((await fetch(url)).status).toBe(200);
      },
    );
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

storeContract(
  'local',
  async () => {
    const root = await mkdtemp(join(tmpdir(), 'updraft-local-store-'));
    const app = express();
    const server = createServer(app);
    const port = await listen(server);
    // The store needs its own base URL, so the server starts first and the route is mounted once the store exists.
    const store = new LocalArtifactStore({
      root,
      baseUrl: `http://127.0.0.1:${port}`,
      signingKey: 'test-signing-key',
    });
    app.use('/files', filesRouter(store));
    return {
      store,
      leftovers: () => readdir(join(root, '.tmp')),
      fileId: async (key, visibility) => (await stat(join(root, visibility, key), { bigint: true })).ino,
      async close() {
        await new Promise((resolve) => server.close(resolve));
        await rm(root, { recursive: true, force: true });
      },
    };
  },
  { verifiesSignatures: true },
);

storeContract(
  's3 (s3rver)',
  async () => {
    const s3 = await startS3();
    const { port } = s3;
    const config: S3Options = {
      endPoint: '127.0.0.1',
      port,
      useSSL: false,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
      region: 'us-east-1',
      publicBucket: 'updraft-public',
      privateBucket: 'updraft-private',
      // s3rver has no bucket policies: it answers every anonymous GET, which is what a public-read bucket does.
      publicUrlBase: `http://127.0.0.1:${port}/updraft-public`,
      pathStyle: true,
    };
    return {
      store: new S3ArtifactStore(config),
      close: () => s3.close(),
    };
  },
  { verifiesSignatures: false },
);
