import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { sendForm } from '../helpers/releases.js';

/** FaynoSync's app flags `tuf` and `cdn`, sent as its clients send them: JSON strings in the multipart `data`. */

let t: TestApp;
let admin: { username: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await newAdmin(t.app);
});

afterAll(async () => {
  await t?.close();
});

const form = (path: string, data: Record<string, unknown>) =>
  sendForm(t.app, path, admin.token, [{ name: 'data', value: JSON.stringify(data) }]);

async function listed(id: string) {
  const res = await request(t.app).get('/app/list').set(bearer(admin.token)).expect(200);
  return (res.body.apps as { ID: string; Tuf: boolean; CdnEdge: boolean; Private: boolean }[]).find(
    (a) => a.ID === id,
  );
}

describe('app flags tuf and cdn', () => {
  it('are taken as string booleans on create and listed as Tuf and CdnEdge', async () => {
    const res = await form('/app/create', { app: 'flagged', tuf: 'true', cdn: 'true' }).expect(200);
    const id = res.body['createAppResult.Created'] as string;
    expect(await listed(id)).toMatchObject({ Tuf: true, CdnEdge: true, Private: false });

    const plain = await form('/app/create', { app: 'plain' }).expect(200);
    expect(await listed(plain.body['createAppResult.Created'])).toMatchObject({ Tuf: false, CdnEdge: false });
  });

  it('keep their value when an update leaves them out, and change when it sends them', async () => {
    const res = await form('/app/create', { app: 'kept', tuf: 'true', cdn: 'true' }).expect(200);
    const id = res.body['createAppResult.Created'] as string;
    await form('/app/update', { id, app: 'kept', description: 'only this' }).expect(200);
    expect(await listed(id)).toMatchObject({ Tuf: true, CdnEdge: true });
    await form('/app/update', { id, app: 'kept', tuf: 'false' }).expect(200);
    expect(await listed(id)).toMatchObject({ Tuf: false, CdnEdge: true });
    await form('/app/update', { id, app: 'kept', cdn: 'FALSE', tuf: true }).expect(200);
    expect(await listed(id)).toMatchObject({ Tuf: true, CdnEdge: false });
  });

  it('refuses a value that is not a boolean', async () => {
    const res = await form('/app/create', { app: 'odd', tuf: 'yes' }).expect(400);
    expect(res.body.error).toBe('tuf must be true or false');
    const cdn = await form('/app/create', { app: 'odd', cdn: 2 }).expect(400);
    expect(cdn.body.error).toBe('cdn must be true or false');
  });

  it('refuses cdn for a private app, on create and on update', async () => {
    const create = await form('/app/create', { app: 'hidden', private: 'true', cdn: 'true' }).expect(400);
    expect(create.body.error).toMatch(/cdn cannot be turned on for a private app/);
    const res = await form('/app/create', { app: 'hidden', private: 'true', tuf: 'true' }).expect(200);
    const id = res.body['createAppResult.Created'] as string;
    const update = await form('/app/update', { id, app: 'hidden', cdn: 'true' }).expect(400);
    expect(update.body.error).toMatch(/cdn cannot be turned on for a private app/);
    await form('/app/update', { id, app: 'hidden', cdn: 'false' }).expect(200);
    expect(await listed(id)).toMatchObject({ Private: true, Tuf: true, CdnEdge: false });
  });
});

describe('/tuf/v1/*', () => {
  it('answers 501 naming the feature, for every route and method', async () => {
    for (const [method, path] of [
      ['post', '/tuf/v1/bootstrap'],
      ['get', '/tuf/v1/bootstrap/locks'],
      ['post', '/tuf/v1/artifacts/publish'],
      ['put', '/tuf/v1/config'],
      ['get', '/tuf/v1/metadata/online'],
    ] as const) {
      const res = await request(t.app)[method](path).set(bearer(admin.token));
      expect(res.status, path).toBe(501);
      expect(res.body.error).toMatch(/TUF signing .* not implemented/);
    }
  });
});
