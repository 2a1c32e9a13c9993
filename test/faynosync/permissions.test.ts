import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceKind } from '../../src/db/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  bearer,
  newAdmin,
  newTeamUser,
  PASSWORD,
  type PermissionInput,
  uniqueName,
} from '../helpers/auth.js';
import { createApp, createNamed, sendForm, upload } from '../helpers/releases.js';

/**
 * Every protected route × every kind of caller. A route case knows how to make a fresh target in
 * tenant A and how to call the route on it; the table says what each caller must get.
 */

type Caller =
  | 'admin'
  | 'teamWithRight'
  | 'teamWithoutRight'
  | 'teamNotAllowed'
  | 'otherTenantAdmin'
  | 'noToken'
  | 'expiredToken'
  | 'tamperedToken'
  | 'revokedToken'
  | 'apiToken';

const CALLERS: Caller[] = [
  'admin',
  'teamWithRight',
  'teamWithoutRight',
  'teamNotAllowed',
  'otherTenantAdmin',
  'noToken',
  'expiredToken',
  'tamperedToken',
  'revokedToken',
  'apiToken',
];

interface Target {
  id: string;
  name: string;
}

interface RouteCase {
  route: string;
  /** The team-user right the route needs; undefined = any authenticated user; 'admin' = admins only. */
  right:
    | { kind: ResourceKind; action: 'create' | 'delete' | 'edit' | 'download' | 'upload' }
    | 'admin'
    | undefined;
  /** Whether the route acts on one existing resource (so the allowed list and the tenant matter). */
  scoped: boolean;
  call(t: TestApp, token: string | undefined, target: Target): request.Test;
  /** For list routes: does the answer include the target? */
  listed?: (body: Record<string, unknown>, target: Target) => boolean;
}

let t: TestApp;
let adminA: { username: string; token: string };
let adminB: { username: string; token: string };
let revokedTokenA: string;
let expiredTokenA: string;
let tamperedToken: string;
/** A CI token of tenant A allowed to upload to one app: every route in this table must refuse it. */
let apiTokenA: string;

const auth = (req: request.Test, token: string | undefined) => (token ? req.set(bearer(token)) : req);

const kindRoutes = (
  kind: 'channels' | 'platforms' | 'archs',
  field: string,
  listKey: string,
  nameKey: string,
) => {
  const singular = kind.slice(0, -1);
  const body = (name: string) =>
    kind === 'platforms'
      ? { [field]: name, updaters: [{ type: 'manual', default: true }] }
      : { [field]: name };
  const cases: RouteCase[] = [
    {
      route: `POST /${singular}/create`,
      right: { kind, action: 'create' },
      scoped: false,
      call: (app, token) =>
        auth(request(app.app).post(`/${singular}/create`), token).send(body(uniqueName(singular))),
    },
    {
      route: `GET /${singular}/list`,
      right: undefined,
      scoped: true,
      call: (app, token) => auth(request(app.app).get(`/${singular}/list`), token),
      listed: (b, target) =>
        ((b[listKey] as Record<string, string>[]) ?? []).some(
          (r) => r.ID === target.id && r[nameKey] === target.name,
        ),
    },
    {
      route: `POST /${singular}/update`,
      right: { kind, action: 'edit' },
      scoped: true,
      call: (app, token, target) =>
        auth(request(app.app).post(`/${singular}/update`), token).send({
          id: target.id,
          ...body(uniqueName(singular)),
        }),
    },
    {
      route: `DELETE /${singular}/delete`,
      right: { kind, action: 'delete' },
      scoped: true,
      call: (app, token, target) =>
        auth(request(app.app).delete(`/${singular}/delete`).query({ id: target.id }), token),
    },
  ];
  return cases;
};

const ROUTES: RouteCase[] = [
  {
    route: 'GET /whoami',
    right: undefined,
    scoped: false,
    call: (app, token) => auth(request(app.app).get('/whoami'), token),
  },
  {
    route: 'POST /app/create',
    right: { kind: 'apps', action: 'create' },
    scoped: false,
    call: (app, token) =>
      auth(request(app.app).post('/app/create'), token).field(
        'data',
        JSON.stringify({ app: uniqueName('app') }),
      ),
  },
  {
    route: 'GET /app/list',
    right: undefined,
    scoped: true,
    call: (app, token) => auth(request(app.app).get('/app/list'), token),
    listed: (b, target) => ((b.apps as Record<string, string>[]) ?? []).some((r) => r.ID === target.id),
  },
  {
    route: 'POST /app/update',
    right: { kind: 'apps', action: 'edit' },
    scoped: true,
    call: (app, token, target) =>
      auth(request(app.app).post('/app/update'), token).field(
        'data',
        JSON.stringify({ id: target.id, app: uniqueName('app'), description: 'updated' }),
      ),
  },
  {
    route: 'DELETE /app/delete',
    right: { kind: 'apps', action: 'delete' },
    scoped: true,
    call: (app, token, target) =>
      auth(request(app.app).delete('/app/delete').query({ id: target.id }), token),
  },
  ...kindRoutes('channels', 'channel', 'channels', 'ChannelName'),
  ...kindRoutes('platforms', 'platform', 'platforms', 'PlatformName'),
  ...kindRoutes('archs', 'arch', 'archs', 'ArchID'),
  {
    route: 'POST /user/create',
    right: 'admin',
    scoped: false,
    call: (app, token) =>
      auth(request(app.app).post('/user/create'), token).send({
        username: uniqueName('member'),
        password: PASSWORD,
        permissions: {},
      }),
  },
  {
    route: 'GET /users/list',
    right: 'admin',
    scoped: true,
    call: (app, token) => auth(request(app.app).get('/users/list'), token),
    listed: (b, target) => ((b.users as Record<string, string>[]) ?? []).some((u) => u.id === target.id),
  },
  {
    route: 'POST /user/update',
    right: 'admin',
    scoped: true,
    call: (app, token, target) =>
      auth(request(app.app).post('/user/update'), token).send({
        id: target.id,
        username: target.name,
        permissions: {},
      }),
  },
  {
    route: 'DELETE /user/delete',
    right: 'admin',
    scoped: true,
    call: (app, token, target) =>
      auth(request(app.app).delete('/user/delete'), token).send({ id: target.id }),
  },
];

/** Makes the route's target resource in tenant A (as admin A). */
async function makeTarget(rc: RouteCase): Promise<Target> {
  if (rc.right === 'admin') {
    const member = await newTeamUser(t.app, adminA.token, {});
    return { id: member.id, name: member.username };
  }
  const kind =
    rc.right?.kind ??
    (rc.route.includes('/app/')
      ? 'apps'
      : rc.route.includes('/channel/')
        ? 'channels'
        : rc.route.includes('/platform/')
          ? 'platforms'
          : rc.route.includes('/arch/')
            ? 'archs'
            : undefined);
  if (!kind) return { id: '', name: '' };
  const singular = kind.slice(0, -1);
  const name = uniqueName(singular);
  let res: request.Response;
  if (kind === 'apps') {
    res = await request(t.app)
      .post('/app/create')
      .set(bearer(adminA.token))
      .field('data', JSON.stringify({ app: name }));
  } else {
    const body: Record<string, unknown> = { [singular]: name };
    if (kind === 'platforms') body.updaters = [{ type: 'manual', default: true }];
    res = await request(t.app).post(`/${singular}/create`).set(bearer(adminA.token)).send(body);
  }
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const key = `create${singular[0]?.toUpperCase()}${singular.slice(1)}Result.Created`;
  return { id: res.body[key] as string, name };
}

function teamPermissions(
  rc: RouteCase,
  target: Target,
  withFlag: boolean,
  allowed: boolean,
): PermissionInput {
  if (rc.right === undefined || rc.right === 'admin') {
    // Routes without a flag: give every flag so only the allowed list matters.
    const all = { create: true, delete: true, edit: true, download: true, upload: true };
    const kind = rc.route.includes('/app/')
      ? 'apps'
      : rc.route.includes('/channel/')
        ? 'channels'
        : rc.route.includes('/platform/')
          ? 'platforms'
          : 'archs';
    // The targets of admin-only routes are team users, which no allowed list holds.
    const grant = allowed && target.id && rc.right !== 'admin';
    return { [kind]: { ...all, allowed: grant ? [target.id] : [] } };
  }
  const { kind, action } = rc.right;
  return { [kind]: { [action]: withFlag, allowed: allowed && rc.scoped ? [target.id] : [] } };
}

/** The caller's token for one case; team users are made per case so their allowed lists fit the target. */
async function tokenFor(caller: Caller, rc: RouteCase, target: Target): Promise<string | undefined> {
  switch (caller) {
    case 'admin':
      return adminA.token;
    case 'otherTenantAdmin':
      return adminB.token;
    case 'noToken':
      return undefined;
    case 'expiredToken':
      return expiredTokenA;
    case 'tamperedToken':
      return tamperedToken;
    case 'revokedToken':
      return revokedTokenA;
    case 'apiToken':
      return apiTokenA;
    case 'teamWithRight':
      return (await newTeamUser(t.app, adminA.token, teamPermissions(rc, target, true, true))).token;
    case 'teamWithoutRight':
      return (await newTeamUser(t.app, adminA.token, teamPermissions(rc, target, false, true))).token;
    case 'teamNotAllowed':
      return (await newTeamUser(t.app, adminA.token, teamPermissions(rc, target, true, false))).token;
  }
}

/** What each caller must get: a status, and for list routes whether the target is visible. */
function expected(rc: RouteCase, caller: Caller): { status: number; visible?: boolean } {
  if (
    caller === 'noToken' ||
    caller === 'expiredToken' ||
    caller === 'tamperedToken' ||
    caller === 'revokedToken'
  ) {
    return { status: 401 };
  }
  if (caller === 'apiToken') return { status: 403 };
  if (caller === 'admin') return { status: 200, visible: true };
  if (rc.right === 'admin') {
    if (caller === 'otherTenantAdmin')
      return rc.scoped && !rc.listed ? { status: 404 } : { status: 200, visible: false };
    return { status: 403 };
  }
  if (caller === 'otherTenantAdmin') {
    if (!rc.scoped) return { status: 200 };
    return rc.listed ? { status: 200, visible: false } : { status: 404 };
  }
  if (rc.right === undefined) {
    // Listing or whoami: any team user may call; the allowed list decides what a list shows.
    return { status: 200, visible: caller !== 'teamNotAllowed' };
  }
  if (caller === 'teamWithoutRight') return { status: 403 };
  if (caller === 'teamNotAllowed') return rc.scoped ? { status: 403 } : { status: 200 };
  return { status: 200 };
}

beforeAll(async () => {
  t = await createTestApp();
  adminA = await newAdmin(t.app);
  adminB = await newAdmin(t.app);
  // Admin A's first token is revoked by a password change; A goes on with the token that change returns.
  revokedTokenA = adminA.token;
  const who = await request(t.app).get('/whoami').set(bearer(adminA.token)).expect(200);
  const changed = await request(t.app)
    .post('/admin/update')
    .set(bearer(adminA.token))
    .send({ id: who.body.id, username: adminA.username, password: `${PASSWORD}-2` })
    .expect(200);
  const relogin = await request(t.app)
    .post('/login')
    .send({ username: adminA.username, password: `${PASSWORD}-2` })
    .expect(200);
  expect(changed.body.message).toBe('Admin updated successfully');
  adminA = { username: adminA.username, token: relogin.body.token };

  const claims = jwt.decode(adminA.token) as Record<string, unknown>;
  const { exp: _exp, iat: _iat, ...rest } = claims;
  expiredTokenA = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 60 }, t.ctx.config.jwtSecret, {
    algorithm: 'HS256',
  });
  // Same claims, wrong signature: what a forger without the secret can do.
  tamperedToken = jwt.sign(rest, 'not-the-server-secret-at-all', { algorithm: 'HS256' });

  const app = await request(t.app)
    .post('/app/create')
    .set(bearer(adminA.token))
    .field('data', JSON.stringify({ app: uniqueName('tokenapp') }))
    .expect(200);
  const created = await request(t.app)
    .post('/token/create')
    .set(bearer(adminA.token))
    .send({ name: 'ci', allowed_apps: [app.body['createAppResult.Created']] })
    .expect(201);
  apiTokenA = created.body.token;
});

afterAll(async () => {
  await t?.close();
});

describe.each(ROUTES)('$route', (rc) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const target = await makeTarget(rc);
    const token = await tokenFor(caller, rc, target);
    const res = await rc.call(t, token, target);
    const want = expected(rc, caller);
    expect(res.status, `${rc.route} as ${caller}: ${JSON.stringify(res.body)}`).toBe(want.status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    if (res.status >= 400) expect(typeof res.body.error).toBe('string');
    if (rc.listed && want.visible !== undefined && res.status === 200) {
      expect(rc.listed(res.body, target), `${rc.route} as ${caller}: target visibility`).toBe(want.visible);
    }
  });
});

describe('forged tokens', () => {
  it('refuses alg=none and a team user re-signed as admin', async () => {
    const claims = jwt.decode(adminA.token) as Record<string, unknown>;
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    await request(t.app)
      .get('/whoami')
      .set(bearer(`${header}.${payload}.`))
      .expect(401);

    const member = await newTeamUser(t.app, adminA.token, {});
    const memberClaims = jwt.decode(member.token) as Record<string, unknown>;
    const [h, , s] = member.token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...memberClaims, role: 'admin' })).toString('base64url');
    await request(t.app)
      .get('/users/list')
      .set(bearer(`${h}.${elevated}.${s}`))
      .expect(401);
  });

  it('refuses a malformed Authorization header', async () => {
    for (const header of ['Bearer', 'Basic abc', 'Bearer a b', 'token']) {
      const res = await request(t.app).get('/whoami').set('Authorization', header);
      expect(res.status, header).toBe(401);
    }
  });
});

describe('admin-only /admin/update', () => {
  it('refuses team users, other tenants and anonymous callers', async () => {
    const who = await request(t.app).get('/whoami').set(bearer(adminA.token)).expect(200);
    const body = { id: who.body.id, username: adminA.username, password: 'another-password-1' };
    const member = await newTeamUser(t.app, adminA.token, {
      apps: { create: true, delete: true, edit: true },
    });
    await request(t.app).post('/admin/update').set(bearer(member.token)).send(body).expect(403);
    await request(t.app).post('/admin/update').set(bearer(adminB.token)).send(body).expect(403);
    await request(t.app).post('/admin/update').send(body).expect(401);
    // A's password did not change.
    await request(t.app)
      .post('/login')
      .send({ username: adminA.username, password: `${PASSWORD}-2` })
      .expect(200);
  });
});

describe('team users’ channel, platform and arch limits on every write of versions and artifacts', () => {
  /** Admin A's release of `app` in beta for win/x64 with two files; the team user has every apps right and the app. */
  async function betaRelease(): Promise<{ id: string; app: string; ids: Record<string, string> }> {
    const app = uniqueName('limits');
    const appId = await createApp(t.app, adminA.token, app);
    const ids: Record<string, string> = { app: appId };
    for (const [kind, name] of [
      ['channel', 'stable'],
      ['channel', 'beta'],
      ['platform', 'win'],
      ['platform', 'mac'],
      ['arch', 'x64'],
      ['arch', 'arm64'],
    ] as const) {
      const list = await request(t.app).get(`/${kind}/list`).set(bearer(adminA.token)).expect(200);
      const rows = Object.values(list.body)[0] as Record<string, string>[];
      const known = rows.find((r) => Object.values(r).includes(name));
      ids[name] = known?.ID ?? (await createNamed(t.app, adminA.token, kind, name));
    }
    const res = await upload(
      t.app,
      adminA.token,
      { app_name: app, version: '1.0.0', channel: 'beta', platform: 'win', arch: 'x64' },
      [
        { name: 'a.exe', content: Buffer.from('a') },
        { name: 'b.exe', content: Buffer.from('b') },
      ],
    ).expect(200);
    return { id: res.body['uploadResult.Uploaded'] as string, app, ids };
  }

  const all = { create: true, delete: true, edit: true, download: true, upload: true };
  async function member(
    ids: Record<string, string>,
    channels: string[],
    platforms: string[],
    archs: string[],
  ) {
    const pick = (names: string[]) => names.map((n) => ids[n] ?? '');
    return newTeamUser(t.app, adminA.token, {
      apps: { ...all, allowed: [ids.app ?? ''] },
      channels: { allowed: pick(channels) },
      platforms: { allowed: pick(platforms) },
      archs: { allowed: pick(archs) },
    });
  }

  const calls = {
    update: (token: string, r: { id: string; app: string }) =>
      sendForm(t.app, '/apps/update', token, [
        {
          name: 'data',
          value: JSON.stringify({ id: r.id, app_name: r.app, version: '1.0.0', publish: false }),
        },
      ]),
    artifactDelete: (token: string, r: { id: string; app: string }) =>
      sendForm(t.app, '/artifact/delete', token, [
        {
          name: 'data',
          value: JSON.stringify({ id: r.id, app_name: r.app, version: '1.0.0', artifacts_to_delete: ['0'] }),
        },
      ]),
    versionDelete: (token: string, r: { id: string }) =>
      request(t.app).delete('/apps/delete').query({ id: r.id }).set(bearer(token)),
  };

  async function published(r: { app: string; id: string }) {
    const res = await request(t.app)
      .get('/search')
      .query({ app_name: r.app })
      .set(bearer(adminA.token))
      .expect(200);
    return (res.body.items as { ID: string; Published: boolean; Artifacts: unknown[] }[]).find(
      (i) => i.ID === r.id,
    );
  }

  it.each([
    ['a user limited to channel stable', ['stable'], ['win'], ['x64'], 'channel'],
    ['a user limited to platform mac', ['beta'], ['mac'], ['x64'], 'platform'],
    ['a user limited to arch arm64', ['beta'], ['win'], ['arm64'], 'arch'],
  ])(
    '%s may not unpublish, delete artifacts or delete the beta win/x64 release',
    async (_label, channels, platforms, archs, kind) => {
      const r = await betaRelease();
      const user = await member(r.ids, channels, platforms, archs);
      const refused: ((token: string, r: { id: string; app: string }) => ReturnType<typeof calls.update>)[] =
        [calls.versionDelete];
      // Editing a version's flags is a write of the version: its channel decides; platforms and archs are its files'.
      if (kind === 'channel') refused.push(calls.update, calls.artifactDelete);
      else {
        await calls.update(user.token, r).expect(200);
        // Artifact indexes count in the list /search shows the caller, which holds none of these files.
        await calls.artifactDelete(user.token, r).expect(404);
      }
      for (const call of refused) {
        const res = await call(user.token, r).expect(403);
        expect(res.body.error).toBe(
          `you don't have access to this ${kind}: ask your admin to add it to your allowed list`,
        );
      }
      expect((await published(r))?.Artifacts).toHaveLength(2);
    },
  );

  it('a user allowed the channel, platform and arch may do all three', async () => {
    const r = await betaRelease();
    const user = await member(r.ids, ['beta'], ['win'], ['x64']);
    await calls.update(user.token, r).expect(200);
    expect((await published(r))?.Published).toBe(false);
    await calls.artifactDelete(user.token, r).expect(200);
    expect((await published(r))?.Artifacts).toHaveLength(1);
    await calls.versionDelete(user.token, r).expect(200);
    expect(await published(r)).toBeUndefined();
  });
});
