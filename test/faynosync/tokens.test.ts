import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFromApiToken } from '../../src/core/auth/api-tokens.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { upload } from '../helpers/releases.js';

const HEX_ID = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SCOPE = /^API tokens are restricted to app upload/;

interface Created {
  id: string;
  name: string;
  token: string;
  token_prefix: string;
  allowed_apps: string[];
  expires_at: string | null;
  created_at: string;
}

let t: TestApp;
let a: { username: string; token: string };
let b: { username: string; token: string };
let appsA: string[];
let appB: string;

async function createApp(token: string, name: string): Promise<string> {
  const res = await request(t.app)
    .post('/app/create')
    .set(bearer(token))
    .field('data', JSON.stringify({ app: name }))
    .expect(200);
  return res.body['createAppResult.Created'] as string;
}

const createToken = (token: string, body: unknown) =>
  request(t.app)
    .post('/token/create')
    .set(bearer(token))
    .send(body as object);

async function mint(body: Record<string, unknown>, admin = a): Promise<Created> {
  const res = await createToken(admin.token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Created;
}

const listTokens = async (token: string) =>
  (await request(t.app).get('/token/list').set(bearer(token)).expect(200)).body.tokens as Record<
    string,
    unknown
  >[];

beforeAll(async () => {
  t = await createTestApp();
  a = await newAdmin(t.app);
  b = await newAdmin(t.app);
  appsA = [
    await createApp(a.token, 'ci-one'),
    await createApp(a.token, 'ci-two'),
    await createApp(a.token, 'ci-three'),
  ];
  appB = await createApp(b.token, 'ci-one');
});

afterAll(async () => {
  await t?.close();
});

describe('POST /token/create', () => {
  it('answers 201 with the token once and stores only its hash', async () => {
    const res = await createToken(a.token, { name: 'ci', allowed_apps: [appsA[0], appsA[1]] });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.body as Created;
    expect(Object.keys(created).sort()).toEqual(
      ['allowed_apps', 'created_at', 'expires_at', 'id', 'name', 'token', 'token_prefix'].sort(),
    );
    expect(created.id).toMatch(HEX_ID);
    expect(created.name).toBe('ci');
    expect(created.token).toMatch(/^fns_[0-9a-f]{64}$/);
    expect(created.token_prefix).toBe(created.token.slice(0, 12));
    expect(created.allowed_apps).toEqual([appsA[0], appsA[1]]);
    expect(created.expires_at).toBeNull();
    expect(created.created_at).toMatch(ISO);

    const rows = await t.ctx.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it('keeps an expiry in the future and refuses one in the past', async () => {
    const future = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const created = await mint({
      name: 'expiring',
      allowed_apps: [appsA[0]],
      expires_at: future.toISOString(),
    });
    expect(created.expires_at).toBe(future.toISOString());
    const offset = await mint({
      name: 'offset',
      allowed_apps: [appsA[0]],
      expires_at: '2999-01-01T02:00:00+02:00',
    });
    expect(offset.expires_at).toBe('2999-01-01T00:00:00.000Z');

    const past = await createToken(a.token, {
      name: 'late',
      allowed_apps: [appsA[0]],
      expires_at: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body).toEqual({ error: 'expires_at must be in the future' });
    for (const expires_at of ['tomorrow', '2999-01-01', 1893456000, '2999-02-30T00:00:00Z']) {
      const res = await createToken(a.token, { name: 'bad', allowed_apps: [appsA[0]], expires_at });
      expect(res.status, String(expires_at)).toBe(400);
      expect(res.body.error, String(expires_at)).toMatch(/^Invalid request body/);
    }
  });

  it('refuses a body without a name or apps', async () => {
    for (const body of [
      { allowed_apps: [appsA[0]] },
      { name: '  ', allowed_apps: [appsA[0]] },
      { name: 'x'.repeat(101), allowed_apps: [appsA[0]] },
      { name: 'bad\nname', allowed_apps: [appsA[0]] },
      { name: 42, allowed_apps: [appsA[0]] },
      { name: 'ci' },
      { name: 'ci', allowed_apps: [] },
      { name: 'ci', allowed_apps: appsA[0] },
    ]) {
      const res = await createToken(a.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatch(/^Invalid request body/);
    }
    const notObject = await createToken(a.token, ['ci']);
    expect(notObject.status).toBe(400);
    expect(notObject.body.error).toMatch(/^invalid request body/i);
  });

  it("refuses app ids that are not the admin's apps, another tenant's included", async () => {
    const before = (await listTokens(a.token)).length;
    for (const allowed_apps of [
      [appB],
      [appsA[0], appB],
      ['ffffffffffffffffffffffff'],
      ['not-an-id'],
      [42],
    ]) {
      const res = await createToken(a.token, { name: 'ci', allowed_apps });
      expect(res.status, JSON.stringify(allowed_apps)).toBe(400);
      expect(res.body.error).toMatch(/^one or more allowed_apps are invalid/);
    }
    expect(await listTokens(a.token)).toHaveLength(before);
  });
});

describe('GET /token/list', () => {
  it('lists the tenant tokens newest first, without secrets, and [] when there are none', async () => {
    const fresh = await newAdmin(t.app);
    expect(await listTokens(fresh.token)).toEqual([]);
    const app = await createApp(fresh.token, 'listed');
    const first = await mint({ name: 'first', allowed_apps: [app] }, fresh);
    const second = await mint(
      { name: 'second', allowed_apps: [app], expires_at: '2999-01-01T00:00:00Z' },
      fresh,
    );
    const tokens = await listTokens(fresh.token);
    expect(tokens).toEqual([
      {
        id: second.id,
        name: 'second',
        token_prefix: second.token_prefix,
        allowed_apps: [app],
        expires_at: '2999-01-01T00:00:00.000Z',
        created_at: second.created_at,
      },
      {
        id: first.id,
        name: 'first',
        token_prefix: first.token_prefix,
        allowed_apps: [app],
        created_at: first.created_at,
      },
    ]);
    expect(JSON.stringify(tokens)).not.toContain(first.token);
    // Another tenant never sees them.
    const ofB = await listTokens(b.token);
    expect(ofB.map((token) => token.id)).not.toContain(first.id);
  });

  it('shows when a token was last used', async () => {
    const created = await mint({ name: 'used', allowed_apps: [appsA[2]] });
    await request(t.app).get('/app/list').set(bearer(created.token)).expect(403);
    const listed = (await listTokens(a.token)).find((token) => token.id === created.id);
    expect(listed?.last_used_at).toMatch(ISO);
  });
});

describe('DELETE /token/delete', () => {
  it('revokes a token: it is refused with 401 afterwards', async () => {
    const created = await mint({ name: 'revoked', allowed_apps: [appsA[0]] });
    expect((await request(t.app).get('/app/list').set(bearer(created.token))).status).toBe(403);
    const res = await request(t.app).delete('/token/delete').set(bearer(a.token)).send({ id: created.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Token revoked' });
    const after = await request(t.app).get('/app/list').set(bearer(created.token));
    expect(after.status).toBe(401);
    const again = await request(t.app).delete('/token/delete').set(bearer(a.token)).send({ id: created.id });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: 'Token not found' });
    const rows = await t.ctx.database.db
      .selectFrom('api_token_apps')
      .selectAll()
      .where('token_id', '=', created.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("refuses a bad id and never deletes another tenant's token", async () => {
    for (const id of [undefined, 'nope', 42, '']) {
      const res = await request(t.app).delete('/token/delete').set(bearer(a.token)).send({ id });
      expect(res.status, String(id)).toBe(400);
      expect(res.body.error).toMatch(/^Invalid token ID format/);
    }
    const ofB = await mint({ name: 'b-token', allowed_apps: [appB] }, b);
    const res = await request(t.app).delete('/token/delete').set(bearer(a.token)).send({ id: ofB.id });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Token not found' });
    // Still alive: refused for its scope (403), not unknown (401).
    expect((await request(t.app).get('/app/list').set(bearer(ofB.token))).status).toBe(403);
  });
});

describe('who may manage tokens', () => {
  it('refuses team users, even with every right', async () => {
    const member = await newTeamUser(t.app, a.token, {
      apps: { create: true, delete: true, edit: true, download: true, upload: true, allowed: appsA },
    });
    const create = await createToken(member.token, { name: 'mine', allowed_apps: [appsA[0]] });
    expect(create.status).toBe(403);
    expect(create.body).toEqual({ error: 'Admin access required' });
    expect((await request(t.app).get('/token/list').set(bearer(member.token))).status).toBe(403);
    const created = await mint({ name: 'kept', allowed_apps: [appsA[0]] });
    const del = await request(t.app)
      .delete('/token/delete')
      .set(bearer(member.token))
      .send({ id: created.id });
    expect(del.status).toBe(403);
    expect((await listTokens(a.token)).map((token) => token.id)).toContain(created.id);
  });

  it('needs a login', async () => {
    expect((await request(t.app).get('/token/list')).status).toBe(401);
    expect((await request(t.app).post('/token/create').send({})).status).toBe(401);
  });
});

describe('what an API token may do', () => {
  it('nothing but uploads: every other route answers 403', async () => {
    const { token } = await mint({ name: 'scope', allowed_apps: [appsA[0]] });
    const calls: [string, request.Test][] = [
      ['/app/list', request(t.app).get('/app/list')],
      ['/search', request(t.app).get('/search').query({ app_name: 'ci-one' })],
      ['/token/list', request(t.app).get('/token/list')],
      [
        '/token/create',
        request(t.app)
          .post('/token/create')
          .send({ name: 'more', allowed_apps: [appsA[0]] }),
      ],
      ['/download', request(t.app).get('/download').query({ key: 'any/key.bin' })],
      ['/telemetry', request(t.app).get('/telemetry')],
      ['/whoami', request(t.app).get('/whoami')],
      ['/channel/list', request(t.app).get('/channel/list')],
    ];
    for (const [route, call] of calls) {
      const res = await call.set(bearer(token));
      expect(res.status, route).toBe(403);
      expect(res.body.error, route).toMatch(SCOPE);
    }
  });

  it('uploads to its own apps only', async () => {
    const { token } = await mint({ name: 'uploader', allowed_apps: [appsA[2]] });
    const file = { name: 'Setup.exe', content: Buffer.from('installer bytes') };
    const ok = await upload(t.app, token, { app_name: 'ci-three', version: '1.0.0' }, [file]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const other = await upload(t.app, token, { app_name: 'ci-two', version: '1.0.0' }, [file]);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatch(/^api token has no access to this app/);
  });

  it('is refused with 401 once expired', async () => {
    const created = await mint({
      name: 'short',
      allowed_apps: [appsA[0]],
      expires_at: '2999-01-01T00:00:00Z',
    });
    await t.ctx.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', created.id)
      .execute();
    const res = await request(t.app).get('/app/list').set(bearer(created.token));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/^token expired/);
  });

  it('is refused with 401 when unknown', async () => {
    const res = await request(t.app)
      .get('/app/list')
      .set(bearer(`fns_${'0'.repeat(64)}`));
    expect(res.status).toBe(401);
  });

  it('loses an app when the app is deleted', async () => {
    const doomed = await createApp(a.token, 'doomed');
    const created = await mint({ name: 'two-apps', allowed_apps: [doomed, appsA[1]] });
    await request(t.app).delete('/app/delete').query({ id: doomed }).set(bearer(a.token)).expect(200);
    const listed = (await listTokens(a.token)).find((token) => token.id === created.id);
    expect(listed?.allowed_apps).toEqual([appsA[1]]);
    const actor = await actorFromApiToken(t.ctx.database.db, created.token);
    expect(actor.role).toBe('token');
    expect(actor.tokenApps).toEqual([appsA[1]]);
  });
});
