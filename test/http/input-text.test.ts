import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { bootstrapAdmin, newCustomer } from '../helpers/bindist.js';

let t: TestApp;
let jwt: string;
let owner: string;
let customerKey: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ token: jwt, username: owner } = await newAdmin(t.app));
  const { admin } = await bootstrapAdmin(t.app);
  customerKey = (await newCustomer(admin, 'Acme')).apiKey;
});

afterAll(async () => {
  await t.close();
});

const NUL = '%00';
const BAD_UTF8 = '%C3%28';

describe.each([
  ['a NUL byte', NUL],
  ['invalid UTF-8', BAD_UTF8],
])('%s at the edge of every face', (_what, bad) => {
  it('the hot path answers its 400', async () => {
    for (const path of [
      `/checkVersion?app_name=app&version=1.0.0&owner=${bad}x`,
      `/checkVersion?app_name=app&version=1.0.0&owner=${owner}&channel=${bad}`,
      `/update/${bad}/app/stable/windows/x64/latest.yml`,
      `/update/${owner}/app${bad}/stable/windows/x64/RELEASES`,
      `/apps/latest?app_name=app&channel=stable&owner=${bad}`,
    ]) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatch(/NUL|UTF-8/);
    }
  });

  it('the FaynoSync API answers its 400, before authentication and for path parameters', async () => {
    for (const path of [
      `/download?key=${bad}`,
      `/app/${bad}`,
      `/search?app_name=${bad}`,
      `/files/public/${bad}/x.bin`,
      `/update/${owner}/app/stable/windows/x64/setup${bad}.exe`,
    ]) {
      const res = await request(t.app).get(path).set(bearer(jwt));
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatch(/NUL|UTF-8/);
    }
  });

  it('BinDist /v1 answers its 400 envelope', async () => {
    for (const path of [
      `/v1/applications?search=${bad}`,
      `/v1/applications/${bad}`,
      `/v1/downloads/url?applicationId=${bad}&version=1.0.0`,
      `/v1/downloads/d/${bad}`,
    ]) {
      const res = await request(t.app).get(path).set(bearer(customerKey));
      expect(res.status, path).toBe(400);
      expect(res.body.success, path).toBe(false);
      expect(res.body.error.code, path).toBe('BAD_REQUEST');
      expect(res.body.error.message, path).toMatch(/NUL|UTF-8/);
    }
  });
});

describe('JSON bodies', () => {
  const send = (path: string, body: string | Buffer, key = jwt) =>
    request(t.app).post(path).set(bearer(key)).set('Content-Type', 'application/json').send(body);

  it('refuse a NUL in any string or key with 400', async () => {
    for (const body of [
      '{"username":"a\\u0000b","password":"x"}',
      '{"username":"admin","password":"a\\u0000"}',
      '{"a\\u0000":"b","username":"admin","password":"x"}',
    ]) {
      const res = await send('/login', body);
      expect(res.status, body).toBe(400);
      expect(res.body.error).toMatch(/NUL/);
    }
    const v1 = await send('/v1/management/customers', '{"name":"a\\u0000b"}', customerKey);
    expect(v1.status).toBe(400);
    expect(v1.body.error.code).toBe('BAD_REQUEST');
  });

  it('refuse bytes that are not UTF-8, and nesting no route takes', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"username":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    // As raw bytes: superagent would serialise a Buffer sent as application/json; /login reads any type as JSON.
    const res = await request(t.app).post('/login').set('Content-Type', 'text/plain').send(latin1);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/UTF-8/);

    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const nested = await send('/login', deep);
    expect(nested.status).toBe(400);
    expect(nested.body.error).toMatch(/nested/);
  });

  it('still takes ordinary non-ASCII text and tolerates a malformed escape as before', async () => {
    const res = await send('/login', JSON.stringify({ username: 'zoë', password: 'pässwörd' }));
    expect(res.status).toBe(401);
    const check = await request(t.app).get(`/checkVersion?app_name=app&version=1.0.0&owner=${owner}&x=%zz`);
    expect(check.status).toBe(400);
    expect(check.body.error).toBe('app_name not found');
  });
});
