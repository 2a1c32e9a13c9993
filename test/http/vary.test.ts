import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { feedTenant, publisher } from '../helpers/feeds.js';

/** Answers that depend on the device id and on the caller's origin must say both, or a shared cache mixes them. */
describe('Vary on the hot path', () => {
  let t: TestApp;
  let owner = '';
  const ORIGIN = 'https://downloads.example';

  beforeAll(async () => {
    t = await createTestApp({ ALLOWED_CORS: ORIGIN });
    const tenant = await feedTenant(t, {
      apps: ['Varied'],
      channels: ['stable'],
      platforms: { win: [] },
      archs: ['x64'],
    });
    owner = tenant.owner;
    const publish = publisher(t, tenant.token, {
      app_name: 'Varied',
      channel: 'stable',
      platform: 'win',
      arch: 'x64',
    });
    await publish('1.0.0', [{ name: 'Varied Setup 1.0.0.exe', content: Buffer.from('installer') }]);
  });
  afterAll(() => t.close());

  const fields = (header: string | undefined) => (header ?? '').split(',').map((f) => f.trim().toLowerCase());

  it('/checkVersion names Origin and X-Device-ID on a 200 for an allowed origin', async () => {
    const query = {
      app_name: 'Varied',
      version: '0.9.0',
      channel: 'stable',
      platform: 'win',
      arch: 'x64',
      owner,
    };
    const res = await request(t.app)
      .get('/checkVersion')
      .query(query)
      .set('Origin', ORIGIN)
      .set('X-Device-ID', 'd-1')
      .expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(fields(res.headers.vary)).toEqual(['origin', 'x-device-id']);
    // Without an allowed origin only the device id is named, as before.
    const plain = await request(t.app).get('/checkVersion').query(query).expect(200);
    expect(fields(plain.headers.vary)).toEqual(['x-device-id']);
  });

  it('a feed names Origin besides its device headers', async () => {
    const res = await request(t.app)
      .get(`/update/${owner}/Varied/stable/win/x64/latest.yml`)
      .set('Origin', ORIGIN)
      .expect(200);
    expect(fields(res.headers.vary)).toEqual(['origin', 'x-device-id', 'x-user-staging-id']);
  });
});
