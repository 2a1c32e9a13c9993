import { createHash, randomBytes } from 'node:crypto';
import { Readable, type Stream } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { upload } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

interface Tenant {
  username: string;
  token: string;
  tenantId: string;
}

interface Artifact {
  key: string;
  /** The link /search gives out. */
  link: string;
  fileName: string;
  bytes: Buffer;
  appId: string;
}

interface SearchItem {
  Version: string;
  Artifacts: { id: string; link: string }[];
}

/** Keeps the body as raw bytes whatever the content type. */
function binary(res: Stream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (err) => callback(err, Buffer.alloc(0)));
}

/** Each segment percent-encoded, as object URLs carry a key. */
const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** Path and query of an absolute URL this server gave out, for supertest. */
function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

async function tenant(t: TestApp): Promise<Tenant> {
  const admin = await newAdmin(t.app);
  const me = await request(t.app).get('/whoami').set(bearer(admin.token)).expect(200);
  return { ...admin, tenantId: me.body.id as string };
}

async function createApp(t: TestApp, owner: Tenant, name: string, isPrivate: boolean): Promise<void> {
  await request(t.app)
    .post('/app/create')
    .set(bearer(owner.token))
    .field('data', JSON.stringify({ app: name, private: String(isPrivate) }))
    .expect(200);
}

/**
 * Uploads one file as version 1.0.0 of `appName` and finds its artifact as a client would, through
 * /search; the storage key is read from the artifact row.
 */
async function release(t: TestApp, owner: Tenant, appName: string, fileName: string): Promise<Artifact> {
  const bytes = randomBytes(64 * 1024 + 17);
  const version = '1.0.0';
  const res = await upload(t.app, owner.token, { app_name: appName, version, publish: true }, [
    { name: fileName, content: bytes, encodeName: true },
  ]);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const search = await request(t.app)
    .get('/search')
    .query({ app_name: appName, limit: '100' })
    .set(bearer(owner.token))
    .expect(200);
  const item = (search.body.items as SearchItem[]).find((i) => i.Version === version);
  const artifact = item?.Artifacts[0];
  if (!artifact) throw new Error(`${appName} ${version} not found by /search`);
  const row = await t.ctx.database.db
    .selectFrom('artifacts as a')
    .innerJoin('versions as v', 'v.id', 'a.version_id')
    .select(['a.storage_key', 'v.app_id'])
    .where('a.id', '=', artifact.id)
    .executeTakeFirstOrThrow();
  return { key: row.storage_key, link: artifact.link, fileName, bytes, appId: row.app_id };
}

describe('GET /download (local storage)', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let privateA: Artifact;
  let privateB: Artifact;
  let publicA: Artifact;
  const TTL = 120;

  const download = (token: string, key: string) =>
    request(t.app).get('/download').query({ key }).set(bearer(token));
  const fetchFile = (url: string) => request(t.app).get(pathOf(url)).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await createTestApp({ SIGNED_URL_TTL_SECONDS: String(TTL) });
    a = await tenant(t);
    b = await tenant(t);
    // Both tenants have an app called "same" with the same version and file: keys of the same shape, which only
    // the tenant (and app) ids inside them tell apart.
    await createApp(t, a, 'same', true);
    await createApp(t, b, 'same', true);
    await createApp(t, a, 'open', false);
    privateA = await release(t, a, 'same', 'Same Setup ü.exe');
    privateB = await release(t, b, 'same', 'Same Setup ü.exe');
    publicA = await release(t, a, 'open', 'Open Setup.exe');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives a signed URL for a private artifact that serves its exact bytes under its file name', async () => {
    // The link a client finds in /search, followed with the caller's credentials.
    expect(privateA.link).toBe(`http://updraft.test/download?key=${encodeURIComponent(privateA.key)}`);
    const before = Math.floor(Date.now() / 1000);
    const res = await request(t.app).get(pathOf(privateA.link)).set(bearer(a.token));
    const after = Math.floor(Date.now() / 1000);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['download_url']);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const url = new URL(res.body.download_url as string);
    expect(`${url.origin}${url.pathname}`).toBe(
      `http://updraft.test/files/private/${encodeKey(privateA.key)}`,
    );
    expect(url.searchParams.get('name')).toBe(privateA.fileName);
    const expires = Number(url.searchParams.get('expires'));
    expect(expires).toBeGreaterThanOrEqual(before + TTL);
    expect(expires).toBeLessThanOrEqual(after + TTL);

    const file = await fetchFile(url.toString());
    expect(file.status).toBe(200);
    expect((file.body as Buffer).equals(privateA.bytes)).toBe(true);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Same Setup _.exe"; filename*=UTF-8''Same%20Setup%20%C3%BC.exe`,
    );
    const range = await fetchFile(url.toString()).set('Range', 'bytes=100-199');
    expect(range.status).toBe(206);
    expect((range.body as Buffer).equals(privateA.bytes.subarray(100, 200))).toBe(true);
  });

  it('refuses a signed URL whose signature, expiry or name was changed', async () => {
    const res = await download(a.token, privateA.key);
    const url = new URL(res.body.download_url as string);
    const tamper = (name: string, value: string) => {
      const copy = new URL(url);
      copy.searchParams.set(name, value);
      return copy.toString();
    };
    const signature = url.searchParams.get('signature') ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [
      tamper('signature', flipped),
      tamper('expires', String(Number(url.searchParams.get('expires')) + 3600)),
      tamper('name', 'other.exe'),
      `${url.origin}${url.pathname}`,
    ]) {
      const file = await fetchFile(forged);
      expect(file.status, forged).toBe(403);
    }
    // The key of tenant B under tenant A's signature.
    const otherKey = new URL(url);
    otherKey.pathname = `/files/private/${encodeKey(privateB.key)}`;
    expect((await fetchFile(otherKey.toString())).status).toBe(403);
  });

  it('refuses a signed URL once it has expired', async () => {
    const res = await download(a.token, privateA.key);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + (TTL + 60) * 1000);
      const file = await fetchFile(res.body.download_url as string);
      expect(file.status).toBe(403);
      expect(file.body.toString()).toContain('invalid or has expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('redirects to the same kind of URL with redirect=1', async () => {
    const res = await request(t.app)
      .get('/download')
      .query({ key: privateA.key, redirect: '1' })
      .set(bearer(a.token));
    expect(res.status).toBe(302);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const location = res.headers.location ?? '';
    expect(location.startsWith(`http://updraft.test/files/private/${encodeKey(privateA.key)}?`)).toBe(true);
    const file = await fetchFile(location);
    expect((file.body as Buffer).equals(privateA.bytes)).toBe(true);

    const json = await request(t.app)
      .get('/download')
      .query({ key: privateA.key, redirect: '0' })
      .set(bearer(a.token));
    expect(json.status).toBe(200);
    const bad = await request(t.app)
      .get('/download')
      .query({ key: privateA.key, redirect: 'maybe' })
      .set(bearer(a.token));
    expect(bad.status).toBe(400);
  });

  it("answers a public app's artifact with its public URL", async () => {
    const res = await download(a.token, publicA.key);
    expect(res.status).toBe(200);
    expect(res.body.download_url).toBe(`http://updraft.test/files/public/${encodeKey(publicA.key)}`);
    expect(res.body.download_url).toBe(publicA.link);
    const file = await fetchFile(res.body.download_url as string);
    expect((file.body as Buffer).equals(publicA.bytes)).toBe(true);
  });

  it("never signs another tenant's key, nor an object that is no artifact", async () => {
    for (const [caller, key] of [
      [a, privateB.key],
      [b, privateA.key],
      [b, publicA.key],
    ] as const) {
      const res = await download(caller.token, key);
      expect(res.status, key).toBe(404);
      expect(res.body).toEqual({ error: 'file not found' });
    }
    // In A's own layout, but no artifact row owns it (as a file left by an interrupted upload would be).
    const stray = `releases/${a.tenantId}/${privateA.appId}/_/9.9.9/_/_/orphan.exe`;
    await t.ctx.store.put(stray, Readable.from([Buffer.from('not an artifact')]), { visibility: 'private' });
    expect((await download(a.token, stray)).status).toBe(404);
    expect((await download(a.token, `../${privateA.key}`)).status).toBe(404);
    // B's own file, with B's own credentials, still works.
    expect((await download(b.token, privateB.key)).status).toBe(200);
  });

  it('needs apps.download and, for a team user, the app in its allowed list', async () => {
    const withoutRight = await newTeamUser(t.app, a.token, {
      apps: { upload: true, edit: true, allowed: [privateA.appId, publicA.appId] },
    });
    const res = await download(withoutRight.token, privateA.key);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/^Permission denied/);

    const notAllowed = await newTeamUser(t.app, a.token, {
      apps: { download: true, allowed: [publicA.appId] },
    });
    expect((await download(notAllowed.token, privateA.key)).status).toBe(403);
    expect((await download(notAllowed.token, publicA.key)).status).toBe(200);

    const allowed = await newTeamUser(t.app, a.token, {
      apps: { download: true, allowed: [privateA.appId] },
    });
    const ok = await download(allowed.token, privateA.key);
    expect(ok.status).toBe(200);
    const file = await fetchFile(ok.body.download_url as string);
    expect((file.body as Buffer).equals(privateA.bytes)).toBe(true);
    // Another tenant's key is unknown to a team user as well.
    expect((await download(allowed.token, privateB.key)).status).toBe(404);
  });

  it('asks for a key and for credentials', async () => {
    const missing = await request(t.app).get('/download').set(bearer(a.token));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^key is required/);
    const twice = await request(t.app)
      .get(`/download?key=${encodeURIComponent(privateA.key)}&key=x`)
      .set(bearer(a.token));
    expect(twice.status).toBe(400);
    expect((await request(t.app).get('/download').query({ key: privateA.key })).status).toBe(401);
  });
});

describe('GET /download (S3 storage)', () => {
  let t: TestApp;
  let s3: TestS3;
  let port: number;
  let owner: Tenant;
  let privateArtifact: Artifact;
  let publicArtifact: Artifact;

  beforeAll(async () => {
    s3 = await startS3();
    port = s3.port;
    t = await createTestApp(s3.env);
    owner = await tenant(t);
    await createApp(t, owner, 'secret', true);
    await createApp(t, owner, 'open', false);
    privateArtifact = await release(t, owner, 'secret', 'Secret Setup.exe');
    publicArtifact = await release(t, owner, 'open', 'app.exe');
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('gives an S3 presigned URL for a private artifact', async () => {
    const res = await request(t.app)
      .get('/download')
      .query({ key: privateArtifact.key })
      .set(bearer(owner.token))
      .expect(200);
    const url = new URL(res.body.download_url as string);
    expect(`${url.origin}${url.pathname}`).toBe(
      `http://127.0.0.1:${port}/updraft-private/${encodeKey(privateArtifact.key)}`,
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(t.ctx.config.signedUrlTtlSeconds));
    expect(url.searchParams.get('response-content-disposition')).toBe(
      'attachment; filename="Secret Setup.exe"',
    );
    const file = await fetch(url);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(privateArtifact.bytes).digest('hex'),
    );
  });

  it("gives a public artifact's bucket URL", async () => {
    const res = await request(t.app)
      .get('/download')
      .query({ key: publicArtifact.key })
      .set(bearer(owner.token))
      .expect(200);
    expect(res.body.download_url).toBe(`http://127.0.0.1:${port}/updraft-public/${publicArtifact.key}`);
    const file = await fetch(res.body.download_url as string);
    expect(Buffer.from(await file.arrayBuffer()).equals(publicArtifact.bytes)).toBe(true);
  });
});
