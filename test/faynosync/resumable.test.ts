import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent as HttpAgent, type Server } from 'node:http';
import {
  type AddressInfo,
  connect,
  createServer as createNetServer,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { DefaultHttpStack, Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFromSession } from '../../src/core/auth/actor.js';
import { appendToUploadSession } from '../../src/core/commands/append-to-upload-session.js';
import { sweepUploads } from '../../src/core/releases/sweep.js';
import { createHttpServer } from '../../src/http/shared/timeouts.js';
import { createTestApp, type TestApp, usingPostgres } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { createApp, dataAndFiles, search, sendForm } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const TUS = { 'Tus-Resumable': '1.0.0' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const metadata = (name: string) => `filename ${Buffer.from(name).toString('base64')}`;

/** A deterministic PRNG (mulberry32): a failing round can be replayed from the seed in the test's name. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The whole of a stream, for objects read back from storage. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The test app on a real port (tus-js-client speaks HTTP), optionally the port a previous instance had. */
async function listen(t: TestApp, port = 0): Promise<{ server: Server; endpoint: string; port: number }> {
  const server = createHttpServer(t.app, t.ctx.config);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return { server, endpoint: `http://127.0.0.1:${actual}/uploads`, port: actual };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A TCP relay in front of the server that can cut the next PATCH it carries after exactly `bytes` bytes of its body:
 * the server receives those, then the connection ends in the middle of the request, and the client's socket is
 * destroyed. The client opens one connection per request (no keep-alive), so each connection holds one request.
 */
class PatchCutter {
  #armed: number | undefined;
  readonly #sockets = new Set<Socket>();

  private constructor(
    readonly server: NetServer,
    readonly endpoint: string,
  ) {}

  static async start(target: number): Promise<PatchCutter> {
    const server = createNetServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const cutter = new PatchCutter(server, `http://127.0.0.1:${port}/uploads`);
    server.on('connection', (client) => cutter.#relay(client, target));
    return cutter;
  }

  /** The next PATCH gets `bytes` bytes of its body through, then its connection is cut. */
  cutNextPatchAfter(bytes: number): void {
    this.#armed = bytes;
  }

  #relay(client: Socket, target: number): void {
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    let head = Buffer.alloc(0);
    /** Bytes still to pass before the cut; undefined: this connection is not cut. */
    let left: number | undefined;
    let started = false;
    const pass = (chunk: Buffer) => {
      if (left === undefined) {
        upstream.write(chunk);
        return;
      }
      const part = chunk.subarray(0, left);
      left -= part.length;
      upstream.write(part);
      if (left === 0) {
        upstream.end();
        client.destroy();
      }
    };
    client.on('data', (chunk: Buffer) => {
      if (started) {
        if (!client.destroyed) pass(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      started = true;
      if (head.subarray(0, 6).toString() === 'PATCH ' && this.#armed !== undefined) {
        left = end + 4 + this.#armed;
        this.#armed = undefined;
      }
      pass(head);
    });
    client.on('end', () => upstream.end());
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface TusRun {
  url: string;
  /** The connection broke before the upload finished. */
  stopped: boolean;
}

/**
 * One run of the real tus client over the file at `path`, as a client process would run it: a new upload, or a
 * resume of `uploadUrl` (HEAD, then PATCH from the answered offset). `interrupted`: the run is expected to end with a
 * broken connection, which it reports instead of retrying.
 */
function tusRun(
  endpoint: string,
  token: string,
  path: string,
  name: string,
  options: {
    uploadUrl?: string;
    chunkSize?: number;
    interrupted?: boolean;
    onProgress?: (sent: number) => void;
  },
): Promise<TusRun> {
  return new Promise((resolve, reject) => {
    const upload: Upload = new Upload(createReadStream(path), {
      endpoint,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      headers: bearer(token),
      metadata: { filename: name },
      httpStack: new DefaultHttpStack({ agent: new HttpAgent({ keepAlive: false }) }),
      // A resume can reach the server before it has recorded what the broken request brought; it then answers 409
      // and the client asks again (HEAD), as tus clients do.
      retryDelays: options.interrupted ? null : [0, 10, 50, 100, 250, 500],
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onSuccess: () => resolve({ url: upload.url ?? '', stopped: false }),
      onError: (err) => {
        if (options.interrupted && upload.url) resolve({ url: upload.url, stopped: true });
        else reject(err);
      },
    });
    upload.start();
  });
}

/** Commits completed uploads as a release through FaynoSync's /upload, with no file part. */
function commit(
  t: TestApp,
  token: string,
  data: Record<string, unknown>,
  uploads: { id: string; name?: string }[],
): request.Test {
  return sendForm(t.app, '/upload', token, dataAndFiles({ ...data, uploads }, []));
}

const idOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** The stored parts of session `id`: private objects of the store, whichever driver. */
const partsOf = (t: TestApp, id: string) => t.ctx.store.list(`upload-sessions/${id}/`, 'private');

/** Every engine: the file's SHA-256 as listed by /search and as read back from storage. */
async function expectStored(
  t: TestApp,
  token: string,
  app: string,
  version: string,
  name: string,
  bytes: Buffer,
) {
  const { items } = await search(t.app, token, { app_name: app, version });
  const artifact = items[0]?.Artifacts.find((a) => a.file_name === name);
  expect(artifact?.sha256).toBe(sha256(bytes));
  expect(artifact?.size).toBe(bytes.length);
  const row = await t.ctx.database.db
    .selectFrom('artifacts')
    .select(['storage_key', 'visibility'])
    .where('file_name', '=', name)
    .executeTakeFirstOrThrow();
  expect(sha256(await readAll(await t.ctx.store.get(row.storage_key, row.visibility)))).toBe(sha256(bytes));
}

describe('resumable uploads (tus 1.0)', () => {
  let t: TestApp;
  let token: string;
  let files: string;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: '64MB', UPLOAD_SESSION_TTL: '2h' });
    ({ token } = await newAdmin(t.app));
    await createApp(t.app, token, 'desk');
    files = await mkdtemp(join(tmpdir(), 'updraft-tus-'));
  });

  afterAll(async () => {
    await t?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function open(length: number, name = 'desk.exe', who = token): Promise<string> {
    const res = await request(t.app)
      .post('/uploads')
      .set(bearer(who))
      .set(TUS)
      .set('Upload-Length', String(length))
      .set('Upload-Metadata', metadata(name))
      .expect(201);
    return idOf(res.headers.location as string);
  }

  function patch(id: string, offset: number, body: Buffer, who = token) {
    return request(t.app)
      .patch(`/uploads/${id}`)
      .set(bearer(who))
      .set(TUS)
      .set('Upload-Offset', String(offset))
      .set('Content-Type', 'application/offset+octet-stream')
      .send(body);
  }

  const head = (id: string, who = token) => request(t.app).head(`/uploads/${id}`).set(bearer(who)).set(TUS);

  it('answers OPTIONS with the version, extensions and size limit', async () => {
    const res = await request(t.app).options('/uploads').expect(204);
    expect(res.headers['tus-resumable']).toBe('1.0.0');
    expect(res.headers['tus-version']).toBe('1.0.0');
    expect(res.headers['tus-extension']).toBe('creation,termination,expiration');
    expect(res.headers['tus-max-size']).toBe(String(64 * 1024 * 1024));
  });

  it('opens, reports, appends and terminates a session as the protocol says', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const created = await request(t.app)
      .post('/uploads')
      .set(bearer(token))
      .set(TUS)
      .set('Upload-Length', '10')
      .set('Upload-Metadata', `${metadata('desk.exe')},filetype YXBwbGljYXRpb24vb2N0ZXQtc3RyZWFt,flag`)
      .expect(201);
    const after = Date.now();
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    expect(created.headers.location).toMatch(/^\/uploads\/[0-9a-f]{32}$/);
    const expires = Date.parse(created.headers['upload-expires'] as string);
    expect(expires).toBeGreaterThanOrEqual(before + 2 * 3600 * 1000);
    expect(expires).toBeLessThanOrEqual(after + 2 * 3600 * 1000);
    const id = idOf(created.headers.location as string);

    let res = await head(id).expect(200);
    expect(res.headers['upload-offset']).toBe('0');
    expect(res.headers['upload-length']).toBe('10');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['upload-metadata']).toContain(metadata('desk.exe'));

    res = await patch(id, 0, Buffer.from('hello')).expect(204);
    expect(res.headers['upload-offset']).toBe('5');
    res = await patch(id, 3, Buffer.from('xx')).expect(409);
    expect(res.body.error).toMatch(/5 bytes received.*HEAD/);
    res = await patch(id, 5, Buffer.from('world!')).expect(413);
    expect(res.body.error).toMatch(/Upload-Length of 10/);
    expect((await head(id).expect(200)).headers['upload-offset']).toBe('5');

    await request(t.app).delete(`/uploads/${id}`).set(bearer(token)).set(TUS).expect(204);
    await head(id).expect(404);
    expect(await partsOf(t, id)).toEqual([]);
  });

  it("refuses what the protocol refuses, in the face's error shape", async () => {
    const id = await open(4);
    let res = await request(t.app).post('/uploads').set(bearer(token)).set('Upload-Length', '4').expect(412);
    expect(res.headers['tus-version']).toBe('1.0.0');
    expect(res.body.error).toMatch(/Tus-Resumable: 1\.0\.0/);
    res = await request(t.app)
      .patch(`/uploads/${id}`)
      .set(bearer(token))
      .set(TUS)
      .set('Upload-Offset', '0')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('abcd'))
      .expect(415);
    expect(res.body.error).toMatch(/application\/offset\+octet-stream/);
    res = await request(t.app)
      .patch(`/uploads/${id}`)
      .set(bearer(token))
      .set(TUS)
      .set('Content-Type', 'application/offset+octet-stream')
      .send(Buffer.from('ab'))
      .expect(400);
    expect(res.body.error).toMatch(/Upload-Offset is required/);
    const create = (headers: Record<string, string>) =>
      request(t.app).post('/uploads').set(bearer(token)).set(TUS).set(headers);
    res = await create({ 'Upload-Metadata': metadata('a.exe') }).expect(400);
    expect(res.body.error).toMatch(/Upload-Length is required/);
    res = await create({ 'Upload-Length': '-1', 'Upload-Metadata': metadata('a.exe') }).expect(400);
    expect(res.body.error).toMatch(/Upload-Length must be a whole number/);
    res = await create({ 'Upload-Length': '4' }).expect(400);
    expect(res.body.error).toMatch(/Upload-Metadata is required/);
    res = await create({ 'Upload-Length': '4', 'Upload-Metadata': 'filetype eA==' }).expect(400);
    expect(res.body.error).toMatch(/no filename/);
    res = await create({ 'Upload-Length': '4', 'Upload-Metadata': 'filename not base64!' }).expect(400);
    expect(res.body.error).toMatch(/malformed/);
    res = await create({ 'Upload-Length': '4', 'Upload-Metadata': metadata('../up.exe') }).expect(400);
    expect(res.body.error).toMatch(/directory part/);
    res = await create({
      'Upload-Length': String(64 * 1024 * 1024 + 1),
      'Upload-Metadata': metadata('a.exe'),
    }).expect(413);
    expect(res.body.error).toMatch(/UPLOAD_MAX_BYTES/);
    await request(t.app).head('/uploads/not-an-id').set(bearer(token)).set(TUS).expect(404);
    res = await request(t.app).post('/uploads').set(TUS).set('Upload-Length', '4').expect(401);
    expect(res.body.error).toMatch(/Authorization/);
  });

  it('keeps sessions to their tenant and user', async () => {
    const bytes = randomBytes(32);
    const id = await open(bytes.length, 'mine.exe');
    await patch(id, 0, bytes.subarray(0, 8)).expect(204);
    const other = await newAdmin(t.app);
    const team = await newTeamUser(t.app, token, { apps: { upload: true } });
    for (const stranger of [other.token, team.token]) {
      await head(id, stranger).expect(404);
      await patch(id, 8, bytes.subarray(8), stranger).expect(404);
      await request(t.app).delete(`/uploads/${id}`).set(bearer(stranger)).set(TUS).expect(404);
    }
    await createApp(t.app, other.token, 'desk');
    const res = await commit(t, other.token, { app_name: 'desk', version: '1.0.0' }, [{ id }]).expect(404);
    expect(res.body.error).toMatch(/POST \/uploads/);
    expect((await head(id).expect(200)).headers['upload-offset']).toBe('8');
  });

  it('makes nothing visible before the commit, then commits through the upload pipeline and ends the session', async () => {
    const bytes = randomBytes(100_000);
    const id = await open(bytes.length, 'desk-2.0.0.exe');
    await patch(id, 0, bytes.subarray(0, 40_000)).expect(204);
    let res = await commit(t, token, { app_name: 'desk', version: '2.0.0' }, [{ id }]).expect(400);
    expect(res.body.error).toBe(
      `upload ${id} has 40000 of its 100000 bytes: finish it (HEAD /uploads/${id}, then PATCH from its Upload-Offset) before adding it to a release`,
    );
    res = await commit(t, token, { app_name: 'desk', version: '2.0.0' }, [{ id: 'f'.repeat(32) }]).expect(
      404,
    );
    await patch(id, 40_000, bytes.subarray(40_000)).expect(204);
    expect((await search(t.app, token, { app_name: 'desk', version: '2.0.0' })).items).toEqual([]);

    // Beside a file part, as the contract allows; the upload's own filename is the artifact's unless renamed.
    const extra = { name: 'latest.yml', content: Buffer.from('version: 2.0.0\n') };
    res = await sendForm(
      t.app,
      '/upload',
      token,
      dataAndFiles({ app_name: 'desk', version: '2.0.0', uploads: [{ id }] }, [extra]),
    ).expect(200);
    expect(res.body['uploadResult.Uploaded']).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body.artifacts).toEqual([
      { file_name: 'desk-2.0.0.exe', size: bytes.length, sha256: sha256(bytes) },
      { file_name: 'latest.yml', size: extra.content.length, sha256: sha256(extra.content) },
    ]);
    await expectStored(t, token, 'desk', '2.0.0', 'desk-2.0.0.exe', bytes);
    await expectStored(t, token, 'desk', '2.0.0', 'latest.yml', extra.content);
    await head(id).expect(404);
    expect(await partsOf(t, id)).toEqual([]);
    res = await commit(t, token, { app_name: 'desk', version: '2.0.1' }, [{ id }]).expect(404);
  });

  it('keeps the session when the commit is refused, so the client can send it again', async () => {
    const bytes = randomBytes(1000);
    const id = await open(bytes.length, 'desk-3.0.0.exe');
    await patch(id, 0, bytes).expect(204);
    const file = { name: 'desk-3.0.0.exe', content: randomBytes(10) };
    let res = await sendForm(
      t.app,
      '/upload',
      token,
      dataAndFiles({ app_name: 'desk', version: '3.0.0', uploads: [{ id }] }, [file]),
    ).expect(400);
    expect(res.body.error).toMatch(/sent twice/);
    res = await commit(t, token, { app_name: 'nope', version: '3.0.0' }, [{ id }]).expect(400);
    expect((await head(id).expect(200)).headers['upload-offset']).toBe('1000');
    await commit(t, token, { app_name: 'desk', version: '3.0.0' }, [{ id, name: 'renamed.exe' }]).expect(200);
    await expectStored(t, token, 'desk', '3.0.0', 'renamed.exe', bytes);
  });

  it('adds a completed upload to an existing version with /apps/update', async () => {
    const first = await commit(t, token, { app_name: 'desk', version: '4.0.0' }, [
      { id: await completed(randomBytes(10), 'desk-4.0.0.exe') },
    ]).expect(200);
    const bytes = randomBytes(5000);
    const id = await completed(bytes, 'desk-4.0.0.zip');
    await sendForm(t.app, '/apps/update', token, [
      {
        name: 'data',
        value: JSON.stringify({
          id: first.body['uploadResult.Uploaded'],
          app_name: 'desk',
          version: '4.0.0',
          uploads: [{ id }],
        }),
      },
    ]).expect(200);
    await expectStored(t, token, 'desk', '4.0.0', 'desk-4.0.0.zip', bytes);
  });

  async function completed(bytes: Buffer, name: string): Promise<string> {
    const id = await open(bytes.length, name);
    await patch(id, 0, bytes).expect(204);
    return id;
  }

  it('keeps what a broken request brought, and a late write never takes back what a resume recorded', async () => {
    const bytes = randomBytes(100);
    const id = await open(bytes.length, 'broken.exe');
    const actor = await actorFromSession(t.ctx.database.db, token, t.ctx.config.jwtSecret);
    async function* broken() {
      yield bytes.subarray(0, 30);
      yield bytes.subarray(30, 42);
      throw new Error('connection reset by peer');
    }
    await expect(appendToUploadSession(t.ctx, actor, id, 0, broken(), 100)).rejects.toThrow(
      `the request ended after 42 bytes of its body: the upload kept them; send HEAD /uploads/${id}`,
    );
    expect((await head(id).expect(200)).headers['upload-offset']).toBe('42');

    // A request the server has not yet seen die (it sent 10 bytes, then nothing) and the client's resume, both from
    // offset 42: the resume finishes first; the late one's bytes are the same and its record changes nothing.
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    async function* stalled() {
      yield bytes.subarray(42, 52);
      await woken;
    }
    const late = appendToUploadSession(t.ctx, actor, id, 42, stalled(), undefined);
    const resumed = await patch(id, 42, bytes.subarray(42)).expect(204);
    expect(resumed.headers['upload-offset']).toBe('100');
    wake();
    expect((await late).offset).toBe(100);
    expect((await head(id).expect(200)).headers['upload-offset']).toBe('100');
    const res = await commit(t, token, { app_name: 'desk', version: '6.0.0' }, [{ id }]).expect(200);
    expect(res.body.artifacts).toEqual([{ file_name: 'broken.exe', size: 100, sha256: sha256(bytes) }]);
  });

  it('expires abandoned sessions, and the sweep removes their bytes', async () => {
    const id = await open(100, 'abandoned.exe');
    await patch(id, 0, randomBytes(60)).expect(204);
    expect(await partsOf(t, id)).toHaveLength(1);
    // The session's clock, not the test's: it was last written to longer ago than UPLOAD_SESSION_TTL.
    await t.ctx.database.db
      .updateTable('upload_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    await head(id).expect(404);
    await patch(id, 60, randomBytes(40)).expect(404);
    expect(await partsOf(t, id)).toHaveLength(1);
    await sweepUploads(t.ctx);
    expect(await partsOf(t, id)).toEqual([]);
    const rows = await t.ctx.database.db
      .selectFrom('upload_sessions')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('opening a session also ends the expired ones', async () => {
    const id = await open(10, 'abandoned.exe');
    await patch(id, 0, randomBytes(4)).expect(204);
    await t.ctx.database.db
      .updateTable('upload_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    await open(10, 'next.exe');
    expect(await partsOf(t, id)).toEqual([]);
  });

  it('removes at start-up parts no session holds, and keeps the parts of live sessions', async () => {
    const live = await open(10, 'live.exe');
    await patch(live, 0, randomBytes(4)).expect(204);
    const gone = randomBytes(16).toString('hex');
    await t.ctx.store.put(`upload-sessions/${gone}/0-0000`, Readable.from([Buffer.from('left behind')]), {
      visibility: 'private',
    });
    await sweepUploads(t.ctx);
    expect(await partsOf(t, live)).toHaveLength(1);
    expect(await partsOf(t, gone)).toEqual([]);
  });

  it('resumes 20 uploads, each cut mid-PATCH at random offsets, to the exact bytes (real tus client)', async () => {
    const seed = Date.now() % 100_000;
    const random = prng(seed);
    const { server, port } = await listen(t);
    const cutter = await PatchCutter.start(port);
    try {
      for (let round = 0; round < 20; round += 1) {
        const size = 64 * 1024 + Math.floor(random() * 2 * 1024 * 1024);
        const bytes = randomBytes(size);
        const name = `round-${round}.bin`;
        const path = join(files, name);
        await writeFile(path, bytes);
        // Every other round in PATCHes of 256 KiB (a cut then falls in one of them), the others in one PATCH.
        const chunkSize = round % 2 === 0 ? undefined : 256 * 1024;
        let url: string | undefined;
        /** What the cut PATCHes can have brought at most: each run is cut in its first PATCH. */
        let delivered = 0;
        for (let cut = 0; cut <= round % 3; cut += 1) {
          // Less than the run's first PATCH carries (from an offset of at most `delivered`), so the cut always falls
          // inside it and the upload cannot finish on its own.
          const body = Math.min(chunkSize ?? size, size - delivered);
          const at = 1 + Math.floor(random() * (body - 2));
          delivered += at;
          cutter.cutNextPatchAfter(at);
          const run = await tusRun(cutter.endpoint, token, path, name, {
            ...(url ? { uploadUrl: url } : {}),
            ...(chunkSize ? { chunkSize } : {}),
            interrupted: true,
          });
          expect(run.stopped, `seed ${seed} round ${round}: the cut must stop the run`).toBe(true);
          url = run.url;
        }
        const last = await tusRun(cutter.endpoint, token, path, name, {
          ...(url ? { uploadUrl: url } : {}),
          ...(chunkSize ? { chunkSize } : {}),
        });
        expect(last.url).toBe(url);
        const res = await commit(t, token, { app_name: 'desk', version: `9.${round}.0` }, [
          { id: idOf(last.url) },
        ]);
        expect(res.status, `seed ${seed} round ${round}: ${res.text}`).toBe(200);
        expect(res.body.artifacts).toEqual([{ file_name: name, size, sha256: sha256(bytes) }]);
        await expectStored(t, token, 'desk', `9.${round}.0`, name, bytes);
      }
    } finally {
      await cutter.close();
      await stop(server);
    }
  }, 180_000);
});

describe.each([
  ['local storage', false],
  ['S3 storage (s3rver)', true],
])('resumable uploads across a server restart, %s', (_label, useS3) => {
  let t: TestApp;
  let s3: TestS3 | undefined;
  let token: string;
  let files: string;

  beforeAll(async () => {
    s3 = useS3 ? await startS3() : undefined;
    t = await createTestApp(s3?.env ?? {});
    ({ token } = await newAdmin(t.app));
    await createApp(t.app, token, 'desk', { private: useS3 });
    files = await mkdtemp(join(tmpdir(), 'updraft-tus-'));
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('continues a session at its stored offset after the server was stopped mid-PATCH', async () => {
    const chunk = 1024 * 1024;
    const bytes = randomBytes(5 * chunk + 17);
    const path = join(files, 'desk-5.0.0.exe');
    await writeFile(path, bytes);
    const first = await listen(t);
    // PATCHes of 1 MiB, one after the other: half-way through the second, the first is recorded and the second is
    // still being sent when the server goes away, cutting every connection.
    const run = await tusRun(first.endpoint, token, path, 'desk-5.0.0.exe', {
      chunkSize: chunk,
      interrupted: true,
      onProgress: (sent) => {
        if (sent >= chunk + chunk / 2) first.server.closeAllConnections();
      },
    });
    expect(run.stopped).toBe(true);
    await stop(first.server);
    t = await t.restart();
    const second = await listen(t, first.port);
    try {
      const id = idOf(run.url);
      const offset = Number(
        (await request(t.app).head(`/uploads/${id}`).set(bearer(token)).set(TUS).expect(200)).headers[
          'upload-offset'
        ],
      );
      expect(offset).toBeGreaterThanOrEqual(chunk);
      expect(offset).toBeLessThanOrEqual(2 * chunk);
      const done = await tusRun(second.endpoint, token, path, 'desk-5.0.0.exe', { uploadUrl: run.url });
      expect(done.stopped).toBe(false);
      await commit(t, token, { app_name: 'desk', version: '5.0.0' }, [{ id }]).expect(200);
      await expectStored(t, token, 'desk', '5.0.0', 'desk-5.0.0.exe', bytes);
    } finally {
      await stop(second.server);
    }
  });
});

describe.skipIf(!usingPostgres)(
  'resumable uploads on two instances (one PostgreSQL database, one S3 server)',
  () => {
    let s3: TestS3;
    let a: TestApp;
    let b: TestApp;
    let token: string;

    beforeAll(async () => {
      s3 = await startS3();
      // One JWT_SECRET, as every instance of one deployment has (docs/scale-out.md).
      const shared = { ...s3.env, JWT_SECRET: randomBytes(24).toString('base64url') };
      a = await createTestApp(shared);
      b = await createTestApp(shared, { sameDatabaseAs: a });
      ({ token } = await newAdmin(a.app));
      await createApp(a.app, token, 'desk');
    });

    afterAll(async () => {
      await b?.close();
      await a?.close();
      await s3?.close();
    });

    it('continues on one instance what another began, and commits it on either', async () => {
      const bytes = randomBytes(300_000);
      const created = await request(a.app)
        .post('/uploads')
        .set(bearer(token))
        .set(TUS)
        .set('Upload-Length', String(bytes.length))
        .set('Upload-Metadata', metadata('desk-7.0.0.exe'))
        .expect(201);
      const location = created.headers.location as string;
      const send = (t: TestApp, from: number, to: number) =>
        request(t.app)
          .patch(location)
          .set(bearer(token))
          .set(TUS)
          .set('Upload-Offset', String(from))
          .set('Content-Type', 'application/offset+octet-stream')
          .send(bytes.subarray(from, to))
          .expect(204);
      await send(a, 0, 100_000);
      expect(
        (await request(b.app).head(location).set(bearer(token)).set(TUS).expect(200)).headers[
          'upload-offset'
        ],
      ).toBe('100000');
      await send(b, 100_000, 250_000);
      await send(a, 250_000, bytes.length);
      const res = await commit(b, token, { app_name: 'desk', version: '7.0.0' }, [
        { id: idOf(location) },
      ]).expect(200);
      expect(res.body.artifacts).toEqual([
        { file_name: 'desk-7.0.0.exe', size: bytes.length, sha256: sha256(bytes) },
      ]);
      await expectStored(a, token, 'desk', '7.0.0', 'desk-7.0.0.exe', bytes);
      expect(await partsOf(a, idOf(location))).toEqual([]);
    });
  },
);
