import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.js';
import { createTestApp, TEST_SIGNUP_KEY, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser, PASSWORD, uniqueName } from '../helpers/auth.js';

const ID = /^[0-9a-f]{24}$/;

const NO_RIGHTS = {
  Apps: { Create: false, Delete: false, Edit: false, Download: false, Upload: false, Allowed: [] },
  Channels: { Create: false, Delete: false, Edit: false, Allowed: [] },
  Platforms: { Create: false, Delete: false, Edit: false, Allowed: [] },
  Archs: { Create: false, Delete: false, Edit: false, Allowed: [] },
};

interface Catalog {
  app: string;
  channel: string;
  platform: string;
  arch: string;
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

async function idOf(token: string): Promise<string> {
  const res = await request(t.app).get('/whoami').set(bearer(token)).expect(200);
  return res.body.id as string;
}

/** Catalog rows written straight to the database, so these tests do not depend on the catalog routes. */
async function catalogOf(tenantId: string): Promise<Catalog> {
  const db = t.ctx.database.db;
  const ids = { app: newId(), channel: newId(), platform: newId(), arch: newId() };
  await db
    .insertInto('apps')
    .values({ id: ids.app, tenant_id: tenantId, name: uniqueName('app') })
    .execute();
  await db
    .insertInto('channels')
    .values({ id: ids.channel, tenant_id: tenantId, name: uniqueName('ch') })
    .execute();
  await db
    .insertInto('platforms')
    .values({
      id: ids.platform,
      tenant_id: tenantId,
      name: uniqueName('pl'),
      updaters: JSON.stringify([{ type: 'manual', default: true }]),
    })
    .execute();
  await db
    .insertInto('archs')
    .values({ id: ids.arch, tenant_id: tenantId, name: uniqueName('ar') })
    .execute();
  return ids;
}

async function listUsers(token: string): Promise<{ id: string; username: string; permissions: unknown }[]> {
  const res = await request(t.app).get('/users/list').set(bearer(token)).expect(200);
  return res.body.users;
}

describe('POST /signup', () => {
  it('creates an admin who can then log in', async () => {
    const username = uniqueName('admin');
    const res = await request(t.app)
      .post('/signup')
      .send({ username, password: PASSWORD, api_key: TEST_SIGNUP_KEY })
      .expect(200);
    expect(res.body).toEqual({ result: 'Successfully created admin user.' });
    await request(t.app).post('/login').send({ username, password: PASSWORD }).expect(200);
  });

  it('refuses a wrong or missing api key with 401', async () => {
    const username = uniqueName('admin');
    const wrong = await request(t.app)
      .post('/signup')
      .send({ username, password: PASSWORD, api_key: `${TEST_SIGNUP_KEY}x` })
      .expect(401);
    expect(wrong.body).toEqual({ error: 'wrong api key' });
    const missing = await request(t.app).post('/signup').send({ username, password: PASSWORD }).expect(401);
    expect(missing.body).toEqual({ error: 'wrong api key' });
    await request(t.app).post('/login').send({ username, password: PASSWORD }).expect(401);
  });

  it('refuses the name of an existing admin and of an existing team user', async () => {
    const admin = await newAdmin(t.app);
    const member = await newTeamUser(t.app, admin.token, {});
    for (const username of [admin.username, member.username]) {
      const res = await request(t.app)
        .post('/signup')
        .send({ username, password: 'another-password', api_key: TEST_SIGNUP_KEY })
        .expect(401);
      expect(res.body).toEqual({ error: 'user already exists' });
    }
    // Neither account was touched: both still log in with their own password.
    await request(t.app).post('/login').send({ username: admin.username, password: PASSWORD }).expect(200);
    await request(t.app).post('/login').send({ username: member.username, password: PASSWORD }).expect(200);
  });

  it('validates the username and the password', async () => {
    const bad: unknown[] = [
      '',
      'ab',
      'a/b/c',
      '..',
      '../etc',
      'null\u0000byte',
      'x'.repeat(300),
      'has space',
      42,
      null,
    ];
    for (const username of bad) {
      const res = await request(t.app)
        .post('/signup')
        .send({ username, password: PASSWORD, api_key: TEST_SIGNUP_KEY });
      expect(res.status, JSON.stringify(username)).toBe(400);
      // A NUL is refused at the edge, before the username rule.
      expect(res.body.error).toMatch(/username|NUL character/);
    }
    const short = await request(t.app)
      .post('/signup')
      .send({ username: uniqueName('admin'), password: 'short', api_key: TEST_SIGNUP_KEY })
      .expect(400);
    expect(short.body.error).toMatch(/password must be at least 8 characters/);
    await request(t.app)
      .post('/signup')
      .send({ username: 'name.with_all-chars@example.com', password: PASSWORD, api_key: TEST_SIGNUP_KEY })
      .expect(200);
  });

  it('refuses bodies that are not a JSON object', async () => {
    const malformed = await request(t.app)
      .post('/signup')
      .set('Content-Type', 'application/json')
      .send('{"username": "x", ')
      .expect(400);
    expect(malformed.body.error).toMatch(/^invalid request body/);
    const array = await request(t.app)
      .post('/signup')
      .send([{ username: 'x' }])
      .expect(400);
    expect(array.body).toEqual({ error: 'invalid request body: send a JSON object' });
    await request(t.app)
      .post('/signup')
      .set('Content-Type', 'application/json')
      .send('"just a string"')
      .expect(400);
    // No body at all is an object without fields.
    expect((await request(t.app).post('/login').expect(400)).body).toEqual({ error: 'username is required' });
  });
});

describe('POST /login', () => {
  it('returns only a token, carrying the user id, tenant, role and token version', async () => {
    const admin = await newAdmin(t.app);
    const res = await request(t.app)
      .post('/login')
      .send({ username: admin.username, password: PASSWORD })
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(Object.keys(res.body)).toEqual(['token']);
    const claims = jwt.verify(res.body.token, t.ctx.config.jwtSecret) as jwt.JwtPayload;
    const id = await idOf(res.body.token);
    expect(claims).toMatchObject({ sub: id, tid: id, role: 'admin', tv: 0 });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(t.ctx.config.tokenTtlSeconds);

    const member = await newTeamUser(t.app, admin.token, {});
    const teamClaims = jwt.decode(member.token) as jwt.JwtPayload;
    expect(teamClaims).toMatchObject({ sub: member.id, tid: id, role: 'team' });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const admin = await newAdmin(t.app);
    const wrong = await request(t.app)
      .post('/login')
      .send({ username: admin.username, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toEqual({ error: 'invalid username or password' });
    const unknown = await request(t.app)
      .post('/login')
      .send({ username: uniqueName('nobody'), password: PASSWORD })
      .expect(401);
    expect(unknown.body).toEqual({ error: 'invalid username or password' });
    // Usernames are case-sensitive.
    await request(t.app)
      .post('/login')
      .send({ username: admin.username.toUpperCase(), password: PASSWORD })
      .expect(401);
  });

  it('refuses missing or non-string fields and bodies that are not objects', async () => {
    const missing = await request(t.app).post('/login').send({ username: 'someone' }).expect(400);
    expect(missing.body).toEqual({ error: 'password is required' });
    const typed = await request(t.app)
      .post('/login')
      .send({ username: ['a'], password: PASSWORD })
      .expect(400);
    expect(typed.body).toEqual({ error: 'username must be a string' });
    await request(t.app).post('/login').set('Content-Type', 'application/json').send('not json').expect(400);
    await request(t.app).post('/login').send([]).expect(400);
  });
});

describe('GET /whoami', () => {
  it('describes an admin', async () => {
    const admin = await newAdmin(t.app);
    const res = await request(t.app).get('/whoami').set(bearer(admin.token)).expect(200);
    expect(res.body).toEqual({ id: expect.stringMatching(ID), username: admin.username, is_admin: true });
  });

  it('describes a team user with its real id, owner and permissions', async () => {
    const admin = await newAdmin(t.app);
    const cat = await catalogOf(await idOf(admin.token));
    const member = await newTeamUser(t.app, admin.token, {
      apps: { create: true, upload: true, allowed: [cat.app] },
      channels: { edit: true, allowed: [cat.channel] },
      archs: { delete: true, allowed: [cat.arch] },
    });
    const res = await request(t.app).get('/whoami').set(bearer(member.token)).expect(200);
    expect(res.body).toEqual({
      id: member.id,
      username: member.username,
      is_admin: false,
      owner: admin.username,
      permissions: {
        Apps: { Create: true, Delete: false, Edit: false, Download: false, Upload: true, Allowed: [cat.app] },
        Channels: { Create: false, Delete: false, Edit: true, Allowed: [cat.channel] },
        Platforms: { Create: false, Delete: false, Edit: false, Allowed: [] },
        Archs: { Create: false, Delete: true, Edit: false, Allowed: [cat.arch] },
      },
    });
  });

  it('needs a token', async () => {
    const res = await request(t.app).get('/whoami').expect(401);
    expect(typeof res.body.error).toBe('string');
  });
});

describe('POST /admin/update', () => {
  it('changes the password, revokes older tokens and returns a fresh one', async () => {
    const admin = await newAdmin(t.app);
    const id = await idOf(admin.token);
    const res = await request(t.app)
      .post('/admin/update')
      .set(bearer(admin.token))
      .send({ id, username: admin.username, password: 'a-brand-new-password' })
      .expect(200);
    expect(res.body).toEqual({ message: 'Admin updated successfully', token: expect.any(String) });
    const old = await request(t.app).get('/whoami').set(bearer(admin.token)).expect(401);
    expect(old.body.error).toMatch(/revoked/);
    expect(await idOf(res.body.token)).toBe(id);
    await request(t.app).post('/login').send({ username: admin.username, password: PASSWORD }).expect(401);
    await request(t.app)
      .post('/login')
      .send({ username: admin.username, password: 'a-brand-new-password' })
      .expect(200);
  });

  it('only changes the caller itself', async () => {
    const admin = await newAdmin(t.app);
    const other = await newAdmin(t.app);
    const id = await idOf(admin.token);
    const call = (body: Record<string, unknown>) =>
      request(t.app).post('/admin/update').set(bearer(admin.token)).send(body);

    const mismatch = await call({ id, username: other.username, password: 'new-password-1' });
    expect(mismatch.status).toBe(403);
    expect(mismatch.body).toEqual({ error: 'Username mismatch' });
    const notFound = await call({
      id: await idOf(other.token),
      username: admin.username,
      password: 'new-password-1',
    });
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual({ error: 'Admin not found' });
    expect((await call({ id: newId(), username: admin.username, password: 'new-password-1' })).status).toBe(
      404,
    );
    const malformed = await call({ id: 'not-an-id', username: admin.username, password: 'new-password-1' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'Invalid ID format' });
    expect((await call({ id, username: admin.username })).status).toBe(400);
    expect((await call({ id, username: admin.username, password: 'short' })).status).toBe(400);
    expect((await call([id] as unknown as Record<string, unknown>)).status).toBe(400);

    // Nothing changed: both admins keep their passwords and tokens.
    await request(t.app).get('/whoami').set(bearer(admin.token)).expect(200);
    await request(t.app).get('/whoami').set(bearer(other.token)).expect(200);
    await request(t.app).post('/login').send({ username: other.username, password: PASSWORD }).expect(200);
  });
});

describe('team users', () => {
  it('creates a team user from FaynoSync’s permission document and lists it', async () => {
    const admin = await newAdmin(t.app);
    const cat = await catalogOf(await idOf(admin.token));
    const username = uniqueName('team');
    const created = await request(t.app)
      .post('/user/create')
      .set(bearer(admin.token))
      .send({
        username,
        password: PASSWORD,
        // Mixed key case and FaynoSync's [""] placeholders, as its own docs send them.
        permissions: {
          Apps: {
            Create: true,
            delete: false,
            EDIT: true,
            download: true,
            upload: false,
            allowed: ['', cat.app],
          },
          channels: { create: true, upload: true, Allowed: [cat.channel, cat.channel] },
          platforms: { create: false, delete: false, edit: true, allowed: [''] },
          archs: { allowed: [cat.arch] },
        },
      })
      .expect(200);
    expect(created.body).toEqual({ message: 'Team user created successfully' });

    const res = await request(t.app).get('/users/list').set(bearer(admin.token)).expect(200);
    expect(res.body).toEqual({
      users: [
        {
          id: expect.stringMatching(ID),
          username,
          permissions: {
            Apps: {
              Create: true,
              Delete: false,
              Edit: true,
              Download: true,
              Upload: false,
              Allowed: [cat.app],
            },
            Channels: { Create: true, Delete: false, Edit: false, Allowed: [cat.channel] },
            Platforms: { Create: false, Delete: false, Edit: true, Allowed: [] },
            Archs: { Create: false, Delete: false, Edit: false, Allowed: [cat.arch] },
          },
          updated_at: expect.any(String),
        },
      ],
    });
    expect(Number.isNaN(Date.parse(res.body.users[0].updated_at))).toBe(false);
    await request(t.app).post('/login').send({ username, password: PASSWORD }).expect(200);
  });

  it('lists [] when there are none, and only the caller’s own team users', async () => {
    const admin = await newAdmin(t.app);
    expect((await request(t.app).get('/users/list').set(bearer(admin.token)).expect(200)).body).toEqual({
      users: [],
    });
    const other = await newAdmin(t.app);
    const b = await newTeamUser(t.app, other.token, {}, uniqueName('b-team'));
    const a = await newTeamUser(t.app, other.token, {}, uniqueName('a-team'));
    expect(await listUsers(admin.token)).toEqual([]);
    expect((await listUsers(other.token)).map((u) => u.id)).toEqual([a.id, b.id]);
  });

  it('refuses a name taken by a team user or an admin, also when two requests race', async () => {
    const admin = await newAdmin(t.app);
    const member = await newTeamUser(t.app, admin.token, {});
    for (const username of [member.username, admin.username]) {
      const res = await request(t.app)
        .post('/user/create')
        .set(bearer(admin.token))
        .send({ username, password: PASSWORD })
        .expect(409);
      expect(res.body).toEqual({ error: 'Username already exists' });
    }
    const username = uniqueName('race');
    const both = await Promise.all(
      [1, 2].map(() =>
        request(t.app).post('/user/create').set(bearer(admin.token)).send({ username, password: PASSWORD }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await listUsers(admin.token)).filter((u) => u.username === username)).toHaveLength(1);
  });

  it('validates usernames, passwords and the permission document', async () => {
    const admin = await newAdmin(t.app);
    const otherCat = await catalogOf(await idOf((await newAdmin(t.app)).token));
    const create = (body: unknown) =>
      request(t.app)
        .post('/user/create')
        .set(bearer(admin.token))
        .send(body as object);
    const error = async (body: unknown) => {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      return res.body.error as string;
    };
    const base = { username: uniqueName('team'), password: PASSWORD };

    for (const username of ['a/b', '..', 'nul\u0000name', 'y'.repeat(300), '', undefined]) {
      expect(await error({ ...base, username })).toMatch(/username|NUL character/);
    }
    expect(await error({ ...base, password: 'short' })).toMatch(/password/);
    expect(await error({ ...base, permissions: { apps: { create: 'true' } } })).toBe(
      'apps.create must be true or false',
    );
    expect(await error({ ...base, permissions: { channels: { Edit: 1 } } })).toBe(
      'channels.edit must be true or false',
    );
    expect(await error({ ...base, permissions: { users: { create: true } } })).toMatch(
      /unknown resource kind "users"/,
    );
    expect(await error({ ...base, permissions: { channels: { edti: true } } })).toMatch(
      /^channels\.edti is not a permission: use create, delete, edit or allowed/,
    );
    expect(await error({ ...base, permissions: { apps: { allowed: ['nope'] } } })).toMatch(
      /^apps\.allowed: /,
    );
    expect(await error({ ...base, permissions: { archs: { allowed: 'x' } } })).toMatch(/^archs\.allowed /);
    const unknownApp = newId();
    expect(await error({ ...base, permissions: { apps: { allowed: [unknownApp] } } })).toBe(
      `apps.allowed: unknown app id ${unknownApp}`,
    );
    // Another tenant's resources are unknown here.
    expect(await error({ ...base, permissions: { platforms: { allowed: [otherCat.platform] } } })).toBe(
      `platforms.allowed: unknown platform id ${otherCat.platform}`,
    );
    expect(await error({ ...base, permissions: 'all' })).toBe('permissions must be an object');
    expect(await error([base])).toBe('invalid request body: send a JSON object');
    const malformed = await request(t.app)
      .post('/user/create')
      .set(bearer(admin.token))
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(malformed.status).toBe(400);
    expect(await listUsers(admin.token)).toEqual([]);
  });

  it('replaces permissions on update, down to nothing, and revokes the user’s tokens', async () => {
    const admin = await newAdmin(t.app);
    const cat = await catalogOf(await idOf(admin.token));
    const member = await newTeamUser(t.app, admin.token, {
      apps: { create: true, edit: true, allowed: [cat.app] },
      channels: { create: true, allowed: [cat.channel] },
    });
    const res = await request(t.app)
      .post('/user/update')
      .set(bearer(admin.token))
      .send({ id: member.id, username: member.username, permissions: {} })
      .expect(200);
    expect(res.body).toEqual({ message: 'Team user updated successfully' });
    expect((await listUsers(admin.token)).find((u) => u.id === member.id)?.permissions).toEqual(NO_RIGHTS);
    await request(t.app).get('/whoami').set(bearer(member.token)).expect(401);

    // No password given: the old one still works.
    const login = await request(t.app)
      .post('/login')
      .send({ username: member.username, password: PASSWORD })
      .expect(200);
    const who = await request(t.app).get('/whoami').set(bearer(login.body.token)).expect(200);
    expect(who.body.permissions).toEqual(NO_RIGHTS);

    // Granting again replaces, it does not add.
    await request(t.app)
      .post('/user/update')
      .set(bearer(admin.token))
      .send({
        id: member.id,
        username: member.username,
        permissions: { archs: { edit: true, allowed: [cat.arch] } },
      })
      .expect(200);
    const listed = (await listUsers(admin.token)).find((u) => u.id === member.id);
    expect(listed?.permissions).toEqual({
      ...NO_RIGHTS,
      Archs: { Create: false, Delete: false, Edit: true, Allowed: [cat.arch] },
    });
  });

  it('changes the password and the name, keeping permissions when none are given', async () => {
    const admin = await newAdmin(t.app);
    const member = await newTeamUser(t.app, admin.token, { apps: { download: true } });
    const renamed = uniqueName('renamed');
    await request(t.app)
      .post('/user/update')
      .set(bearer(admin.token))
      .send({ id: member.id, username: renamed, password: 'fresh-password-1' })
      .expect(200);
    await request(t.app).get('/whoami').set(bearer(member.token)).expect(401);
    await request(t.app).post('/login').send({ username: member.username, password: PASSWORD }).expect(401);
    await request(t.app).post('/login').send({ username: renamed, password: PASSWORD }).expect(401);
    const login = await request(t.app)
      .post('/login')
      .send({ username: renamed, password: 'fresh-password-1' })
      .expect(200);
    const who = await request(t.app).get('/whoami').set(bearer(login.body.token)).expect(200);
    expect(who.body.id).toBe(member.id);
    expect(who.body.permissions.Apps.Download).toBe(true);

    const taken = await request(t.app)
      .post('/user/update')
      .set(bearer(admin.token))
      .send({ id: member.id, username: admin.username })
      .expect(409);
    expect(taken.body).toEqual({ error: 'Username already exists' });
  });

  it('answers 400 for a malformed id and 404 for an id that is not the caller’s team user', async () => {
    const admin = await newAdmin(t.app);
    const member = await newTeamUser(t.app, admin.token, {});
    const update = (body: Record<string, unknown>) =>
      request(t.app).post('/user/update').set(bearer(admin.token)).send(body);

    const malformed = await update({ id: 'zzz', username: member.username });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'Invalid user ID format' });
    for (const id of [newId(), await idOf(admin.token)]) {
      const res = await update({ id, username: member.username });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'Team user not found' });
    }
    const badFlag = await update({
      id: member.id,
      username: member.username,
      permissions: { apps: { edit: 'yes' } },
    });
    expect(badFlag.status).toBe(400);
    const unknownChannel = newId();
    const badList = await update({
      id: member.id,
      username: member.username,
      permissions: { channels: { allowed: [unknownChannel] } },
    });
    expect(badList.body).toEqual({ error: `channels.allowed: unknown channel id ${unknownChannel}` });
    // A refused update leaves the user's tokens valid.
    await request(t.app).get('/whoami').set(bearer(member.token)).expect(200);
  });

  it('deletes a team user, whose tokens and login stop working', async () => {
    const admin = await newAdmin(t.app);
    const member = await newTeamUser(t.app, admin.token, { apps: { create: true } });
    const del = () => request(t.app).delete('/user/delete').set(bearer(admin.token)).send({ id: member.id });
    expect((await del().expect(200)).body).toEqual({ message: 'Team user deleted successfully' });
    expect(await listUsers(admin.token)).toEqual([]);
    await request(t.app).get('/whoami').set(bearer(member.token)).expect(401);
    await request(t.app).post('/login').send({ username: member.username, password: PASSWORD }).expect(401);
    const again = await del().expect(404);
    expect(again.body).toEqual({ error: "Team user not found or you don't have permission to delete it" });

    const malformed = await request(t.app).delete('/user/delete').set(bearer(admin.token)).send({ id: 'x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'Invalid user ID format' });
    await request(t.app).delete('/user/delete').set(bearer(admin.token)).send({}).expect(400);
    // An admin is not a team user, not even the caller itself.
    await request(t.app)
      .delete('/user/delete')
      .set(bearer(admin.token))
      .send({ id: await idOf(admin.token) })
      .expect(404);
    await request(t.app).get('/whoami').set(bearer(admin.token)).expect(200);
  });

  it('keeps another tenant’s admin away from my team users', async () => {
    const mine = await newAdmin(t.app);
    const theirs = await newAdmin(t.app);
    const member = await newTeamUser(t.app, mine.token, { apps: { upload: true } });

    const update = await request(t.app)
      .post('/user/update')
      .set(bearer(theirs.token))
      .send({ id: member.id, username: member.username, password: 'hijacked-password', permissions: {} })
      .expect(404);
    expect(update.body).toEqual({ error: 'Team user not found' });
    const del = await request(t.app)
      .delete('/user/delete')
      .set(bearer(theirs.token))
      .send({ id: member.id })
      .expect(404);
    expect(del.body).toEqual({ error: "Team user not found or you don't have permission to delete it" });
    expect(await listUsers(theirs.token)).toEqual([]);

    // Untouched: token valid, password unchanged, rights kept.
    const who = await request(t.app).get('/whoami').set(bearer(member.token)).expect(200);
    expect(who.body.permissions.Apps.Upload).toBe(true);
    await request(t.app).post('/login').send({ username: member.username, password: PASSWORD }).expect(200);
  });

  it('refuses admin-only routes to team users', async () => {
    const admin = await newAdmin(t.app);
    const member = await newTeamUser(t.app, admin.token, {
      apps: { create: true, delete: true, edit: true, download: true, upload: true },
    });
    const calls: [string, request.Test][] = [
      [
        'create',
        request(t.app)
          .post('/user/create')
          .set(bearer(member.token))
          .send({ username: uniqueName(), password: PASSWORD }),
      ],
      [
        'update',
        request(t.app)
          .post('/user/update')
          .set(bearer(member.token))
          .send({ id: member.id, username: member.username }),
      ],
      ['list', request(t.app).get('/users/list').set(bearer(member.token))],
      ['delete', request(t.app).delete('/user/delete').set(bearer(member.token)).send({ id: member.id })],
      [
        'admin update',
        request(t.app)
          .post('/admin/update')
          .set(bearer(member.token))
          .send({ id: member.id, username: member.username, password: 'new-password-1' }),
      ],
    ];
    for (const [label, call] of calls) {
      const res = await call;
      expect(res.status, label).toBe(403);
      expect(res.body).toEqual({ error: 'Admin access required' });
    }
    await request(t.app).get('/whoami').set(bearer(member.token)).expect(200);
  });
});

describe('login rate limit per address and username', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ LOGIN_LIMIT_PER_USER: '3', LOGIN_LIMIT_PER_IP: '1000' });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('holds a username after 3 failures from one address, even for the right password, and no other name', async () => {
    const admin = await newAdmin(limited.app);
    const other = await newAdmin(limited.app);
    const attempt = (username: string, password: string) =>
      request(limited.app).post('/login').send({ username, password });

    // A success clears earlier failures.
    await attempt(admin.username, 'wrong-password').expect(401);
    await attempt(admin.username, 'wrong-password').expect(401);
    await attempt(admin.username, PASSWORD).expect(200);
    await attempt(admin.username, 'wrong-password').expect(401);
    // The counter is per lower-cased name.
    await attempt(admin.username.toUpperCase(), 'wrong-password').expect(401);
    await attempt(admin.username, 'wrong-password').expect(401);

    const locked = await attempt(admin.username, 'wrong-password').expect(429);
    expect(locked.body.error).toMatch(/too many failed logins/);
    const retryAfter = locked.headers['retry-after'];
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(limited.ctx.config.loginWindowSeconds);
    await attempt(admin.username, PASSWORD).expect(429);
    await attempt(other.username, PASSWORD).expect(200);
  });
});

describe('login throttling an attacker cannot turn into a lock-out', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({
      LOGIN_LIMIT_PER_IP: '5',
      LOGIN_LIMIT_PER_USER: '5',
      LOGIN_LIMIT_PER_ACCOUNT: '8',
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  const from = (ip: string, username: string, password: string) =>
    request(limited.app).post('/login').set('X-Forwarded-For', ip).send({ username, password });

  it('a known admin keeps signing in from its address while anyone hammers its public name', async () => {
    const admin = await newAdmin(limited.app);
    const home = '198.51.100.10';
    await from(home, admin.username, PASSWORD).expect(200);

    // One attacker: its own address is held after 5 failures, the admin is not.
    for (let i = 0; i < 5; i++) await from('203.0.113.66', admin.username, 'wrong-password').expect(401);
    const held = await from('203.0.113.66', admin.username, 'wrong-password').expect(429);
    expect(held.body.error).toMatch(/from your address/);
    await from('203.0.113.66', admin.username, PASSWORD).expect(429);
    await from(home, admin.username, PASSWORD).expect(200);

    // Many attackers, 3 guesses each: the account is held for addresses it never signed in from ...
    for (let n = 1; n <= 4; n++) {
      for (let i = 0; i < 3; i++) {
        const res = await from(`192.0.2.${n}`, admin.username, 'wrong-password');
        expect([401, 429]).toContain(res.status);
      }
    }
    const newcomer = await from('192.0.2.200', admin.username, PASSWORD).expect(429);
    expect(newcomer.body.error).toMatch(/never signed in from/);
    expect(newcomer.headers['retry-after']).toMatch(/^\d+$/);
    // ... never for the one it did, with the right password, however often.
    for (let i = 0; i < 3; i++) await from(home, admin.username, PASSWORD).expect(200);
    // Other accounts are untouched.
    const other = await newAdmin(limited.app);
    await from('192.0.2.201', other.username, PASSWORD).expect(200);
  });
});

describe('login and sign-up rate limits per client address', () => {
  let limited: TestApp;
  beforeAll(async () => {
    // Behind a (loopback) proxy: X-Forwarded-For names the client, so two clients can be told apart.
    limited = await createTestApp({
      LOGIN_LIMIT_PER_IP: '4',
      LOGIN_LIMIT_PER_USER: '1000',
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses a client after 4 failed logins, whatever the username, and not other clients', async () => {
    const admin = await newAdmin(limited.app);
    const from = (ip: string, username: string, password: string) =>
      request(limited.app).post('/login').set('X-Forwarded-For', ip).send({ username, password });

    // Successful logins do not use up the allowance.
    for (let i = 0; i < 6; i++) await from('203.0.113.7', admin.username, PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) await from('203.0.113.7', uniqueName('guess'), 'wrong-password').expect(401);
    const locked = await from('203.0.113.7', admin.username, PASSWORD).expect(429);
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
    expect(locked.body.error).toMatch(/from your address/);
    await from('203.0.113.8', admin.username, PASSWORD).expect(200);
  });

  it('counts an IPv6 /64 as one client', async () => {
    const admin = await newAdmin(limited.app);
    const from = (ip: string, password: string) =>
      request(limited.app)
        .post('/login')
        .set('X-Forwarded-For', ip)
        .send({ username: admin.username, password });
    for (let i = 0; i < 4; i++) await from(`2001:db8:1:2::${i + 1}`, 'wrong-password').expect(401);
    await from('2001:db8:1:2:ffff::9', PASSWORD).expect(429);
    await from('2001:db8:1:3::1', PASSWORD).expect(200);
  });

  it('refuses a client after 5 wrong sign-up keys, even with the right key', async () => {
    const signupFrom = (ip: string, apiKey: string) =>
      request(limited.app)
        .post('/signup')
        .set('X-Forwarded-For', ip)
        .send({ username: uniqueName('admin'), password: PASSWORD, api_key: apiKey });
    for (let i = 0; i < 5; i++) await signupFrom('198.51.100.1', `guess-${i}-0123456789`).expect(401);
    const locked = await signupFrom('198.51.100.1', TEST_SIGNUP_KEY).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    await signupFrom('198.51.100.2', TEST_SIGNUP_KEY).expect(200);
  });
});
