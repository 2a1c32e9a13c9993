import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { bootstrapAdmin, CustomerClient, newCustomer } from '../helpers/bindist.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The 401 shape: BinDist's envelope plus the authorizer's top-level `message`. */
function expectUnauthorized(res: request.Response) {
  expect(res.status).toBe(401);
  expect(res.body.success).toBe(false);
  expect(res.body.error.code).toBe('UNAUTHORIZED');
  expect(typeof res.body.message).toBe('string');
  expect(res.body.message).toBe(res.body.error.message);
  expect(Number.isNaN(Date.parse(res.body.error.timestamp))).toBe(false);
  expect(res.body.meta.requestId).toBeTruthy();
}

describe('BinDist keys', () => {
  it('bootstraps the admin key with the Updraft JWT; the key is {tenantId}.{secret} and only its hash is stored', async () => {
    const { apiKey, tenantId } = await bootstrapAdmin(t.app);
    expect(apiKey).toMatch(/^[0-9a-f]{24}\.[A-Za-z0-9_-]{43}$/);
    const rows = await t.ctx.database.db
      .selectFrom('bindist_admin_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(rows).toHaveLength(1);
    const secret = apiKey.split('.')[1] as string;
    expect(JSON.stringify(rows)).not.toContain(secret);
    const res = await request(t.app).get('/v1/applications').set(bearer(apiKey)).expect(200);
    expect(res.body).toMatchObject({
      success: true,
      data: { applications: [], isAdmin: true },
      meta: { version: '1.0.0' },
    });
  });

  it('accepts the bare secret as well as {tenantId}.{secret}, and refuses a tenant part that is not the key’s', async () => {
    const { apiKey } = await bootstrapAdmin(t.app);
    const other = await bootstrapAdmin(t.app);
    const secret = apiKey.split('.')[1] as string;
    await request(t.app).get('/v1/applications').set(bearer(secret)).expect(200);
    // BinDist's authorizer also takes the key without "Bearer ".
    await request(t.app).get('/v1/applications').set('Authorization', apiKey).expect(200);
    expectUnauthorized(
      await request(t.app)
        .get('/v1/applications')
        .set(bearer(`${other.tenantId}.${secret}`)),
    );
  });

  it('rotates with the admin key itself: the old key stops working at once', async () => {
    const { apiKey, tenantId } = await bootstrapAdmin(t.app);
    const res = await request(t.app)
      .post('/v1/management/admin/regenerate-key')
      .set(bearer(apiKey))
      .set('Content-Type', 'application/json')
      .expect(200);
    const next = res.body.data.apiKey as string;
    expect(next).not.toBe(apiKey);
    expect(next.startsWith(`${tenantId}.`)).toBe(true);
    expectUnauthorized(await request(t.app).get('/v1/applications').set(bearer(apiKey)));
    await request(t.app).get('/v1/applications').set(bearer(next)).expect(200);
    const events = await t.ctx.database.db
      .selectFrom('bindist_audit_events')
      .select(['event_type', 'actor'])
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .execute();
    expect(events.map((e) => e.event_type)).toEqual(['ADMIN_KEY_REGENERATED', 'ADMIN_KEY_REGENERATED']);
    expect(events[1]?.actor).toBe('user:admin');
  });

  it('refuses a team user’s JWT, a forged JWT, and a customer key on the admin-key route', async () => {
    const { token } = await newAdmin(t.app);
    const team = await newTeamUser(t.app, token, {});
    const res = await request(t.app).post('/v1/management/admin/regenerate-key').set(bearer(team.token));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expectUnauthorized(
      await request(t.app)
        .post('/v1/management/admin/regenerate-key')
        .set(bearer(`${token}x`)),
    );
    const { admin } = await bootstrapAdmin(t.app);
    const customer = await newCustomer(admin, 'Acme');
    const refused = await request(t.app)
      .post('/v1/management/admin/regenerate-key')
      .set(bearer(customer.apiKey));
    expect(refused.status).toBe(403);
  });

  it('answers 401 with the envelope and a top-level message for missing, malformed, unknown and forged keys', async () => {
    const { apiKey } = await bootstrapAdmin(t.app);
    expectUnauthorized(await request(t.app).get('/v1/applications'));
    expectUnauthorized(await request(t.app).get('/v1/applications').set('Authorization', 'Bearer'));
    expectUnauthorized(await request(t.app).get('/v1/applications').set(bearer('short')));
    expectUnauthorized(
      await request(t.app)
        .get('/v1/applications')
        // The last character changed (to a different one, whatever it was).
        .set(bearer(`${apiKey.slice(0, -1)}${apiKey.endsWith('A') ? 'B' : 'A'}`)),
    );
    expectUnauthorized(
      await request(t.app)
        .get('/v1/applications')
        .set(bearer('a'.repeat(64))),
    );
    // A FaynoSync CI token or a JWT is no BinDist key.
    const { token } = await newAdmin(t.app);
    expectUnauthorized(await request(t.app).get('/v1/applications').set(bearer(token)));
  });

  it('refuses customer keys on management endpoints with 403 FORBIDDEN "Admin access required"', async () => {
    const { admin } = await bootstrapAdmin(t.app);
    const { client, customerId } = await newCustomer(admin, 'Acme');
    for (const res of [
      await client.get('/management/customers'),
      await client.post('/management/customers/admin/apikeys', { name: 'Sneaky' }),
      await client.patch(`/management/customers/${customerId}`, { tier: 'Enterprise' }),
      await client.post(`/management/customers/${customerId}/regenerate-key`),
      await client.get('/activity'),
      await client.get('/audit'),
      await client.post('/management/applications', { applicationId: 'x', name: 'x' }),
      await client.post('/management/upload', {
        applicationId: 'x',
        version: '1.0.0',
        fileName: 'a.exe',
        fileContent: 'AA==',
      }),
    ]) {
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(403);
      expect(res.error).toMatchObject({ code: 'FORBIDDEN', message: 'Admin access required' });
    }
  });

  it('refuses a disabled customer (401) and admits it again once re-enabled; a regenerated key replaces the old one', async () => {
    const { admin } = await bootstrapAdmin(t.app);
    const { client, customerId, apiKey } = await newCustomer(admin, 'Acme');
    expect((await client.listApplications()).statusCode).toBe(200);
    expect((await admin.updateCustomer(customerId, { isActive: false })).data.isActive).toBe(false);
    const refused = await client.listApplications();
    expect(refused.statusCode).toBe(401);
    expect(refused.raw.message).toMatch(/disabled/);
    await admin.updateCustomer(customerId, { isActive: true });
    expect((await client.listApplications()).statusCode).toBe(200);

    const regen = await admin.post(`/management/customers/${customerId}/regenerate-key`);
    expect(regen.statusCode).toBe(200);
    expect(regen.data).toMatchObject({
      customerId,
      apiKey: expect.stringMatching(/\./),
      apiSecret: expect.any(String),
    });
    expect((await client.listApplications()).statusCode).toBe(401);
    expect((await new CustomerClient(t.app, regen.data.apiKey).listApplications()).statusCode).toBe(200);
    expect(regen.data.apiKey).not.toBe(apiKey);
  });

  it('keeps an admin key to its own tenant', async () => {
    const a = await bootstrapAdmin(t.app);
    const b = await bootstrapAdmin(t.app);
    const { customerId } = await newCustomer(a.admin, 'Acme');
    expect((await b.admin.get(`/management/customers/${customerId}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/management/customers/${customerId}`, { name: 'Mine' })).statusCode).toBe(
      404,
    );
    expect((await b.admin.post(`/management/customers/${customerId}/regenerate-key`)).statusCode).toBe(404);
    expect((await b.admin.listCustomers()).data.customers).toEqual([]);
  });
});

describe('/v1 envelope, CORS and bodies', () => {
  it('answers unknown /v1 routes with the BinDist 404 envelope', async () => {
    const { apiKey } = await bootstrapAdmin(t.app);
    const res = await request(t.app).get('/v1/no/such/route').set(bearer(apiKey)).expect(404);
    expect(res.body).toMatchObject({
      success: false,
      error: { code: 'NOT_FOUND' },
      meta: { version: '1.0.0' },
    });
    expect(res.body.error.message).toMatch(/GET \/v1\/no\/such\/route/);
  });

  it('sends BinDist CORS headers on every answer and a 200 pre-flight', async () => {
    const pre = await request(t.app)
      .options('/v1/applications')
      .set('Origin', 'https://example.com')
      .expect(200);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-headers']).toBe('Content-Type,Authorization,X-Channel');
    expect(pre.headers['access-control-allow-methods']).toContain('PATCH');
    const denied = await request(t.app).get('/v1/applications').expect(401);
    expect(denied.headers['access-control-allow-origin']).toBe('*');
  });

  it('accepts Content-Type: application/json on bodiless GET, POST and DELETE, and an empty JSON body', async () => {
    const { admin, apiKey } = await bootstrapAdmin(t.app);
    expect((await admin.get('/applications')).statusCode).toBe(200);
    const { customerId } = await newCustomer(admin, 'Acme');
    const res = await request(t.app)
      .post(`/v1/management/customers/${customerId}/regenerate-key`)
      .set(bearer(apiKey))
      .set('Content-Type', 'application/json')
      .set('Content-Length', '0');
    expect(res.status).toBe(200);
    expect((await admin.delete('/management/customers/nope')).statusCode).toBe(404);
  });

  it('answers malformed JSON and a wrong body type with a 400 envelope, never a 500', async () => {
    const { apiKey, admin } = await bootstrapAdmin(t.app);
    const bad = await request(t.app)
      .post('/v1/management/customers')
      .set(bearer(apiKey))
      .set('Content-Type', 'application/json')
      .send('{"name":');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
    const arr = await admin.post('/management/customers', ['x']);
    expect(arr.statusCode).toBe(400);
    const big = await request(t.app)
      .post('/v1/management/customers')
      .set(bearer(apiKey))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x', notes: 'n'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('leaves the FaynoSync face as it was', async () => {
    const res = await request(t.app).get('/no-such-route').expect(404);
    expect(res.body).toEqual({ error: expect.stringMatching(/no route/) });
  });
});
