import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, utimes } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepUploads } from '../../src/core/releases/sweep.js';
import { LocalArtifactStore } from '../../src/storage/local.js';
import { PROCESS_TAG } from '../../src/storage/process-tag.js';
import { buildServer, serveUpdraft, type UpdraftProcess } from '../faults/processes.js';
import {
  createPostgresDatabase,
  createTestApp,
  seedDataDir,
  TEST_SIGNUP_KEY,
  type TestApp,
  usingPostgres,
} from '../helpers/app.js';
import { bearer, newAdmin, PASSWORD } from '../helpers/auth.js';
import { createApp, multipart, upload } from '../helpers/releases.js';

const HOST = PROCESS_TAG.split('~')[0];

/** Every file under `dir`, dot-files included, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(relative(dir, full));
    }
  };
  await walk(dir);
  return found.sort();
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString(),
  );
}

describe('in-process clean-up', () => {
  let t: TestApp;
  let token: string;
  let tenantId: string;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ token } = await newAdmin(t.app));
    tenantId = (await request(t.app).get('/whoami').set(bearer(token)).expect(200)).body.id;
    appId = await createApp(t.app, token, 'desk');
  });

  afterAll(async () => {
    await t?.close();
  });

  const put = (key: string) =>
    t.ctx.store.put(key, Readable.from([randomBytes(1000)]), { visibility: 'public' });
  const has = async (key: string) => (await t.ctx.store.head(key, 'public')) !== undefined;
  const claims = async () =>
    (await t.ctx.database.db.selectFrom('pending_objects').select('storage_key').execute()).map(
      (r) => r.storage_key,
    );

  it('finishes what a crash cut short: unreferenced claimed objects go, released files stay', async () => {
    await upload(t.app, token, { app_name: 'desk', version: '1.0.0' }, [
      { name: 'Desk.dmg', content: randomBytes(500) },
    ]).expect(200);
    const { storage_key: released } = await t.ctx.database.db
      .selectFrom('artifacts')
      .select('storage_key')
      .executeTakeFirstOrThrow();
    // As if a process died: after moving a file but before committing it, after committing a version delete but
    // before removing its file, and after claiming a key but before moving anything to it.
    const orphan = `releases/${tenantId}/${appId}/_/1.0.1/_/_/Desk.dmg`;
    const neverMoved = `releases/${tenantId}/${appId}/_/1.0.2/_/_/Desk.dmg`;
    await put(orphan);
    await t.ctx.database.db
      .insertInto('pending_objects')
      .values(
        [released, orphan, neverMoved].map((storage_key) => ({ storage_key, visibility: 'public' as const })),
      )
      .execute();

    await sweepUploads(t.ctx);

    expect(await claims()).toEqual([]);
    expect(await has(orphan)).toBe(false);
    expect(await has(released)).toBe(true);
  });

  it('removes temporary objects of dead writers at once and of unknown ones once a day old', async () => {
    const keys = {
      dead: `tmp/${HOST}~${deadPid()}/a`,
      self: `tmp/${PROCESS_TAG}/b`,
      running: `tmp/${HOST}~${process.ppid}/c`,
      foreignYoung: 'tmp/elsewhere.example~77/d',
      foreignOld: 'tmp/elsewhere.example~77/e',
    };
    for (const key of Object.values(keys)) await put(key);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(
      join(t.dataDir, 'artifacts', 'public', ...keys.foreignOld.split('/')),
      twoDaysAgo,
      twoDaysAgo,
    );

    await sweepUploads(t.ctx);

    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([keys.running, keys.foreignYoung].sort());
    for (const key of [keys.running, keys.foreignYoung]) await t.ctx.store.delete(key, 'public');
  });

  it("the local driver's start-up removes a dead writer's partial files at once, never a live write", async () => {
    const root = mkdtempSync(join(tmpdir(), 'updraft-local-init-'));
    try {
      const store = new LocalArtifactStore({ root, baseUrl: 'http://127.0.0.1', signingKey: 'k' });
      await store.init();
      const scratch = join(root, '.tmp');
      const files = {
        dead: `${HOST}~${deadPid()}~a.part`,
        self: `${PROCESS_TAG}~b.part`,
        running: `${HOST}~${process.ppid}~c.part`,
        foreignYoung: 'elsewhere.example~4242~d.part',
        foreignOld: 'elsewhere.example~4242~e.part',
        untagged: 'f.part',
      };
      for (const name of Object.values(files)) writeFileSync(join(scratch, name), 'partial');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
      await utimes(join(scratch, files.foreignOld), twoHoursAgo, twoHoursAgo);

      // A put of this store in progress while init() runs again.
      const body = new PassThrough();
      const putting = store.put('live/file.bin', body, { visibility: 'public' });
      body.write(randomBytes(100_000));
      await sleep(50);
      await store.init();
      body.end(randomBytes(1000));
      expect((await putting).size).toBe(101_000);

      expect((await readdir(scratch)).sort()).toEqual(
        [files.running, files.foreignYoung, files.untagged].sort(),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('rolls back a commit whose second move fails, removing the first file it had moved', async () => {
    const base = join(t.dataDir, 'artifacts', 'public', 'releases', tenantId, appId, '_', '2.0.0', '_', '_');
    // A folder where the second file must go: its rename fails after the first file's succeeded.
    mkdirSync(join(base, 'b.zip'), { recursive: true });
    writeFileSync(join(base, 'b.zip', 'blocker'), 'x');
    const res = await upload(t.app, token, { app_name: 'desk', version: '2.0.0', publish: true }, [
      { name: 'a.zip', content: randomBytes(500) },
      { name: 'b.zip', content: randomBytes(500) },
    ]);
    expect(res.status).toBe(500);
    expect(
      await t.ctx.database.db.selectFrom('versions').select('id').where('version', '=', '2.0.0').execute(),
    ).toEqual([]);
    expect(await has(`releases/${tenantId}/${appId}/_/2.0.0/_/_/a.zip`)).toBe(false);
    expect(await claims()).toEqual([]);
    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([]);
    expect(await readdir(join(t.dataDir, 'artifacts', '.tmp'))).toEqual([]);
    rmSync(join(base, 'b.zip'), { recursive: true });
    await upload(t.app, token, { app_name: 'desk', version: '2.0.0' }, [
      { name: 'a.zip', content: randomBytes(500) },
      { name: 'b.zip', content: randomBytes(500) },
    ]).expect(200);
  });
});

describe('a server killed in the middle of an upload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'updraft-crash-'));
  const artifacts = join(dataDir, 'artifacts');
  let env: Record<string, string>;
  let server: UpdraftProcess | undefined;
  let port: number | undefined;
  let database: { url?: string; drop: () => Promise<void> } = { drop: async () => {} };
  let token: string;
  const base = () => `http://127.0.0.1:${port}`;
  const output = () => `${server?.stdout ?? ''}${server?.stderr ?? ''}`;

  /** Starts the built server: on a free port the first time, then on the same one, as a restarted server is. */
  async function start(): Promise<void> {
    server = await serveUpdraft(env, port ? { port } : {});
    port = server.port;
  }

  async function kill(): Promise<void> {
    const killed = server;
    server = undefined;
    await killed?.stop('SIGKILL');
  }

  async function json(path: string, body: unknown, auth?: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  /**
   * Starts an upload of `files` (sizes in MB, generated as they are sent) over a raw request and returns once `ready`
   * holds for the server's files; the request is left hanging for the kill.
   */
  async function startUpload(sizesMb: number[], ready: (files: string[]) => boolean): Promise<() => void> {
    const chunk = randomBytes(1024 * 1024);
    const { body: head, contentType } = multipart([
      { name: 'data', value: JSON.stringify({ app_name: 'desk', version: '1.0.0', publish: true }) },
    ]);
    const boundary = contentType.slice(contentType.indexOf('boundary=') + 'boundary='.length);
    const opening = head.subarray(0, head.length - `--${boundary}--\r\n`.length);
    const partHead = (i: number) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big-${i}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
    const closing = Buffer.from(`--${boundary}--\r\n`);
    const length =
      opening.length +
      sizesMb.reduce((sum, mb, i) => sum + partHead(i).length + mb * chunk.length + 2, 0) +
      closing.length;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/upload',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': length },
    });
    req.on('error', () => {});
    let stop = false;
    const write = async (data: Buffer) => {
      if (stop || req.destroyed) return;
      if (!req.write(data)) await new Promise((resolve) => req.once('drain', resolve).once('close', resolve));
    };
    const sending = (async () => {
      await write(opening);
      for (const [i, mb] of sizesMb.entries()) {
        await write(partHead(i));
        for (let n = 0; n < mb && !stop; n++) await write(chunk);
        await write(Buffer.from('\r\n'));
      }
    })();
    const deadline = Date.now() + 60_000;
    while (!ready(await filesUnder(artifacts))) {
      if (Date.now() > deadline) throw new Error(`the upload never reached the expected state:\n${output()}`);
      await sleep(25);
    }
    return () => {
      stop = true;
      req.destroy();
      void sending;
    };
  }

  async function expectNothingLeft(): Promise<void> {
    const found = await search();
    expect(found).toMatchObject({ items: [], total: 0 });
    expect(await filesUnder(artifacts)).toEqual([]);
  }

  async function search(): Promise<Record<string, unknown>> {
    const res = await fetch(`${base()}/search?app_name=desk`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  const partial = (files: string[]) => files.some((f) => f.startsWith('.tmp/') && f.endsWith('.part'));
  // The file itself, not its metadata sidecar (a dot file), which the driver writes before it renames the file in.
  const received = (files: string[]) => files.some((f) => f.startsWith('public/tmp/') && !f.includes('/.'));

  beforeAll(async () => {
    buildServer();
    if (usingPostgres) database = await createPostgresDatabase();
    else seedDataDir(dataDir);
    env = {
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(24).toString('base64url'),
      API_KEY: TEST_SIGNUP_KEY,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    await start();
    await json('/signup', { username: 'crashadmin', password: PASSWORD, api_key: TEST_SIGNUP_KEY });
    token = (await json('/login', { username: 'crashadmin', password: PASSWORD })).token as string;
    const { body, contentType } = multipart([{ name: 'data', value: JSON.stringify({ app: 'desk' }) }]);
    const created = await fetch(`${base()}/app/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    expect(created.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await kill();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no release and no file once restarted, when killed while a file streams in', async () => {
    const cancel = await startUpload([200], partial);
    await kill();
    cancel();
    // The test means something only if the kill left a partial file behind.
    expect((await filesUnder(artifacts)).filter((f) => f.endsWith('.part'))).toHaveLength(1);
    await start();
    await expectNothingLeft();
  }, 120_000);

  it('leaves nothing either when one file was fully received and the next was streaming', async () => {
    const cancel = await startUpload([3, 200], (files) => received(files) && partial(files));
    await kill();
    cancel();
    expect(
      (await filesUnder(artifacts)).filter((f) => f.startsWith('public/tmp/') && !f.includes('/.')),
    ).toHaveLength(1);
    await start();
    await expectNothingLeft();
  }, 120_000);

  it('still takes the upload afterwards', async () => {
    const { body, contentType } = multipart([
      { name: 'data', value: JSON.stringify({ app_name: 'desk', version: '1.0.0' }) },
      { name: 'file', file: { name: 'small.bin', content: randomBytes(1000) } },
    ]);
    const res = await fetch(`${base()}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    expect(res.status).toBe(200);
    expect(await search()).toMatchObject({ total: 1 });
  }, 60_000);
});
