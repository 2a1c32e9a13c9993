import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { createApp, createNamed, upload } from '../helpers/releases.js';

/**
 * `GET /telemetry/beacon` (FaynoSync behaviour §9.1): what FaynoSync's SDK sends after a check its edgeURL answered,
 * with exactly the SDK's parameters (`buildEdgeTelemetryBeaconURL`) and its X-Device-ID header.
 */

let t: TestApp;
let admin: { username: string; token: string };

/** The SDK's beacon query, for the release line uploaded below. */
const sdkBeacon = (over: Record<string, string> = {}) => ({
  app_name: 'beacon app',
  version: '1.0.0',
  channel: 'stable',
  platform: 'linux',
  arch: 'x64',
  owner: admin.username,
  is_latest: 'false',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await newAdmin(t.app);
  await createNamed(t.app, admin.token, 'channel', 'stable');
  await createNamed(t.app, admin.token, 'platform', 'linux');
  await createNamed(t.app, admin.token, 'platform', 'mac');
  await createNamed(t.app, admin.token, 'arch', 'x64');
  await createApp(t.app, admin.token, 'beacon app');
  const res = await upload(
    t.app,
    admin.token,
    {
      app_name: 'beacon app',
      version: '1.1.0',
      channel: 'stable',
      platform: 'linux',
      arch: 'x64',
      publish: true,
    },
    [{ name: 'app.deb', content: randomBytes(32) }],
  );
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

async function summary() {
  await t.ctx.telemetry.flush();
  const res = await request(t.app).get('/telemetry').set(bearer(admin.token)).expect(200);
  return res.body as {
    summary: Record<string, number>;
    versions: { known_versions: string[] };
    platforms: { platform: string; client_count: number }[];
  };
}

describe('GET /telemetry/beacon', () => {
  it('records an edge-answered check, which /telemetry then counts', async () => {
    const res = await request(t.app).get('/telemetry/beacon').query(sdkBeacon()).set('X-Device-ID', 'dev-1');
    expect(res.status).toBe(204);
    await request(t.app)
      .get('/telemetry/beacon')
      .query(sdkBeacon({ version: '1.1.0', is_latest: 'true' }))
      .set('X-Device-ID', 'dev-2')
      .expect(204);
    const report = await summary();
    expect(report.summary).toMatchObject({
      total_requests: 2,
      unique_clients: 2,
      clients_using_latest_version: 1,
      clients_outdated: 1,
    });
    expect(report.versions.known_versions).toEqual(['1.0.0', '1.1.0']);
    expect(report.platforms).toEqual([{ platform: 'linux', client_count: 2 }]);
  });

  it('drops, with 204, a beacon for a release line that does not exist (FaynoSync’s allow-list)', async () => {
    const unknown: Record<string, string>[] = [
      { platform: 'mac' },
      { app_name: 'no such app' },
      { owner: 'nobody-here' },
      { channel: 'beta' },
    ];
    for (const over of unknown) {
      await request(t.app)
        .get('/telemetry/beacon')
        .query(sdkBeacon(over))
        .set('X-Device-ID', 'dev-3')
        .expect(204);
    }
    expect((await summary()).summary.total_requests).toBe(2);
  });

  it('answers 400 saying what is wrong with a malformed beacon', async () => {
    const bad = async (query: Record<string, string>, deviceId: string | undefined, words: RegExp) => {
      const req = request(t.app).get('/telemetry/beacon').query(query);
      const res = await (deviceId === undefined ? req : req.set('X-Device-ID', deviceId));
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error).toMatch(words);
    };
    await bad(sdkBeacon(), undefined, /X-Device-ID/);
    await bad(sdkBeacon(), 'x'.repeat(129), /X-Device-ID/);
    await bad(sdkBeacon({ is_latest: 'maybe' }), 'dev-4', /is_latest/);
    await bad(sdkBeacon({ is_latest: '' }), 'dev-4', /is_latest/);
    await bad(sdkBeacon({ channel: '' }), 'dev-4', /channel is required/);
    await bad(sdkBeacon({ arch: '../x' }), 'dev-4', /invalid arch/);
    await bad(sdkBeacon({ version: 'one' }), 'dev-4', /version/);
    await bad(sdkBeacon({ owner: '' }), 'dev-4', /owner/);
    expect((await summary()).summary.total_requests).toBe(2);
  });

  it('answers 403 when telemetry is off, as FaynoSync does', async () => {
    const off = await createTestApp({ TELEMETRY: 'false' });
    try {
      const res = await request(off.app)
        .get('/telemetry/beacon')
        .query(sdkBeacon())
        .set('X-Device-ID', 'dev-5')
        .expect(403);
      expect(res.body).toEqual({ error: 'Telemetry is not enabled on this instance' });
    } finally {
      await off.close();
    }
  });
});
