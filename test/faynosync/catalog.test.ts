import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/actor.js';
import { withConstraints } from '../../src/core/catalog/common.js';
import { LOGO_MAX_BYTES } from '../../src/core/catalog/logo.js';
import { prepareAppCreate } from '../../src/core/commands/create-app.js';
import { newId } from '../../src/core/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser, type PermissionInput, uniqueName } from '../helpers/auth.js';

let t: TestApp;
let adminA: { username: string; token: string; tenantId: string };
let adminB: { username: string; token: string; tenantId: string };

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HEX_ID = /^[0-9a-f]{24}$/;
// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function admin(): Promise<{ username: string; token: string; tenantId: string }> {
  const a = await newAdmin(t.app);
  const me = await request(t.app).get('/whoami').set(bearer(a.token)).expect(200);
  return { ...a, tenantId: me.body.id as string };
}

interface Logo {
  bytes: Buffer;
  filename: string;
  contentType?: string;
}

/** A FaynoSync app form: `data` first, then the optional logo, as its clients send them. */
function appForm(
  path: '/app/create' | '/app/update',
  token: string,
  data: unknown,
  logo?: Logo,
): request.Test {
  const req = request(t.app)
    .post(path)
    .set(bearer(token))
    .field('data', typeof data === 'string' ? data : JSON.stringify(data));
  return logo
    ? req.attach('file', logo.bytes, {
        filename: logo.filename,
        contentType: logo.contentType ?? 'image/png',
      })
    : req;
}

async function createApp(token: string, data: Record<string, unknown>, logo?: Logo): Promise<string> {
  const res = await appForm('/app/create', token, data, logo).expect(200);
  return res.body['createAppResult.Created'] as string;
}

interface ListedApp {
  ID: string;
  AppName: string;
  Logo: string;
  Private: boolean;
  Description: string;
  Owner: string;
  Updated_at: string;
}

async function listApps(token: string): Promise<ListedApp[]> {
  const res = await request(t.app).get('/app/list').set(bearer(token)).expect(200);
  return res.body.apps as ListedApp[];
}

async function appById(token: string, id: string): Promise<ListedApp | undefined> {
  return (await listApps(token)).find((a) => a.ID === id);
}

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Fetches a logo URL from the same app: the local driver serves public objects under /files/public/. */
async function fetchLogo(url: string): Promise<request.Response> {
  expect(url.startsWith('http://updraft.test/files/public/logos/')).toBe(true);
  return request(t.app).get(new URL(url).pathname).buffer(true).parse(binary);
}

function keyOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice('/files/public/'.length));
}

const storedLogos = () => t.ctx.store.list('logos/', 'public');

/** A version of `appId` in tenant A, optionally in a channel and with one artifact for a platform/arch. */
async function insertRelease(
  tenantId: string,
  appId: string,
  use: { channelId?: string; platformId?: string; archId?: string } = {},
): Promise<string> {
  const { db } = t.ctx.database;
  const versionId = newId();
  await db
    .insertInto('versions')
    .values({
      id: versionId,
      tenant_id: tenantId,
      app_id: appId,
      channel_id: use.channelId ?? null,
      version: `1.0.${randomBytes(2).readUInt16BE()}`,
      rollout_seed: 'seed',
    })
    .execute();
  if (use.platformId || use.archId) {
    await db
      .insertInto('artifacts')
      .values({
        id: newId(),
        tenant_id: tenantId,
        version_id: versionId,
        platform_id: use.platformId ?? null,
        arch_id: use.archId ?? null,
        file_name: 'app.zip',
        storage_key: `t/${versionId}/app.zip`,
        visibility: 'public',
        package: 'zip',
        size: 10,
        sha256: 'a'.repeat(64),
        sha512: 'b'.repeat(128),
      })
      .execute();
  }
  return versionId;
}

const deleteVersion = (id: string) => t.ctx.database.db.deleteFrom('versions').where('id', '=', id).execute();

beforeAll(async () => {
  t = await createTestApp();
  adminA = await admin();
  adminB = await admin();
});

afterAll(async () => {
  await t?.close();
});

describe('apps', () => {
  it('creates, lists, updates and deletes an app with FaynoSync shapes', async () => {
    const name = uniqueName('app');
    const created = await appForm('/app/create', adminA.token, { app: name, description: 'first' }).expect(
      200,
    );
    expect(Object.keys(created.body)).toEqual(['createAppResult.Created']);
    const id = created.body['createAppResult.Created'];
    expect(id).toMatch(HEX_ID);

    const list = await request(t.app).get('/app/list').set(bearer(adminA.token)).expect(200);
    expect(Object.keys(list.body)).toEqual(['apps']);
    const app = (list.body.apps as ListedApp[]).find((a) => a.ID === id);
    expect(app).toEqual({
      ID: id,
      AppName: name,
      Logo: '',
      Private: false,
      Tuf: false,
      CdnEdge: false,
      Description: 'first',
      Owner: adminA.username,
      Updated_at: expect.stringMatching(RFC3339),
      Reports: false,
    });

    const renamed = uniqueName('app');
    const updated = await appForm('/app/update', adminA.token, {
      id,
      app: renamed,
      description: 'second',
    }).expect(200);
    expect(updated.body).toEqual({ 'updateAppResult.Updated': true });
    expect(await appById(adminA.token, id)).toMatchObject({ AppName: renamed, Description: 'second' });

    // An omitted description keeps the current one.
    await appForm('/app/update', adminA.token, { id, app: renamed }).expect(200);
    expect((await appById(adminA.token, id))?.Description).toBe('second');

    const deleted = await request(t.app).delete(`/app/delete?id=${id}`).set(bearer(adminA.token)).expect(200);
    expect(deleted.body).toEqual({ 'deleteAppResult.DeletedCount': 1 });
    expect(await appById(adminA.token, id)).toBeUndefined();
  });

  it('answers an empty list with [] and sorts by name', async () => {
    const fresh = await admin();
    expect((await request(t.app).get('/app/list').set(bearer(fresh.token)).expect(200)).body).toEqual({
      apps: [],
    });
    for (const name of ['beta', 'Alpha', 'gamma']) await createApp(fresh.token, { app: name });
    expect((await listApps(fresh.token)).map((a) => a.AppName)).toEqual(['Alpha', 'beta', 'gamma']);
  });

  it('accepts private as a boolean or as FaynoSync\'s "true"/"false" strings', async () => {
    const cases: [unknown, boolean][] = [
      ['true', true],
      [true, true],
      ['false', false],
      [false, false],
    ];
    for (const [value, expected] of cases) {
      const id = await createApp(adminA.token, { app: uniqueName('priv'), private: value });
      expect((await appById(adminA.token, id))?.Private).toBe(expected);
    }
    const bad = await appForm('/app/create', adminA.token, {
      app: uniqueName('priv'),
      private: 'yes',
    }).expect(400);
    expect(bad.body.error).toMatch(/private must be true or false/);
  });

  it('keeps private immutable', async () => {
    const id = await createApp(adminA.token, { app: uniqueName('imm'), private: 'true' });
    const res = await appForm('/app/update', adminA.token, {
      id,
      app: uniqueName('imm'),
      private: 'false',
    }).expect(400);
    expect(res.body.error).toMatch(/private cannot change/);
    expect((await appById(adminA.token, id))?.Private).toBe(true);
    // Sending the current value is not a change.
    await appForm('/app/update', adminA.token, { id, app: uniqueName('imm'), private: true }).expect(200);
  });

  it('stores a logo publicly and serves its bytes from the listed URL', async () => {
    const id = await createApp(
      adminA.token,
      { app: uniqueName('logo') },
      { bytes: PNG, filename: 'logo.png' },
    );
    const logo = (await appById(adminA.token, id))?.Logo ?? '';
    expect(keyOf(logo)).toMatch(new RegExp(`^logos/${adminA.tenantId}/${id}/[0-9a-f]+\\.png$`));
    const res = await fetchLogo(logo);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    // The row holds the key, never a URL.
    const row = await t.ctx.database.db
      .selectFrom('apps')
      .select('logo_key')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row?.logo_key).toBe(keyOf(logo));
  });

  it('takes the image type from the extension, or from the content type when there is none', async () => {
    const a = await createApp(
      adminA.token,
      { app: uniqueName('gif') },
      { bytes: PNG, filename: 'logo.GIF', contentType: 'application/octet-stream' },
    );
    expect((await appById(adminA.token, a))?.Logo).toMatch(/\.gif$/);
    const b = await createApp(
      adminA.token,
      { app: uniqueName('noext') },
      { bytes: PNG, filename: 'logo', contentType: 'image/webp' },
    );
    expect((await appById(adminA.token, b))?.Logo).toMatch(/\.webp$/);
  });

  it('replacing a logo removes the old object; updating without one keeps it', async () => {
    const id = await createApp(adminA.token, { app: uniqueName('repl') }, { bytes: PNG, filename: 'a.png' });
    const oldUrl = (await appById(adminA.token, id))?.Logo ?? '';
    const name = uniqueName('repl');
    await appForm('/app/update', adminA.token, { id, app: name }).expect(200);
    expect((await appById(adminA.token, id))?.Logo).toBe(oldUrl);

    const gif = Buffer.from('GIF89a-not-really-but-bytes');
    await appForm('/app/update', adminA.token, { id, app: name }, { bytes: gif, filename: 'b.gif' }).expect(
      200,
    );
    const newUrl = (await appById(adminA.token, id))?.Logo ?? '';
    expect(newUrl).not.toBe(oldUrl);
    expect(newUrl).toMatch(/\.gif$/);
    expect(await t.ctx.store.head(keyOf(oldUrl), 'public')).toBeUndefined();
    expect((await fetchLogo(oldUrl)).status).toBe(404);
    expect(Buffer.compare((await fetchLogo(newUrl)).body as Buffer, gif)).toBe(0);
  });

  it('deleting an app deletes its logo', async () => {
    const id = await createApp(adminA.token, { app: uniqueName('dl') }, { bytes: PNG, filename: 'a.png' });
    const url = (await appById(adminA.token, id))?.Logo ?? '';
    expect(await t.ctx.store.head(keyOf(url), 'public')).toBeDefined();
    await request(t.app).delete(`/app/delete?id=${id}`).set(bearer(adminA.token)).expect(200);
    expect(await t.ctx.store.head(keyOf(url), 'public')).toBeUndefined();
  });

  it('accepts a logo of exactly 5 MB and refuses a larger one with 413, storing nothing', async () => {
    const exact = await createApp(
      adminA.token,
      { app: uniqueName('big') },
      { bytes: Buffer.alloc(LOGO_MAX_BYTES, 1), filename: 'exact.png' },
    );
    const url = (await appById(adminA.token, exact))?.Logo ?? '';
    expect((await t.ctx.store.head(keyOf(url), 'public'))?.size).toBe(LOGO_MAX_BYTES);

    const before = await storedLogos();
    const name = uniqueName('big');
    const res = await appForm(
      '/app/create',
      adminA.token,
      { app: name },
      { bytes: Buffer.alloc(LOGO_MAX_BYTES + 1, 1), filename: 'big.png' },
    ).expect(413);
    expect(res.body.error).toMatch(/larger than the limit of 5 MB/);
    expect(await storedLogos()).toEqual(before);
    expect((await listApps(adminA.token)).some((a) => a.AppName === name)).toBe(false);
  });

  it('refuses a logo that is not an image, storing nothing', async () => {
    const before = await storedLogos();
    const name = uniqueName('txt');
    const res = await appForm(
      '/app/create',
      adminA.token,
      { app: name },
      { bytes: Buffer.from('hello'), filename: 'notes.txt', contentType: 'text/plain' },
    ).expect(400);
    expect(res.body.error).toMatch(/png, jpeg, gif or webp/);
    // SVG can carry script, and public objects are served from the bucket's origin: refused, by name or by type.
    for (const logo of [
      { filename: 'logo.svg', contentType: 'image/svg+xml' },
      { filename: 'logo', contentType: 'image/svg+xml' },
    ]) {
      const svg = await appForm(
        '/app/create',
        adminA.token,
        { app: uniqueName('svg') },
        {
          bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          ...logo,
        },
      ).expect(400);
      expect(svg.body.error).toMatch(/svg is not accepted/);
    }
    const noExt = await appForm(
      '/app/create',
      adminA.token,
      { app: name },
      { bytes: Buffer.from('hello'), filename: 'notes', contentType: 'text/html' },
    ).expect(400);
    expect(noExt.body.error).toMatch(/text\/html/);
    expect(await storedLogos()).toEqual(before);
    expect((await listApps(adminA.token)).some((a) => a.AppName === name)).toBe(false);
  });

  it('removes a stored logo when the rest of the form is refused', async () => {
    const before = await storedLogos();
    const name = uniqueName('two');
    const res = await request(t.app)
      .post('/app/create')
      .set(bearer(adminA.token))
      .field('data', JSON.stringify({ app: name }))
      .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' })
      .attach('file', PNG, { filename: 'b.png', contentType: 'image/png' })
      .expect(400);
    expect(res.body.error).toMatch(/too many files: send at most 1 file/);
    expect(await storedLogos()).toEqual(before);
    expect((await listApps(adminA.token)).some((a) => a.AppName === name)).toBe(false);
  });

  it('validates the data before the logo is stored', async () => {
    const taken = uniqueName('dup');
    await createApp(adminA.token, { app: taken });
    const before = await storedLogos();
    const dup = await appForm(
      '/app/create',
      adminA.token,
      { app: taken },
      { bytes: PNG, filename: 'a.png' },
    ).expect(409);
    expect(dup.body.error).toBe('app with this name already exists');
    const badName = await appForm(
      '/app/create',
      adminA.token,
      { app: 'a/b' },
      { bytes: PNG, filename: 'a.png' },
    ).expect(400);
    expect(badName.body.error).toMatch(/invalid app "a\/b"/);
    expect(await storedLogos()).toEqual(before);
  });

  it('takes a logo sent before the data to its app, and leaves nothing staged', async () => {
    const id = (
      await request(t.app)
        .post('/app/create')
        .set(bearer(adminA.token))
        .attach('file', PNG, { filename: 'first.png', contentType: 'image/png' })
        .field('data', JSON.stringify({ app: uniqueName('logofirst') }))
        .expect(200)
    ).body['createAppResult.Created'] as string;
    const logo = (await appById(adminA.token, id))?.Logo ?? '';
    expect(keyOf(logo)).toMatch(new RegExp(`^logos/${adminA.tenantId}/${id}/[0-9a-f]+\\.png$`));
    expect(Buffer.compare((await fetchLogo(logo)).body as Buffer, PNG)).toBe(0);
    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([]);

    await request(t.app)
      .post('/app/update')
      .set(bearer(adminA.token))
      .attach('file', PNG, { filename: 'second.png', contentType: 'image/png' })
      .field('data', JSON.stringify({ id, app: uniqueName('logofirst') }))
      .expect(200);
    const replaced = (await appById(adminA.token, id))?.Logo ?? '';
    expect(replaced).not.toBe(logo);
    expect(await storedLogos()).toContain(keyOf(replaced));
    expect(await storedLogos()).not.toContain(keyOf(logo));
    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([]);
  });

  it('removes a logo sent before data that turns out missing, invalid or a duplicate', async () => {
    const taken = uniqueName('dup');
    await createApp(adminA.token, { app: taken });
    const before = await storedLogos();
    const logoFirst = (data?: string) => {
      const req = request(t.app)
        .post('/app/create')
        .set(bearer(adminA.token))
        .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' });
      return data === undefined ? req : req.field('data', data);
    };
    expect((await logoFirst().expect(400)).body.error).toMatch(/No JSON data provided/);
    expect((await logoFirst('{"app":').expect(400)).body.error).toMatch(/Invalid JSON data/);
    expect((await logoFirst(JSON.stringify({ app: taken })).expect(409)).body.error).toBe(
      'app with this name already exists',
    );
    expect(await storedLogos()).toEqual(before);
    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([]);
  });

  it('ignores a file part with no file chosen (an empty browser form input)', async () => {
    const id = (
      await request(t.app)
        .post('/app/create')
        .set(bearer(adminA.token))
        .field('data', JSON.stringify({ app: uniqueName('empty') }))
        .attach('file', Buffer.alloc(0), { filename: '', contentType: 'application/octet-stream' })
        .expect(200)
    ).body['createAppResult.Created'];
    expect((await appById(adminA.token, id))?.Logo).toBe('');
  });

  it('explains malformed requests', async () => {
    const cases: [request.Test, RegExp][] = [
      [
        request(t.app).post('/app/create').set(bearer(adminA.token)).send({ app: 'x' }),
        /^multipart form data is required$/,
      ],
      [
        request(t.app).post('/app/create').set(bearer(adminA.token)).field('other', 'x'),
        /^No JSON data provided/,
      ],
      [appForm('/app/create', adminA.token, '{"app": '), /^Invalid JSON data: /],
      [appForm('/app/create', adminA.token, '["app"]'), /data must be a JSON object/],
      [appForm('/app/create', adminA.token, {}), /^app is required$/],
      [appForm('/app/create', adminA.token, { app: 42 }), /app must be a string/],
      [appForm('/app/create', adminA.token, { app: 'x', description: 7 }), /description must be a string/],
      [appForm('/app/update', adminA.token, { app: 'x' }), /^id is required$/],
      [
        appForm('/app/update', adminA.token, { id: 'nope', app: 'x' }),
        /^invalid id format: expected a 24-character hex id$/,
      ],
      [
        request(t.app)
          .post('/app/create')
          .set(bearer(adminA.token))
          .set('Content-Type', 'multipart/form-data; boundary=xyz')
          .send('--xyz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"app":"cut"'),
        /malformed multipart form data|before the whole form/,
      ],
    ];
    for (const [req, message] of cases) {
      const res = await req;
      expect(res.status, `${message}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    const huge = await appForm('/app/create', adminA.token, {
      app: 'x',
      description: 'd'.repeat(5000),
    }).expect(400);
    expect(huge.body.error).toMatch(/description must be at most 4096 characters/);
  });

  it('refuses a duplicate name within a tenant but not across tenants', async () => {
    const name = uniqueName('same');
    const a = await createApp(adminA.token, { app: name });
    const dup = await appForm('/app/create', adminA.token, { app: name }).expect(409);
    expect(dup.body.error).toBe('app with this name already exists');
    const b = await createApp(adminB.token, { app: name });
    expect(b).not.toBe(a);

    const other = await createApp(adminA.token, { app: uniqueName('other') });
    const rename = await appForm('/app/update', adminA.token, { id: other, app: name }).expect(409);
    expect(rename.body.error).toBe('app with this name already exists');
    // Keeping one's own name is not a duplicate.
    await appForm('/app/update', adminA.token, { id: a, app: name }).expect(200);
  });

  it('isolates tenants: another admin cannot see, update or delete an app', async () => {
    const id = await createApp(adminA.token, { app: uniqueName('iso') }, { bytes: PNG, filename: 'a.png' });
    expect((await listApps(adminB.token)).some((a) => a.ID === id)).toBe(false);
    const upd = await appForm(
      '/app/update',
      adminB.token,
      { id, app: uniqueName('iso') },
      { bytes: PNG, filename: 'b.png' },
    );
    expect(upd.status).toBe(404);
    expect(upd.body.error).toBe('app not found');
    const del = await request(t.app).delete(`/app/delete?id=${id}`).set(bearer(adminB.token)).expect(404);
    expect(del.body.error).toBe('app not found');
    expect(await appById(adminA.token, id)).toBeDefined();
    // B's refused logo was never stored.
    expect((await storedLogos()).filter((k) => k.startsWith(`logos/${adminB.tenantId}/`))).toEqual([]);
  });

  it('answers unknown and malformed ids on delete', async () => {
    const unknown = await request(t.app)
      .delete(`/app/delete?id=${newId()}`)
      .set(bearer(adminA.token))
      .expect(404);
    expect(unknown.body.error).toBe('app not found');
    const bad = await request(t.app).delete('/app/delete?id=123').set(bearer(adminA.token)).expect(400);
    expect(bad.body.error).toBe('invalid id format: expected a 24-character hex id');
    const missing = await request(t.app).delete('/app/delete').set(bearer(adminA.token)).expect(400);
    expect(missing.body.error).toBe('id is required');
    const twice = await request(t.app)
      .delete(`/app/delete?id=${newId()}&id=${newId()}`)
      .set(bearer(adminA.token))
      .expect(400);
    expect(twice.body.error).toMatch(/invalid id format/);
  });

  it('refuses to delete an app that versions use', async () => {
    const id = await createApp(adminA.token, { app: uniqueName('used') });
    const v1 = await insertRelease(adminA.tenantId, id);
    const v2 = await insertRelease(adminA.tenantId, id);
    const res = await request(t.app).delete(`/app/delete?id=${id}`).set(bearer(adminA.token)).expect(409);
    expect(res.body).toEqual({
      error: "you can't delete this app because 2 versions use it: delete those versions first",
      details: "you can't delete this item because it is related to other items",
    });
    await deleteVersion(v1);
    const one = await request(t.app).delete(`/app/delete?id=${id}`).set(bearer(adminA.token)).expect(409);
    expect(one.body.error).toMatch(/because 1 version uses it/);
    await deleteVersion(v2);
    await request(t.app).delete(`/app/delete?id=${id}`).set(bearer(adminA.token)).expect(200);
  });
});

interface KindCase {
  path: 'channel' | 'platform' | 'arch';
  perm: 'channels' | 'platforms' | 'archs';
  listKey: string;
  nameKey: string;
  result: string;
  keys: string[];
  /** What a version row needs to use a resource of this kind. */
  use: (id: string) => { channelId?: string; platformId?: string; archId?: string };
  usedBy: string;
}

const KINDS: KindCase[] = [
  {
    path: 'channel',
    perm: 'channels',
    listKey: 'channels',
    nameKey: 'ChannelName',
    result: 'Channel',
    keys: ['ID', 'ChannelName', 'Owner', 'Updated_at'],
    use: (id) => ({ channelId: id }),
    usedBy: 'versions',
  },
  {
    path: 'platform',
    perm: 'platforms',
    listKey: 'platforms',
    nameKey: 'PlatformName',
    result: 'Platform',
    keys: ['ID', 'PlatformName', 'Updaters', 'Owner', 'Updated_at'],
    use: (id) => ({ platformId: id }),
    usedBy: 'artifacts',
  },
  {
    path: 'arch',
    perm: 'archs',
    listKey: 'archs',
    nameKey: 'ArchID',
    result: 'Arch',
    keys: ['ID', 'ArchID', 'Owner', 'Updated_at'],
    use: (id) => ({ archId: id }),
    usedBy: 'artifacts',
  },
];

describe.each(KINDS)('$path', (k) => {
  const create = (token: string, body: object) =>
    request(t.app).post(`/${k.path}/create`).set(bearer(token)).send(body);
  const update = (token: string, body: object) =>
    request(t.app).post(`/${k.path}/update`).set(bearer(token)).send(body);
  const remove = (token: string, id: string) =>
    request(t.app)
      .delete(`/${k.path}/delete?id=${encodeURIComponent(id)}`)
      .set(bearer(token));
  const list = async (token: string) =>
    (await request(t.app).get(`/${k.path}/list`).set(bearer(token)).expect(200)).body[k.listKey] as Record<
      string,
      unknown
    >[];
  const make = async (token: string, name = uniqueName(k.path)) =>
    (await create(token, { [k.path]: name }).expect(200)).body[`create${k.result}Result.Created`] as string;

  it('creates, lists, updates and deletes with FaynoSync shapes', async () => {
    const name = uniqueName(k.path);
    const created = await create(adminA.token, { [k.path]: name, unknown_field: 1 }).expect(200);
    expect(Object.keys(created.body)).toEqual([`create${k.result}Result.Created`]);
    const id = created.body[`create${k.result}Result.Created`];
    expect(id).toMatch(HEX_ID);

    const listed = await request(t.app).get(`/${k.path}/list`).set(bearer(adminA.token)).expect(200);
    expect(Object.keys(listed.body)).toEqual([k.listKey]);
    const item = (listed.body[k.listKey] as Record<string, unknown>[]).find((i) => i.ID === id);
    expect(Object.keys(item ?? {})).toEqual(k.keys);
    expect(item).toMatchObject({ ID: id, [k.nameKey]: name, Owner: adminA.username });
    expect(item?.Updated_at).toMatch(RFC3339);
    if (k.path === 'platform') expect(item?.Updaters).toEqual([{ type: 'manual', default: true }]);

    const renamed = uniqueName(k.path);
    const body = k.path === 'platform' ? { updaters: [{ type: 'manual', default: true }] } : {};
    const updated = await update(adminA.token, { id, [k.path]: renamed, ...body }).expect(200);
    expect(updated.body).toEqual({ [`update${k.result}Result.Updated`]: true });
    expect((await list(adminA.token)).find((i) => i.ID === id)?.[k.nameKey]).toBe(renamed);

    const deleted = await remove(adminA.token, id).expect(200);
    expect(deleted.body).toEqual({ [`delete${k.result}Result.DeletedCount`]: 1 });
    expect((await list(adminA.token)).some((i) => i.ID === id)).toBe(false);
  });

  it('answers an empty list with [] and sorts by name', async () => {
    const fresh = await admin();
    const res = await request(t.app).get(`/${k.path}/list`).set(bearer(fresh.token)).expect(200);
    expect(res.body).toEqual({ [k.listKey]: [] });
    for (const name of ['b2', 'A1', 'c3']) await make(fresh.token, name);
    expect((await list(fresh.token)).map((i) => i[k.nameKey])).toEqual(['A1', 'b2', 'c3']);
  });

  it('refuses duplicate names within a tenant, allows them across tenants', async () => {
    const name = uniqueName(k.path);
    const a = await make(adminA.token, name);
    const dup = await create(adminA.token, { [k.path]: name }).expect(409);
    expect(dup.body.error).toBe(`${k.path} with this name already exists`);
    const b = await make(adminB.token, name);
    expect(b).not.toBe(a);
    const other = await make(adminA.token);
    const extra = k.path === 'platform' ? { updaters: [{ type: 'manual', default: true }] } : {};
    const clash = await update(adminA.token, { id: other, [k.path]: name, ...extra }).expect(409);
    expect(clash.body.error).toBe(`${k.path} with this name already exists`);
  });

  it('isolates tenants', async () => {
    const id = await make(adminA.token);
    expect((await list(adminB.token)).some((i) => i.ID === id)).toBe(false);
    const extra = k.path === 'platform' ? { updaters: [{ type: 'manual', default: true }] } : {};
    const upd = await update(adminB.token, { id, [k.path]: uniqueName(k.path), ...extra }).expect(404);
    expect(upd.body.error).toBe(`${k.path} not found`);
    const del = await remove(adminB.token, id).expect(404);
    expect(del.body.error).toBe(`${k.path} not found`);
    expect((await list(adminA.token)).some((i) => i.ID === id)).toBe(true);
  });

  it('explains bad names, bodies and ids', async () => {
    const badNames: [unknown, RegExp][] = [
      ['a/b', new RegExp(`^invalid ${k.path} "a/b"`)],
      ['..', new RegExp(`^invalid ${k.path} ".."`)],
      ['a..b', new RegExp(`^invalid ${k.path} "a..b"`)],
      // Refused at the edge, before any name rule: no JSON string may hold a NUL.
      ['a\u0000b', /NUL character/],
      ['x'.repeat(300), new RegExp(`^${k.path} must be at most 100 characters long$`)],
      ['', new RegExp(`^${k.path} is required$`)],
      [undefined, new RegExp(`^${k.path} is required$`)],
      [7, new RegExp(`^${k.path} must be a string$`)],
    ];
    for (const [name, message] of badNames) {
      const res = await create(adminA.token, { [k.path]: name });
      expect(res.status, String(name)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    const malformed = await request(t.app)
      .post(`/${k.path}/create`)
      .set(bearer(adminA.token))
      .set('Content-Type', 'application/json')
      .send('{"oops":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/malformed JSON/);
    const array = await request(t.app)
      .post(`/${k.path}/create`)
      .set(bearer(adminA.token))
      .send([{ [k.path]: 'x' }]);
    expect(array.status).toBe(400);
    expect(array.body.error).toMatch(/JSON object/);
    const empty = await request(t.app).post(`/${k.path}/create`).set(bearer(adminA.token));
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe(`${k.path} is required`);

    const extra = k.path === 'platform' ? { updaters: [{ type: 'manual', default: true }] } : {};
    const unknown = await update(adminA.token, { id: newId(), [k.path]: 'ok', ...extra }).expect(404);
    expect(unknown.body.error).toBe(`${k.path} not found`);
    for (const id of ['123', 'zz'.repeat(12), `${newId()}0`, 42]) {
      const res = await update(adminA.token, { id, [k.path]: 'ok', ...extra }).expect(400);
      expect(res.body.error).toBe('invalid id format: expected a 24-character hex id');
    }
    expect((await update(adminA.token, { [k.path]: 'ok', ...extra }).expect(400)).body.error).toBe(
      'id is required',
    );
    expect((await remove(adminA.token, newId()).expect(404)).body.error).toBe(`${k.path} not found`);
    expect((await remove(adminA.token, 'not-an-id').expect(400)).body.error).toMatch(/invalid id format/);
  });

  it(`refuses to delete a ${k.path} that ${k.usedBy} use`, async () => {
    const id = await make(adminA.token);
    const appId = await createApp(adminA.token, { app: uniqueName('rel') });
    const version = await insertRelease(adminA.tenantId, appId, k.use(id));
    const res = await remove(adminA.token, id).expect(409);
    const noun = k.usedBy.slice(0, -1);
    expect(res.body).toEqual({
      error: `you can't delete this ${k.path} because 1 ${noun} uses it: delete those ${k.usedBy} first`,
      details: "you can't delete this item because it is related to other items",
    });
    await deleteVersion(version);
    await remove(adminA.token, id).expect(200);
  });

  describe('team users', () => {
    const perms = (flags: Record<string, boolean>, allowed: string[] = []): PermissionInput => ({
      [k.perm]: { ...flags, allowed },
    });

    it('need the create flag; what they create joins their allowed list', async () => {
      const without = await newTeamUser(t.app, adminA.token, perms({ create: false }));
      const denied = await create(without.token, { [k.path]: uniqueName(k.path) }).expect(403);
      expect(denied.body.error).toMatch(new RegExp(`${k.perm}\\.create`));

      const withFlag = await newTeamUser(t.app, adminA.token, perms({ create: true }));
      const id = await make(withFlag.token);
      const me = await request(t.app).get('/whoami').set(bearer(withFlag.token)).expect(200);
      const section = k.perm.charAt(0).toUpperCase() + k.perm.slice(1);
      expect(me.body.permissions[section].Allowed).toEqual([id]);
      // Owned by the tenant: the admin sees it, with the admin as owner.
      expect((await list(adminA.token)).find((i) => i.ID === id)?.Owner).toBe(adminA.username);
    });

    it('list only what is in their allowed list', async () => {
      const visible = await make(adminA.token);
      const hidden = await make(adminA.token);
      const user = await newTeamUser(t.app, adminA.token, perms({}, [visible]));
      const items = await list(user.token);
      expect(items.map((i) => i.ID)).toEqual([visible]);
      expect(items[0]?.Owner).toBe(adminA.username);
      expect((await list(adminA.token)).some((i) => i.ID === hidden)).toBe(true);
      const nobody = await newTeamUser(t.app, adminA.token, perms({}));
      expect(await list(nobody.token)).toEqual([]);
    });

    it('update and delete only with the flag and the id in their allowed list', async () => {
      const extra = k.path === 'platform' ? { updaters: [{ type: 'manual', default: true }] } : {};
      const mine = await make(adminA.token);
      const notMine = await make(adminA.token);
      const noFlags = await newTeamUser(t.app, adminA.token, perms({}, [mine]));
      await update(noFlags.token, { id: mine, [k.path]: uniqueName(k.path), ...extra }).expect(403);
      await remove(noFlags.token, mine).expect(403);

      const editor = await newTeamUser(t.app, adminA.token, perms({ edit: true, delete: true }, [mine]));
      const notAllowed = await update(editor.token, {
        id: notMine,
        [k.path]: uniqueName(k.path),
        ...extra,
      }).expect(403);
      expect(notAllowed.body.error).toMatch(/allowed list/);
      await remove(editor.token, notMine).expect(403);
      // Another tenant's id is unknown, not forbidden.
      const foreign = await make(adminB.token);
      await remove(editor.token, foreign).expect(404);

      await update(editor.token, { id: mine, [k.path]: uniqueName(k.path), ...extra }).expect(200);
      await remove(editor.token, mine).expect(200);
      // The deleted id leaves every team user's allowed list, not only the deleter's.
      const users = await request(t.app).get('/users/list').set(bearer(adminA.token)).expect(200);
      const section = k.perm.charAt(0).toUpperCase() + k.perm.slice(1);
      for (const u of users.body.users as {
        username: string;
        permissions: Record<string, { Allowed: string[] }>;
      }[]) {
        expect(u.permissions[section]?.Allowed ?? []).not.toContain(mine);
      }
      const other = await request(t.app).get('/whoami').set(bearer(noFlags.token)).expect(200);
      expect(other.body.permissions[section].Allowed).toEqual([]);
    });
  });
});

describe('platform updaters', () => {
  const create = (body: object) =>
    request(t.app).post('/platform/create').set(bearer(adminA.token)).send(body);
  const updaters = async (id: string) => {
    const res = await request(t.app).get('/platform/list').set(bearer(adminA.token)).expect(200);
    return (res.body.platforms as { ID: string; Updaters: unknown }[]).find((p) => p.ID === id)?.Updaters;
  };

  it('stores the given updaters in order, and replaces them on update', async () => {
    const given = [
      { type: 'sparkle', default: true },
      { type: 'manual', default: false },
    ];
    const res = await create({ platform: uniqueName('mac'), updaters: given }).expect(200);
    const id = res.body['createPlatformResult.Created'];
    expect(await updaters(id)).toEqual(given);
    const next = [{ type: 'velopack', default: true }];
    await request(t.app)
      .post('/platform/update')
      .set(bearer(adminA.token))
      .send({ id, platform: uniqueName('mac'), updaters: next })
      .expect(200);
    expect(await updaters(id)).toEqual(next);
  });

  it('reports each kind of mistake', async () => {
    const VALID = '[manual squirrel_darwin squirrel_windows sparkle electron-builder tauri velopack]';
    const cases: [unknown, string | RegExp][] = [
      [[{ type: 'nsis', default: true }], `invalid updater type: nsis. Valid types are: ${VALID}`],
      [
        [
          { type: 'manual', default: true },
          { type: 'manual', default: false },
        ],
        'duplicate updater type: manual',
      ],
      [[{ type: 'manual', default: false }], 'exactly one updater must be set as default'],
      [
        [
          { type: 'manual', default: true },
          { type: 'tauri', default: true },
        ],
        'exactly one updater must be set as default',
      ],
      ['manual', /updaters must be a list/],
      [[{ type: 'manual', default: 'yes' }], /"default" of updater manual must be true or false/],
      [[{ default: true }], /"type" must be a string/],
    ];
    for (const [value, message] of cases) {
      const res = await create({ platform: uniqueName('p'), updaters: value });
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    const id = (await create({ platform: uniqueName('p') }).expect(200)).body['createPlatformResult.Created'];
    for (const value of [undefined, []]) {
      const res = await request(t.app)
        .post('/platform/update')
        .set(bearer(adminA.token))
        .send({ id, platform: uniqueName('p'), updaters: value })
        .expect(400);
      expect(res.body.error).toBe('at least one updater is required');
    }
  });
});

describe('apps for team users', () => {
  it('need the flags and the allowed list; creations join the list', async () => {
    const adminApp = await createApp(adminA.token, { app: uniqueName('adm') });
    const user = await newTeamUser(t.app, adminA.token, { apps: { create: true, edit: true, delete: true } });
    expect(await listApps(user.token)).toEqual([]);
    const own = await createApp(user.token, { app: uniqueName('team') }, { bytes: PNG, filename: 'a.png' });
    const listed = await listApps(user.token);
    expect(listed.map((a) => a.ID)).toEqual([own]);
    expect(listed[0]?.Owner).toBe(adminA.username);

    const denied = await appForm(
      '/app/update',
      user.token,
      { id: adminApp, app: uniqueName('x') },
      {
        bytes: PNG,
        filename: 'b.png',
      },
    ).expect(403);
    expect(denied.body.error).toMatch(/allowed list/);
    await request(t.app).delete(`/app/delete?id=${adminApp}`).set(bearer(user.token)).expect(403);

    const reader = await newTeamUser(t.app, adminA.token, { apps: { allowed: [own] } });
    await appForm('/app/create', reader.token, { app: uniqueName('no') }).expect(403);
    await appForm('/app/update', reader.token, { id: own, app: uniqueName('no') }).expect(403);
    await request(t.app).delete(`/app/delete?id=${own}`).set(bearer(reader.token)).expect(403);
    expect((await listApps(reader.token)).map((a) => a.ID)).toEqual([own]);

    await appForm('/app/update', user.token, { id: own, app: uniqueName('team') }).expect(200);
    await request(t.app).delete(`/app/delete?id=${own}`).set(bearer(user.token)).expect(200);
    const me = await request(t.app).get('/whoami').set(bearer(reader.token)).expect(200);
    expect(me.body.permissions.Apps.Allowed).toEqual([]);
  });
});

describe('concurrent writes', () => {
  it('answers 409 for a duplicate that passes the pre-check at the same time as another', async () => {
    const name = uniqueName('race');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(t.app).post('/channel/create').set(bearer(adminA.token)).send({ channel: name }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error).toBe('channel with this name already exists');
    }
  });

  it('maps the unique index itself to 409, not only the pre-check', async () => {
    const name = uniqueName('idx');
    await request(t.app).post('/arch/create').set(bearer(adminA.token)).send({ arch: name }).expect(200);
    const attempt = withConstraints(t.ctx.database.db, 'arch', (trx) =>
      trx.insertInto('archs').values({ id: newId(), tenant_id: adminA.tenantId, name }).execute(),
    );
    await expect(attempt).rejects.toMatchObject({
      kind: 'conflict',
      message: 'arch with this name already exists',
    });
  });
});

describe('app writes that fail after the logo is stored', () => {
  it('remove the stored logo when the database refuses the row', async () => {
    const actor: Actor = {
      userId: adminA.tenantId,
      tenantId: adminA.tenantId,
      username: adminA.username,
      ownerUsername: adminA.username,
      role: 'admin',
      permissions: null,
    };
    const name = uniqueName('late');
    const pending = await prepareAppCreate(t.ctx, actor, { app: name });
    await pending.attachLogo({ fileName: 'a.png', contentType: 'image/png', stream: Readable.from([PNG]) });
    const [stored] = (await storedLogos()).filter((k) => k.includes(`/${pending.appId}/`));
    expect(stored).toBeDefined();
    // Another request takes the name between the checks and the write.
    await createApp(adminA.token, { app: name });
    await expect(pending.commit()).rejects.toMatchObject({ kind: 'conflict' });
    expect(await t.ctx.store.head(stored ?? '', 'public')).toBeUndefined();
  });
});
