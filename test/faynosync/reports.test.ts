import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.js';
import { INFLATE_CHUNK_BYTES, inflatedSize } from '../../src/core/reports/details.js';
import { checkIngestLimits } from '../../src/core/reports/rate-limits.js';
import { pruneReports } from '../../src/core/reports/retention.js';
import { buildHandler } from '../../src/server.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser, uniqueName } from '../helpers/auth.js';
import { binaryBody, reportBody, waitForRoomInWindow } from '../helpers/reports.js';

let t: TestApp;
let admin: { username: string; token: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A FaynoSync app form as its dashboard sends it: `data` with string flags. */
async function createApp(token: string, data: Record<string, string>): Promise<string> {
  const res = await request(t.app)
    .post('/app/create')
    .set(bearer(token))
    .field('data', JSON.stringify(data))
    .expect(200);
  return res.body['createAppResult.Created'] as string;
}

function updateApp(token: string, data: Record<string, string>): request.Test {
  return request(t.app).post('/app/update').set(bearer(token)).field('data', JSON.stringify(data));
}

interface ListedKey {
  id: string;
  app_id: string;
  app_name: string;
  key_value: string;
  updated_at: string;
}

async function reportKeys(token: string): Promise<ListedKey[]> {
  const res = await request(t.app).get('/report-keys/list').set(bearer(token)).expect(200);
  return res.body.report_keys as ListedKey[];
}

async function keyOf(token: string, appId: string): Promise<string> {
  const key = (await reportKeys(token)).find((k) => k.app_id === appId)?.key_value;
  if (!key) throw new Error(`no report key listed for ${appId}`);
  return key;
}

/** An app with reports on, and its key. */
async function reportingApp(
  token: string,
  name = uniqueName('app'),
): Promise<{ id: string; name: string; key: string }> {
  const id = await createApp(token, { app: name, reports: 'true' });
  return { id, name, key: await keyOf(token, id) };
}

function ingest(key: string, body: unknown, device = uniqueName('device')): request.Test {
  return request(t.app)
    .post('/reports/ingest')
    .set('Authorization', `Bearer ${key}`)
    .set('X-Device-ID', device)
    .set('Content-Type', 'application/json')
    .send(typeof body === 'string' ? body : JSON.stringify(body));
}

function groups(token: string, query: Record<string, string> = {}): Promise<request.Response> {
  return request(t.app).get('/reports/groups').query(query).set(bearer(token)).expect(200);
}

async function blobsOf(token: string, hash: string) {
  const res = await request(t.app).get(`/reports/groups/${hash}/blobs`).set(bearer(token)).expect(200);
  return res.body.items as {
    id: string;
    url: string;
    storage: { key: string; compressed_size: number; decompressed_size: number; driver: string };
  }[];
}

/** The local driver's signed URL, fetched through the app (its host is API_URL). */
function download(url: string): request.Test {
  const u = new URL(url);
  return request(t.app)
    .get(u.pathname + u.search)
    .buffer(true)
    .parse(binaryBody);
}

async function blobRows(groupHash: string): Promise<{ storage_key: string }[]> {
  return t.ctx.database.db
    .selectFrom('report_blobs as b')
    .innerJoin('report_groups as g', 'g.id', 'b.group_id')
    .select('b.storage_key')
    .where('g.group_hash', '=', groupHash)
    .execute();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await newAdmin(t.app);
});

afterAll(async () => {
  await t?.close();
});

describe('the reports app flag and report keys', () => {
  it('mints an rpk_ key when an app is created with reports "true", and lists the flag as Reports', async () => {
    const withReports = await createApp(admin.token, { app: uniqueName('app'), reports: 'true' });
    const without = await createApp(admin.token, { app: uniqueName('app') });
    const apps = (await request(t.app).get('/app/list').set(bearer(admin.token)).expect(200)).body.apps as {
      ID: string;
      Reports: boolean;
    }[];
    expect(apps.find((a) => a.ID === withReports)?.Reports).toBe(true);
    expect(apps.find((a) => a.ID === without)?.Reports).toBe(false);
    const keys = await reportKeys(admin.token);
    const key = keys.find((k) => k.app_id === withReports);
    expect(key?.key_value).toMatch(/^rpk_[0-9a-f]{64}$/);
    expect(key?.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(keys.some((k) => k.app_id === without)).toBe(false);
  });

  it('stores only the hash and a sealed copy of the key, never the plaintext', async () => {
    const app = await reportingApp(admin.token);
    const row = await t.ctx.database.db
      .selectFrom('report_keys')
      .selectAll()
      .where('app_id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256(app.key));
    expect(JSON.stringify(row)).not.toContain(app.key.slice(4));
  });

  it('keeps the flag when update omits it, deletes the key when disabled and mints a new one when re-enabled', async () => {
    const app = await reportingApp(admin.token);
    await updateApp(admin.token, { id: app.id, app: app.name, description: 'x' }).expect(200);
    expect(await keyOf(admin.token, app.id)).toBe(app.key);

    await updateApp(admin.token, { id: app.id, app: app.name, reports: 'false' }).expect(200);
    expect((await reportKeys(admin.token)).some((k) => k.app_id === app.id)).toBe(false);
    const refused = await ingest(app.key, reportBody(app.name)).expect(401);
    expect(refused.body.error).toMatch(/invalid report key/);

    await updateApp(admin.token, { id: app.id, app: app.name, reports: 'true' }).expect(200);
    const fresh = await keyOf(admin.token, app.id);
    expect(fresh).not.toBe(app.key);
    await ingest(fresh, reportBody(app.name)).expect(202);
  });

  it('refuses a reports value that is not a boolean', async () => {
    const res = await request(t.app)
      .post('/app/create')
      .set(bearer(admin.token))
      .field('data', JSON.stringify({ app: uniqueName('app'), reports: 'maybe' }))
      .expect(400);
    expect(res.body.error).toBe('reports must be true or false');
  });

  it('regenerate replaces the key: the old one stops working at once', async () => {
    const app = await reportingApp(admin.token);
    const res = await request(t.app)
      .post('/report-keys/regenerate')
      .set(bearer(admin.token))
      .send({ app_id: app.id })
      .expect(200);
    expect(res.body).toEqual({ app_id: app.id, key_value: expect.stringMatching(/^rpk_[0-9a-f]{64}$/) });
    expect(res.body.key_value).not.toBe(app.key);
    expect(await keyOf(admin.token, app.id)).toBe(res.body.key_value);
    await ingest(app.key, reportBody(app.name)).expect(401);
    await ingest(res.body.key_value, reportBody(app.name)).expect(202);
  });

  it('regenerate says what is wrong with its input', async () => {
    const post = (body: unknown) =>
      request(t.app)
        .post('/report-keys/regenerate')
        .set(bearer(admin.token))
        .send(body as object);
    expect((await post({}).expect(400)).body.error).toMatch(/app_id is required/);
    expect((await post({ app_id: 'nope' }).expect(400)).body.error).toMatch(/24-character hex id/);
    await post({ app_id: 'ffffffffffffffffffffffff' }).expect(404);
    const off = await createApp(admin.token, { app: uniqueName('app'), reports: 'false' });
    expect((await post({ app_id: off }).expect(409)).body.error).toMatch(/reports are disabled/);
    const other = await newAdmin(t.app);
    const theirs = await reportingApp(other.token);
    await post({ app_id: theirs.id }).expect(404);
  });
});

describe('POST /reports/ingest', () => {
  let app: { id: string; name: string; key: string };

  beforeAll(async () => {
    app = await reportingApp(admin.token);
  });

  it('accepts a report with FaynoSync SDK body and headers: 202 with the grouping hash', async () => {
    const body = reportBody(app.name, { reason: 'happy.path' });
    const res = await ingest(app.key, body).expect(202);
    const expected = sha256(
      [app.name, '0.0.0.5', 'nightly', 'darwin', 'arm64', 'crash', 'happy.path'].join('|'),
    );
    expect(res.body).toEqual({ status: 'accepted', group_hash: expected, stored_details: false });

    const details = { stack: 'at foo()\nat bar()', code: 11 };
    const second = await ingest(app.key, reportBody(app.name, { reason: 'happy.path', details })).expect(202);
    expect(second.body).toEqual({ status: 'accepted', group_hash: expected, stored_details: true });

    const listed = await groups(admin.token, { app: app.name, reason: 'happy.path' });
    expect(listed.body).toMatchObject({ total: 1, page: 1, limit: 20 });
    const group = listed.body.items[0];
    expect(group).toMatchObject({
      group_hash: expected,
      app_id: app.id,
      application: { name: app.name, version: '0.0.0.5', channel: 'nightly' },
      system: { platform: 'darwin', arch: 'arm64' },
      event: { type: 'crash', reason: 'happy.path' },
      stats: { count: 2, details_stored: 1, details_rejected: 0 },
      status: 'open',
    });
    expect(group).not.toHaveProperty('tags');
    expect(group).not.toHaveProperty('note');

    const [blob] = await blobsOf(admin.token, expected);
    expect(blob?.storage).toMatchObject({
      driver: 'local',
      content_type: 'application/json',
      encoding: 'gzip',
      decompressed_size: Buffer.byteLength(JSON.stringify(details)),
    });
    const file = await download(blob?.url ?? '').expect(200);
    expect(JSON.parse(gunzipSync(file.body as Buffer).toString('utf8'))).toEqual(details);
  });

  it('refuses bad credentials with 401 and a missing X-Device-ID with 400', async () => {
    const body = JSON.stringify(reportBody(app.name));
    const post = () => request(t.app).post('/reports/ingest').set('Content-Type', 'application/json');
    expect((await post().set('X-Device-ID', 'd').send(body).expect(401)).body.error).toMatch(/authorization/);
    await post().set('X-Device-ID', 'd').set('Authorization', `Bearer ${admin.token}`).send(body).expect(401);
    await post()
      .set('X-Device-ID', 'd')
      .set('Authorization', `Bearer rpk_${'0'.repeat(64)}`)
      .send(body)
      .expect(401);
    const noDevice = await post().set('Authorization', `Bearer ${app.key}`).send(body).expect(400);
    expect(noDevice.body.error).toMatch(/missing X-Device-ID/);
    await post().set('Authorization', `Bearer ${app.key}`).set('X-Device-ID', '  ').send(body).expect(400);
  });

  it('answers 403 when the report names another app than the key', async () => {
    const other = await reportingApp(admin.token);
    const res = await ingest(app.key, reportBody(other.name)).expect(403);
    expect(res.body.error).toMatch(/report key does not belong to this application/);
  });

  it('validates the body: event type, reason, required fields, JSON', async () => {
    const cases: [unknown, RegExp][] = [
      [reportBody(app.name, { type: 'boom' }), /invalid event.type: use one of crash, startup_failure/],
      [reportBody(app.name, { reason: 'bad reason!' }), /invalid event.reason/],
      [reportBody(app.name, { reason: 'a'.repeat(129) }), /invalid event.reason/],
      [{ ...reportBody(app.name), application: undefined }, /missing application/],
      [{ ...reportBody(app.name), system: { platform: 'darwin' } }, /missing system.arch/],
      [{ ...reportBody(app.name), event: { type: 'crash', reason: 7 } }, /event.reason must be a string/],
      [reportBody(app.name, { version: 'one' }), /invalid application.version/],
      ['{"application":', /malformed JSON/],
      ['[]', /send a JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await ingest(app.key, body).expect(400);
      expect(res.body.error).toMatch(message);
    }
  });

  it('refuses a body over 256 KiB with 413 before reading it', async () => {
    const body = reportBody(app.name, { reason: 'big.body' }) as Record<string, unknown>;
    body.padding = 'x'.repeat(256 * 1024);
    const res = await ingest(app.key, body).expect(413);
    expect(res.body.error).toMatch(/request body too large/);
    expect((await groups(admin.token, { reason: 'big.body' })).body.total).toBe(0);
  });

  it('refuses details that are too large, not base64, not gzip or wrongly labelled; the event stays counted', async () => {
    const reason = 'bad.details';
    const random = Buffer.alloc(130 * 1024);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + (i >> 3) * 31) & 0xff;
    const huge = {
      encoding: 'gzip+base64',
      content_type: 'application/json',
      payload: random.toString('base64'),
    };
    const cases: [unknown, number, RegExp][] = [
      [huge, 413, /compressed details too large/],
      [{ ...huge, payload: 'not base64!' }, 400, /not valid base64/],
      [{ ...huge, payload: Buffer.from('plain json').toString('base64') }, 400, /not valid gzip/],
      [{ ...huge, payload: gzipSync('{"a":1}').subarray(0, 12).toString('base64') }, 400, /not valid gzip/],
      [{ ...huge, encoding: 'zstd' }, 400, /unsupported details encoding/],
      [{ ...huge, content_type: 'text/plain' }, 400, /unsupported details content_type/],
      ['x', 400, /details must be an object/],
    ];
    for (const [details, status, message] of cases) {
      const body = { ...reportBody(app.name, { reason }), details };
      const res = await ingest(app.key, body).expect(status);
      expect(res.body.error).toMatch(message);
    }
    const [group] = (await groups(admin.token, { reason })).body.items;
    expect(group.stats).toMatchObject({
      count: cases.length,
      details_stored: 0,
      details_rejected: cases.length,
    });
    expect(await blobRows(group.group_hash)).toEqual([]);
  });

  it('refuses a zip bomb without inflating it: 413, nothing stored', async () => {
    // 64 MiB of zeros: about 64 KiB of gzip, inside the compressed limit, 64 times the decompressed one.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(128 * 1024);
    const reason = 'zip.bomb';
    const body = {
      ...reportBody(app.name, { reason }),
      details: {
        encoding: 'gzip+base64',
        content_type: 'application/json',
        payload: bomb.toString('base64'),
      },
    };
    const res = await ingest(app.key, body).expect(413);
    expect(res.body.error).toBe('decompressed details too large: at most 1048576 bytes of JSON');
    const [group] = (await groups(admin.token, { reason })).body.items;
    expect(group.stats).toMatchObject({ details_stored: 0, details_rejected: 1 });
    expect(await blobRows(group.group_hash)).toEqual([]);
    expect(await t.ctx.store.list(`reports/`, 'private')).not.toContainEqual(
      expect.stringContaining(group.group_hash),
    );

    // The work is bounded: inflating stops one chunk past the limit, not at 64 MiB.
    const outcome = await inflatedSize(bomb, 1024 * 1024);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.inflatedBytes).toBeLessThanOrEqual(1024 * 1024 + INFLATE_CHUNK_BYTES);
  });
});

describe('rate limits', () => {
  it('allows one report per device and group per hour: 429 with Retry-After', async () => {
    const app = await reportingApp(admin.token);
    await waitForRoomInWindow(3600);
    const body = reportBody(app.name, { reason: 'per.device' });
    await ingest(app.key, body, 'device-a').expect(202);
    const res = await ingest(app.key, body, 'device-a').expect(429);
    const wait = Number(res.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(res.body.error).toMatch(/this device and report group/);
    // Another group, or another device, is a new window.
    await ingest(app.key, reportBody(app.name, { reason: 'per.device.other' }), 'device-a').expect(202);
    await ingest(app.key, body, 'device-b').expect(202);
    const [group] = (await groups(admin.token, { reason: 'per.device' })).body.items;
    expect(group.stats.count).toBe(2);
  });

  it('allows 30 reports per group per minute', async () => {
    const app = await reportingApp(admin.token);
    await waitForRoomInWindow(60);
    const body = reportBody(app.name, { reason: 'per.group' });
    for (let i = 0; i < 30; i++) await ingest(app.key, body, `dev-${i}`).expect(202);
    const res = await ingest(app.key, body, 'dev-30').expect(429);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.body.error).toMatch(/this report group/);
    // The group limit is the app's own: the same group of another app is not limited.
    const other = await reportingApp(admin.token);
    await ingest(other.key, reportBody(other.name, { reason: 'per.group' }), 'dev-30').expect(202);
  });

  it('limits each key per minute by REPORTS_RATE_LIMIT_PER_KEY_PER_MINUTE', async () => {
    const small = await createTestApp({ REPORTS_RATE_LIMIT_PER_KEY_PER_MINUTE: '3' });
    try {
      const owner = await newAdmin(small.app);
      const id = (
        await request(small.app)
          .post('/app/create')
          .set(bearer(owner.token))
          .field('data', JSON.stringify({ app: 'limited', reports: 'true' }))
          .expect(200)
      ).body['createAppResult.Created'];
      const list = await request(small.app).get('/report-keys/list').set(bearer(owner.token)).expect(200);
      const key = (list.body.report_keys as ListedKey[]).find((k) => k.app_id === id)?.key_value ?? '';
      const send = (i: number) =>
        request(small.app)
          .post('/reports/ingest')
          .set('Authorization', `Bearer ${key}`)
          .set('X-Device-ID', `d${i}`)
          .send(reportBody('limited', { reason: `r${i}` }));
      await waitForRoomInWindow(60);
      for (let i = 0; i < 3; i++) await send(i).expect(202);
      const res = await send(3).expect(429);
      expect(res.body.error).toMatch(/this report key/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});

describe('fixed windows in PostgreSQL', () => {
  const refusal = async (promise: Promise<void>) => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  };

  it('counts per key in minute windows aligned to the clock, and says how long to wait', async () => {
    const db = t.ctx.database.db;
    const start = new Date('2030-01-01T10:00:10Z');
    const limits = (i: number, now: Date) =>
      checkIngestLimits(db, { keyId: 'k-window', appId: 'a', groupHash: `g${i}`, deviceId: `d${i}` }, 2, now);
    await limits(1, start);
    await limits(2, new Date('2030-01-01T10:00:30Z'));
    const err = await refusal(limits(3, new Date('2030-01-01T10:00:45Z')));
    expect(err.kind).toBe('rate_limited');
    expect(err.extra.retryAfterSeconds).toBe(15);
    // The next minute is a new window.
    await limits(4, new Date('2030-01-01T10:01:00Z'));
  });

  it('a refused report does not use up the later windows', async () => {
    const db = t.ctx.database.db;
    const now = new Date('2030-01-01T11:00:00Z');
    const keys = { keyId: 'k-order', appId: 'a', groupHash: 'g', deviceId: 'd' };
    await checkIngestLimits(db, { ...keys, deviceId: 'first' }, 1, now);
    // Refused by the key limit: the device window of 'd' is not touched.
    expect((await refusal(checkIngestLimits(db, keys, 1, now))).message).toMatch(/this report key/);
    await checkIngestLimits(db, { ...keys, keyId: 'k-order-2' }, 1, now);
  });
});

describe('REPORTS_ENABLED=false', () => {
  it('turns /reports/* off with a 404 that says so', async () => {
    const off = buildHandler({
      ...t.ctx,
      config: { ...t.ctx.config, reports: { ...t.ctx.config.reports, enabled: false } },
    });
    const res = await request(off).post('/reports/ingest').send('{}').expect(404);
    expect(res.body.error).toMatch(/REPORTS_ENABLED=false/);
    await request(off).get('/reports/groups').set(bearer(admin.token)).expect(404);
  });
});

describe('report groups', () => {
  it('resolve, re-open on a new event, mute stays muted; tags and note', async () => {
    const app = await reportingApp(admin.token);
    const { group_hash: hash } = (
      await ingest(app.key, reportBody(app.name, { reason: 'life.cycle' })).expect(202)
    ).body;
    const patch = (body: unknown) =>
      request(t.app)
        .patch(`/reports/groups/${hash}`)
        .set(bearer(admin.token))
        .send(body as object);
    const current = async () =>
      (await groups(admin.token, { app: app.name, reason: 'life.cycle' })).body.items[0];

    expect(
      (await patch({ status: 'resolved', tags: ['ui', 'v1.2'], note: 'fixed in 1.3' }).expect(200)).body,
    ).toEqual({ group_hash: hash, updated: true });
    expect(await current()).toMatchObject({
      status: 'resolved',
      resolved_by: admin.username,
      tags: ['ui', 'v1.2'],
      note: 'fixed in 1.3',
    });
    expect((await current()).resolved_at).toMatch(/^\d{4}-/);

    await ingest(app.key, reportBody(app.name, { reason: 'life.cycle' })).expect(202);
    const reopened = await current();
    expect(reopened).toMatchObject({ status: 'open', stats: { count: 2 } });
    expect(reopened).not.toHaveProperty('resolved_at');

    await patch({ status: 'muted' }).expect(200);
    await ingest(app.key, reportBody(app.name, { reason: 'life.cycle' })).expect(202);
    expect(await current()).toMatchObject({ status: 'muted', stats: { count: 3 } });

    await patch({ tags: [], note: '' }).expect(200);
    const cleared = await current();
    expect(cleared).not.toHaveProperty('tags');
    expect(cleared).not.toHaveProperty('note');
  });

  it('validates PATCH input', async () => {
    const app = await reportingApp(admin.token);
    const { group_hash: hash } = (await ingest(app.key, reportBody(app.name)).expect(202)).body;
    const patch = (body: unknown, h = hash) =>
      request(t.app)
        .patch(`/reports/groups/${h}`)
        .set(bearer(admin.token))
        .send(body as object);
    expect((await patch({}).expect(400)).body.error).toMatch(/no fields to update/);
    expect((await patch({ status: 'closed' }).expect(400)).body.error).toMatch(/invalid status/);
    expect(
      (await patch({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).expect(400)).body.error,
    ).toMatch(/at most 20 tags/);
    expect((await patch({ tags: ['has space'] }).expect(400)).body.error).toMatch(/invalid tags/);
    expect((await patch({ tags: ['x'.repeat(65)] }).expect(400)).body.error).toMatch(/invalid tags/);
    expect((await patch({ note: 'n'.repeat(2001) }).expect(400)).body.error).toMatch(/note too long/);
    await patch({ note: 'n'.repeat(2000) }).expect(200);
    expect((await patch({ status: 'open' }, 'xyz').expect(400)).body.error).toMatch(/invalid group hash/);
    await patch({ status: 'open' }, 'f'.repeat(64)).expect(404);
  });

  it('filters, pages and sorts by lastSeen, newest first; bad filters are 400', async () => {
    const app = await reportingApp(admin.token);
    for (const reason of ['f.one', 'f.two', 'f.three']) {
      await ingest(app.key, reportBody(app.name, { reason })).expect(202);
    }
    await ingest(app.key, reportBody(app.name, { reason: 'f.four', type: 'update_failure' })).expect(202);
    const all = await groups(admin.token, { app: app.name });
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((g: { event: { reason: string } }) => g.event.reason)).toEqual([
      'f.four',
      'f.three',
      'f.two',
      'f.one',
    ]);
    const paged = await groups(admin.token, { app: app.name, page: '2', limit: '3' });
    expect(paged.body).toMatchObject({ total: 4, page: 2, limit: 3 });
    expect(paged.body.items).toHaveLength(1);
    expect((await groups(admin.token, { app: app.name, type: 'update_failure' })).body.total).toBe(1);
    expect((await groups(admin.token, { app: app.name, status: 'resolved' })).body.total).toBe(0);
    expect((await groups(admin.token, { app: app.name, status: 'all' })).body.total).toBe(4);
    const future = new Date(Date.now() + DAY_MS).toISOString();
    expect((await groups(admin.token, { app: app.name, from: future })).body.total).toBe(0);
    expect((await groups(admin.token, { app: app.name, to: future })).body.total).toBe(4);

    const bad = (query: Record<string, string>) =>
      request(t.app).get('/reports/groups').query(query).set(bearer(admin.token)).expect(400);
    expect((await bad({ status: 'closed' })).body.error).toMatch(/status must be/);
    expect((await bad({ from: 'yesterday' })).body.error).toMatch(/RFC 3339/);
    expect((await bad({ page: '0' })).body.error).toMatch(/page must be/);
    expect((await bad({ limit: '1000' })).body.error).toMatch(/limit must be/);
  });

  it('DELETE removes the group, its blob rows and their objects', async () => {
    const app = await reportingApp(admin.token);
    const { group_hash: hash } = (
      await ingest(app.key, reportBody(app.name, { details: { big: 'stack' } })).expect(202)
    ).body;
    const [row] = await blobRows(hash);
    expect(await t.ctx.store.head(row?.storage_key ?? '', 'private')).toBeDefined();
    expect(
      (await request(t.app).delete(`/reports/groups/${hash}`).set(bearer(admin.token)).expect(200)).body,
    ).toEqual({ group_hash: hash, deleted: true });
    expect(await blobRows(hash)).toEqual([]);
    expect(await t.ctx.store.head(row?.storage_key ?? '', 'private')).toBeUndefined();
    await request(t.app).delete(`/reports/groups/${hash}`).set(bearer(admin.token)).expect(404);
  });

  it('deleting an app removes its report blobs from storage', async () => {
    const app = await reportingApp(admin.token);
    const { group_hash: hash } = (
      await ingest(app.key, reportBody(app.name, { details: { a: 1 } })).expect(202)
    ).body;
    const [row] = await blobRows(hash);
    await request(t.app).delete('/app/delete').query({ id: app.id }).set(bearer(admin.token)).expect(200);
    expect(await t.ctx.store.head(row?.storage_key ?? '', 'private')).toBeUndefined();
  });
});

describe('detail blob retention', () => {
  it('keeps the newest 10 per group and deletes the objects of the rest', async () => {
    const app = await reportingApp(admin.token);
    let hash = '';
    for (let i = 0; i < 12; i++) {
      const res = await ingest(
        app.key,
        reportBody(app.name, { reason: 'cap', details: { n: i } }),
        `cap-${i}`,
      );
      expect(res.status).toBe(202);
      hash = res.body.group_hash;
    }
    const blobs = await blobsOf(admin.token, hash);
    expect(blobs).toHaveLength(10);
    const kept = await Promise.all(
      blobs.map(async (b) => JSON.parse(gunzipSync((await download(b.url).expect(200)).body).toString()).n),
    );
    expect(kept).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    const objects = (await t.ctx.store.list('reports/', 'private')).filter((k) => k.includes(hash));
    expect(objects.sort()).toEqual(blobs.map((b) => b.storage.key).sort());
  });

  it('prunes blobs past their 30 days, objects and rows, and ended rate windows', async () => {
    const app = await reportingApp(admin.token);
    const res = await ingest(app.key, reportBody(app.name, { reason: 'old', details: { x: 1 } })).expect(202);
    const hash = res.body.group_hash;
    const [row] = await blobRows(hash);

    // Every window of this report (a minute, an hour) has ended 29 days later; the blob has a day to go.
    const early = await pruneReports(t.ctx, new Date(Date.now() + 29 * DAY_MS));
    expect(early.windows).toBeGreaterThanOrEqual(3);
    expect(await blobRows(hash)).toHaveLength(1);

    const later = new Date(Date.now() + 31 * DAY_MS);
    const pruned = await pruneReports(t.ctx, later);
    expect(pruned.blobs).toBeGreaterThanOrEqual(1);
    expect(await blobRows(hash)).toEqual([]);
    expect(await t.ctx.store.head(row?.storage_key ?? '', 'private')).toBeUndefined();
    const windows = await t.ctx.database.db
      .selectFrom('report_rate_windows')
      .select('bucket')
      .where('window_end', '<=', later)
      .execute();
    expect(windows).toEqual([]);
    // The group and its counts stay; only the details expire.
    expect(
      (await groups(admin.token, { reason: 'old', app: app.name })).body.items[0].stats.details_stored,
    ).toBe(1);
  });
});

describe('tenant isolation and team users', () => {
  it('two tenants with the same app and report get separate groups and never see each other', async () => {
    const other = await newAdmin(t.app);
    const name = uniqueName('shared');
    const mine = await reportingApp(admin.token, name);
    const theirs = await reportingApp(other.token, name);
    const body = reportBody(name, { reason: 'same.everything', details: { who: 'me' } });
    const a = await ingest(mine.key, body, 'same-device').expect(202);
    const theirBody = reportBody(name, { reason: 'same.everything', details: { who: 'them' } });
    const b = await ingest(theirs.key, theirBody, 'same-device').expect(202);
    // Same FaynoSync hash, and the per-device and per-group limits are per tenant too.
    expect(a.body.group_hash).toBe(b.body.group_hash);
    const hash = a.body.group_hash as string;

    const mineListed = (await groups(admin.token, { reason: 'same.everything' })).body;
    const theirsListed = (await groups(other.token, { reason: 'same.everything' })).body;
    expect(mineListed.items.map((g: { app_id: string }) => g.app_id)).toEqual([mine.id]);
    expect(theirsListed.items.map((g: { app_id: string }) => g.app_id)).toEqual([theirs.id]);
    expect(mineListed.items[0].stats.count).toBe(1);

    const myBlobs = await blobsOf(admin.token, hash);
    const theirBlobs = await blobsOf(other.token, hash);
    expect(myBlobs).toHaveLength(1);
    expect(theirBlobs).toHaveLength(1);
    expect(myBlobs[0]?.id).not.toBe(theirBlobs[0]?.id);
    expect(myBlobs[0]?.storage.key).toContain(mine.id);

    await request(t.app)
      .patch(`/reports/groups/${hash}`)
      .set(bearer(other.token))
      .send({ status: 'muted' })
      .expect(200);
    expect((await groups(admin.token, { reason: 'same.everything' })).body.items[0].status).toBe('open');
    await request(t.app).delete(`/reports/groups/${hash}`).set(bearer(other.token)).expect(200);
    expect(await blobsOf(admin.token, hash)).toHaveLength(1);
    expect((await reportKeys(other.token)).some((k) => k.app_id === mine.id)).toBe(false);
  });

  it('team users see only the groups, blobs and keys of their allowed apps', async () => {
    const allowed = await reportingApp(admin.token);
    const hidden = await reportingApp(admin.token);
    const team = await newTeamUser(t.app, admin.token, {
      apps: { download: true, edit: true, delete: true, allowed: [allowed.id] },
    });
    const seen = (
      await ingest(allowed.key, reportBody(allowed.name, { reason: 'team', details: { a: 1 } })).expect(202)
    ).body.group_hash;
    const unseen = (
      await ingest(hidden.key, reportBody(hidden.name, { reason: 'team', details: { a: 1 } })).expect(202)
    ).body.group_hash;

    const listed = (await groups(team.token, { reason: 'team' })).body;
    expect(listed.items.map((g: { app_id: string }) => g.app_id)).toEqual([allowed.id]);
    expect((await groups(team.token, { app: hidden.name })).body.total).toBe(0);
    expect(await blobsOf(team.token, seen)).toHaveLength(1);
    expect(await blobsOf(team.token, unseen)).toEqual([]);
    await request(t.app)
      .patch(`/reports/groups/${unseen}`)
      .set(bearer(team.token))
      .send({ note: 'x' })
      .expect(404);
    await request(t.app).delete(`/reports/groups/${unseen}`).set(bearer(team.token)).expect(404);
    await request(t.app)
      .patch(`/reports/groups/${seen}`)
      .set(bearer(team.token))
      .send({ note: 'mine' })
      .expect(200);

    expect((await reportKeys(team.token)).map((k) => k.app_id)).toEqual([allowed.id]);
    await request(t.app)
      .post('/report-keys/regenerate')
      .set(bearer(team.token))
      .send({ app_id: hidden.id })
      .expect(403);
    await request(t.app)
      .post('/report-keys/regenerate')
      .set(bearer(team.token))
      .send({ app_id: allowed.id })
      .expect(200);

    const viewer = await newTeamUser(t.app, admin.token, { apps: { download: true, allowed: [allowed.id] } });
    expect((await groups(viewer.token, { reason: 'team' })).body.total).toBe(1);
    await request(t.app).get('/report-keys/list').set(bearer(viewer.token)).expect(403);
    await request(t.app)
      .patch(`/reports/groups/${seen}`)
      .set(bearer(viewer.token))
      .send({ note: 'x' })
      .expect(403);
    const nobody = await newTeamUser(t.app, admin.token, { apps: { edit: true } });
    await request(t.app).get('/reports/groups').set(bearer(nobody.token)).expect(403);
  });
});
