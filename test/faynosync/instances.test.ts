import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, usingPostgres } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import { createApp, upload } from '../helpers/releases.js';

/**
 * Two Updraft instances on one PostgreSQL database: a release published through one must show in the
 * other's update checks at once, although the other has the old answer cached. The embedded database has
 * a single instance by construction, so this runs in the PostgreSQL run only.
 */
describe.runIf(usingPostgres)('several instances on one PostgreSQL database', () => {
  let first: TestApp;
  let second: TestApp;
  let admin: { username: string; token: string };

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({}, { sameDatabaseAs: first });
    admin = await newAdmin(first.app);
    await createApp(first.app, admin.token, 'shared');
    const res = await upload(
      first.app,
      admin.token,
      { app_name: 'shared', version: '1.0.0', publish: true },
      [{ name: 'shared-1.0.0.zip', content: Buffer.from('one') }],
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const check = (t: TestApp) =>
    request(t.app)
      .get('/checkVersion')
      .query({ app_name: 'shared', version: '1.0.0', owner: admin.username });

  it('drops the other instance’s cached answer when a release is published', async () => {
    expect((await check(second).expect(200)).body.update_available).toBe(false);
    const res = await upload(
      first.app,
      admin.token,
      { app_name: 'shared', version: '1.1.0', publish: true },
      [{ name: 'shared-1.1.0.zip', content: Buffer.from('two') }],
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // NOTIFY arrives asynchronously: wait for it, bounded, rather than for a fixed time.
    const deadline = Date.now() + 10_000;
    let answer = (await check(second)).body;
    while (answer.update_available !== true && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      answer = (await check(second)).body;
    }
    expect(answer.update_available).toBe(true);
    expect(answer.update_url_zip).toContain('/1.1.0/');
  });
});
