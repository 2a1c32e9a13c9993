import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutBucket } from '../../src/core/releases/rollout.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { deviceWhere, feedTenant, publisher, rawBody, rolloutSeedOf } from '../helpers/feeds.js';
import { upload } from '../helpers/releases.js';

/** What every feed shares: the files route, names and segments, private apps, and the feed doctor. */
describe('feed family routes', () => {
  let t: TestApp;
  let admin: { token: string; username: string };
  let base: string;
  const installer = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  let seed = '';

  beforeAll(async () => {
    t = await createTestApp();
    const tenant = await feedTenant(t, {
      apps: ['Feeds Lab', { name: 'Secret', private: true }],
      channels: ['stable', 'beta'],
      platforms: { win32: [] },
      archs: ['x64'],
    });
    admin = { token: tenant.token, username: tenant.owner };
    const where = { app_name: 'Feeds Lab', channel: 'stable', platform: 'win32', arch: 'x64' };
    const publish = publisher(t, admin.token, where);
    await publish('1.0.0', [{ name: 'Feeds Lab Setup 1.0.0.exe', content: installer }]);
    await publish(
      '1.1.0',
      [{ name: 'Feeds Lab Setup 1.1.0.exe', content: Buffer.concat([installer, Buffer.from('v1.1')]) }],
      { rollout: 30 },
    );
    await upload(t.app, admin.token, { ...where, version: '1.2.0' }, [
      { name: 'Feeds Lab Setup 1.2.0.exe', content: installer },
    ]).expect(200);
    await publish('2.0.0', [{ name: 'Feeds Lab Setup 2.0.0.exe', content: installer }], { channel: 'beta' });
    base = `/update/${encodeURIComponent(admin.username)}/Feeds%20Lab/stable/win32/x64`;
    seed = await rolloutSeedOf(t, '1.1.0');
  });
  afterAll(() => t.close());

  it('serves a published file at {version}/{name} with its exact bytes', async () => {
    const res = await rawBody(request(t.app).get(`${base}/1.0.0/Feeds%20Lab%20Setup%201.0.0.exe`)).expect(
      200,
    );
    expect((res.body as Buffer).equals(installer)).toBe(true);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('answers single and multiple ranges (differential updates)', async () => {
    const one = await rawBody(
      request(t.app).get(`${base}/1.0.0/Feeds%20Lab%20Setup%201.0.0.exe`).set('Range', 'bytes=10-19'),
    ).expect(206);
    expect((one.body as Buffer).equals(installer.subarray(10, 20))).toBe(true);
    const many = await rawBody(
      request(t.app).get(`${base}/1.0.0/Feeds%20Lab%20Setup%201.0.0.exe`).set('Range', 'bytes=0-3, 100-103'),
    ).expect(206);
    expect(many.headers['content-type']).toMatch(/^multipart\/byteranges; boundary=/);
    const text = (many.body as Buffer).toString('latin1');
    expect(text).toContain('Content-Range: bytes 0-3/5000');
    expect(text).toContain('Content-Range: bytes 100-103/5000');
  });

  it('finds a file by name from another version folder, and ignoring case when nothing matches exactly', async () => {
    await request(t.app).get(`${base}/0.9.0/Feeds%20Lab%20Setup%201.0.0.exe`).expect(200);
    await request(t.app).get(`${base}/Feeds%20Lab%20Setup%201.0.0.exe`).expect(200);
    const lower = `/update/${encodeURIComponent(admin.username.toLowerCase())}/feeds%20lab/stable/win32/x64/1.0.0/feeds%20lab%20setup%201.0.0.exe`;
    const res = await rawBody(request(t.app).get(lower)).expect(200);
    expect(createHash('sha256').update(res.body).digest('hex')).toBe(
      createHash('sha256').update(installer).digest('hex'),
    );
  });

  it('never serves unpublished files, other channels’ files, or a private app’s', async () => {
    await request(t.app).get(`${base}/1.2.0/Feeds%20Lab%20Setup%201.2.0.exe`).expect(404);
    await request(t.app).get(`${base}/2.0.0/Feeds%20Lab%20Setup%202.0.0.exe`).expect(404);
    const res = await request(t.app)
      .get(`/update/${encodeURIComponent(admin.username)}/Secret/stable/win32/x64/any.exe`)
      .expect(404);
    // Word for word what a missing app gets: anonymous callers cannot tell a private app from no app.
    const missing = await request(t.app)
      .get(`/update/${encodeURIComponent(admin.username)}/Secret2/stable/win32/x64/any.exe`)
      .expect(404);
    expect(res.body.error.replace('Secret', 'Secret2')).toBe(missing.body.error);
    const feed = await request(t.app)
      .get(`/update/${encodeURIComponent(admin.username)}/Secret/stable/win32/x64/latest.yml`)
      .expect(404);
    const missingFeed = await request(t.app)
      .get(`/update/${encodeURIComponent(admin.username)}/Secret2/stable/win32/x64/latest.yml`)
      .expect(404);
    expect(feed.body.error.replace('Secret', 'Secret2')).toBe(missingFeed.body.error);
  });

  it('refuses unknown names with a message saying what to use, and `_` only where a tenant has none', async () => {
    const res = await request(t.app)
      .get(`/update/${encodeURIComponent(admin.username)}/Feeds%20Lab/nightly/win32/x64/x.exe`)
      .expect(404);
    expect(res.body.error).toMatch(/no channel "nightly"/);
    await request(t.app)
      .get(`/update/${encodeURIComponent(admin.username)}/Feeds%20Lab/_/win32/x64/x.exe`)
      .expect(404);
    await request(t.app).get('/update/nobody-here/Feeds%20Lab/stable/win32/x64/x.exe').expect(404);
    const bad = await request(t.app).get(`${base}/%E0%A4%A/x.exe`);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
  });

  describe('feed doctor', () => {
    const explain = (token: string, query: Record<string, string>) =>
      request(t.app).get(`${base}/explain`).query(query).set(bearer(token));

    it('explains every version of the app for one client', async () => {
      const inside = deviceWhere(seed, (b) => b < 30);
      const res = await explain(admin.token, { version: '1.0.0', id: inside }).expect(200);
      const byVersion = Object.fromEntries(
        (res.body.versions as { version: string }[]).map((v) => [v.version, v]),
      );
      expect(byVersion['1.2.0']).toMatchObject({ eligible: false, reason: 'not published' });
      expect(byVersion['2.0.0']).toMatchObject({ eligible: false, reason: 'in channel beta, not stable' });
      expect(byVersion['1.1.0']).toMatchObject({
        eligible: true,
        rollout: { percent: 30, included: true },
      });
      expect(byVersion['1.0.0']).toMatchObject({ reason: 'eligible, but not newer than the client' });
      expect(res.body.feed).toMatchObject({
        app: 'Feeds Lab',
        channel: 'stable',
        platform: 'win32',
        arch: 'x64',
      });
      expect(res.body.sentence).toMatch(
        /^A client on 1\.0\.0 with id device-\d+ of Feeds Lab stable win32\/x64/,
      );
    });

    it('names the rollout bucket of a client outside the rollout', async () => {
      const outside = deviceWhere(seed, (b) => b >= 30);
      const res = await explain(admin.token, { version: '1.0.0', id: outside }).expect(200);
      const v = (res.body.versions as { version: string; reason: string }[]).find(
        (x) => x.version === '1.1.0',
      );
      expect(v?.reason).toContain(`this client's bucket is ${rolloutBucket(outside, seed)}`);
      for (const feed of res.body.feeds as { offers: string | null }[]) expect(feed.offers).toBeNull();
      expect(res.body.sentence).toMatch(/gets no update from any feed/);
    });

    it('validates its parameters', async () => {
      expect((await explain(admin.token, { version: 'one' }).expect(400)).body.error).toMatch(/version/);
      expect((await explain(admin.token, { updater: 'squirrel' }).expect(400)).body.error).toMatch(/updater/);
      await explain(admin.token, { id: 'x'.repeat(300) }).expect(400);
    });

    it('is for the owner’s accounts only', async () => {
      await request(t.app).get(`${base}/explain`).expect(401);
      const stranger = await newAdmin(t.app);
      await explain(stranger.token, {}).expect(404);
      const team = await newTeamUser(t.app, admin.token, { apps: { allowed: [] } });
      await explain(team.token, {}).expect(403);
    });
  });
});
