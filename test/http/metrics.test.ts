import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createTestApp, type TestApp, usingPostgres } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import { feedTenant, publisher } from '../helpers/feeds.js';
import { upload } from '../helpers/releases.js';

/** One sample of the Prometheus text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    samples.push({ name: m[1] as string, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The metrics as a lookup: the value of the sample with this name and exactly these labels, 0 when absent. */
async function scrape(t: TestApp, headers: Record<string, string> = {}) {
  const res = await request(t.app).get('/metrics').set(headers).expect(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  const samples = parse(res.text);
  return {
    text: res.text,
    value(name: string, labels: Record<string, string> = {}): number {
      const wanted = Object.entries(labels);
      const found = samples.find(
        (s) =>
          s.name === name &&
          Object.keys(s.labels).length === wanted.length &&
          wanted.every(([k, v]) => s.labels[k] === v),
      );
      return found?.value ?? 0;
    },
  };
}

describe('GET /metrics', () => {
  it('is off by default (404); METRICS is on or off', async () => {
    const t = await createTestApp();
    try {
      const res = await request(t.app).get('/metrics').expect(404);
      expect(res.body.error).toContain('no route for GET /metrics');
    } finally {
      await t.close();
    }
    const env = { DATA_DIR: '/nonexistent/updraft', JWT_SECRET: 'a-secret-of-sixteen-chars' };
    expect(() => loadConfig({ ...env, METRICS: 'maybe' })).toThrow(
      'METRICS=maybe is not valid: use on (serve GET /metrics) or off',
    );
    expect(() => loadConfig({ ...env, METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN is too short');
    expect(loadConfig({ ...env, METRICS: 'ON' }).metrics).toEqual({ enabled: true, token: undefined });
    expect(loadConfig({ ...env, METRICS: 'off', METRICS_TOKEN: 'x'.repeat(16) }).metrics.enabled).toBe(false);
  });

  it('asks for the token when METRICS_TOKEN is set (which alone turns the metrics on)', async () => {
    const token = 'metrics-token-0123456789';
    const t = await createTestApp({ METRICS_TOKEN: token });
    try {
      const missing = await request(t.app).get('/metrics').expect(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(missing.body.error).toContain('METRICS_TOKEN');
      await request(t.app)
        .get('/metrics')
        .set(bearer(`${token}x`))
        .expect(401);
      await request(t.app).get('/metrics').set('Authorization', token).expect(401);
      const { text } = await scrape(t, bearer(token));
      expect(text).toContain('# TYPE updraft_http_requests_total counter');
      // Process metrics come with the metrics being on.
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    } finally {
      await t.close();
    }
  });

  describe('with METRICS=on', () => {
    let t: TestApp;
    let owner: string;
    let token: string;
    const where = { app_name: 'Meter', channel: 'stable', platform: 'win32', arch: 'x64' };
    const installer = Buffer.alloc(12_345, 7);
    const checkQuery = (version: string, app = 'Meter') =>
      `/checkVersion?${new URLSearchParams({ ...where, app_name: app, version, owner })}`;

    beforeAll(async () => {
      t = await createTestApp({ METRICS: 'on' });
      const tenant = await feedTenant(t, {
        apps: ['Meter'],
        channels: ['stable'],
        platforms: { win32: [] },
        archs: ['x64'],
      });
      ({ owner, token } = tenant);
    });
    afterAll(() => t.close());

    it('counts committed uploads, their bytes and the generation bumps they cause', async () => {
      const before = await scrape(t);
      await publisher(t, token, where)('1.0.0', [{ name: 'Meter Setup 1.0.0.exe', content: installer }]);
      await publisher(
        t,
        token,
        where,
      )('1.1.0', [
        { name: 'Meter Setup 1.1.0.exe', content: installer },
        { name: 'Meter-1.1.0.zip', content: Buffer.alloc(1000, 1) },
      ]);
      // Refused before a byte is stored (duplicate file): counted nowhere.
      await upload(t.app, token, { ...where, version: '1.1.0' }, [
        { name: 'Meter-1.1.0.zip', content: Buffer.alloc(10) },
      ]).expect(409);
      const after = await scrape(t);
      expect(after.value('updraft_uploads_total') - before.value('updraft_uploads_total')).toBe(3);
      expect(after.value('updraft_upload_bytes_total') - before.value('updraft_upload_bytes_total')).toBe(
        2 * installer.length + 1000,
      );
      const bumps = (s: typeof after) => s.value('updraft_generation_bumps_total', { source: 'local' });
      expect(bumps(after) - bumps(before)).toBeGreaterThanOrEqual(2);
      // The embedded database has one instance: nothing to hear.
      if (!usingPostgres)
        expect(after.value('updraft_generation_bumps_total', { source: 'notified' })).toBe(0);
    });

    it('counts update checks by answer, cache hits and misses, and requests with their latency', async () => {
      const before = await scrape(t);
      await request(t.app).get(checkQuery('1.0.0')).expect(200);
      await request(t.app).get(checkQuery('1.0.0')).expect(200);
      await request(t.app).get(checkQuery('1.0.0')).expect(200);
      const latest = await request(t.app).get(checkQuery('1.1.0')).expect(200);
      expect(latest.body.update_available).toBe(false);
      await request(t.app).get(checkQuery('1.0.0', 'Nope')).expect(400);
      await request(t.app).get(checkQuery('not-a-version')).expect(400);
      const after = await scrape(t);
      const delta = (name: string, labels: Record<string, string> = {}) =>
        after.value(name, labels) - before.value(name, labels);

      expect(delta('updraft_update_checks_total', { route: 'checkVersion', answer: 'update' })).toBe(3);
      expect(delta('updraft_update_checks_total', { route: 'checkVersion', answer: 'no_update' })).toBe(1);
      expect(delta('updraft_update_checks_total', { route: 'checkVersion', answer: 'error' })).toBe(2);
      expect(delta('updraft_update_checks_total', { route: 'checkVersion', answer: 'stale' })).toBe(0);
      // The same query three times: computed once, then twice from memory.
      expect(delta('updraft_hot_cache_hits_total', { cache: 'checkVersion' })).toBe(2);
      expect(delta('updraft_hot_cache_misses_total', { cache: 'checkVersion' })).toBe(4);
      expect(delta('updraft_http_requests_total', { group: 'checkVersion', status: '2xx' })).toBe(4);
      expect(delta('updraft_http_requests_total', { group: 'checkVersion', status: '4xx' })).toBe(2);
      const histogram = 'updraft_http_request_duration_seconds';
      expect(delta(`${histogram}_count`, { group: 'checkVersion' })).toBe(6);
      expect(delta(`${histogram}_bucket`, { group: 'checkVersion', le: '+Inf' })).toBe(6);
      expect(after.value(`${histogram}_sum`, { group: 'checkVersion' })).toBeGreaterThan(0);
      // Buckets are cumulative: each holds at least what the one below it does.
      const buckets = after.text
        .split('\n')
        .filter((l) => l.startsWith(`${histogram}_bucket{`) && l.includes('group="checkVersion"'))
        .map((l) => Number(l.split(' ')[1]));
      expect(buckets.length).toBeGreaterThan(10);
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    });

    it('counts feeds that name the client version as update checks, and Express routes by group', async () => {
      const before = await scrape(t);
      const feed = `/update/${encodeURIComponent(owner)}/Meter/stable/win32/x64/latest.yml`;
      await request(t.app).get(`${feed}?version=1.0.0`).expect(200);
      await request(t.app).get(`${feed}?version=1.0.0`).expect(200);
      await request(t.app).get(feed).expect(200);
      await request(t.app)
        .get(`${feed.replace('latest.yml', '1.0.0/Meter%20Setup%201.0.0.exe')}`)
        .expect(200);
      await request(t.app).get('/health').expect(200);
      await request(t.app).get('/app/list').set(bearer(token)).expect(200);
      await request(t.app).get('/no/such/route').expect(404);
      const after = await scrape(t);
      const delta = (name: string, labels: Record<string, string> = {}) =>
        after.value(name, labels) - before.value(name, labels);
      expect(delta('updraft_update_checks_total', { route: 'feeds', answer: 'update' })).toBe(2);
      expect(delta('updraft_hot_cache_hits_total', { cache: 'feeds' })).toBe(1);
      expect(delta('updraft_http_requests_total', { group: 'feeds', status: '2xx' })).toBe(3);
      expect(delta('updraft_http_requests_total', { group: 'feed_files', status: '2xx' })).toBe(1);
      expect(delta('updraft_http_requests_total', { group: 'health', status: '2xx' })).toBe(1);
      expect(delta('updraft_http_requests_total', { group: 'faynosync', status: '2xx' })).toBe(1);
      expect(delta('updraft_http_requests_total', { group: 'faynosync', status: '4xx' })).toBe(1);
      // The scrape before this one has finished by now, and is counted too.
      expect(delta('updraft_http_requests_total', { group: 'metrics', status: '2xx' })).toBe(1);
    });

    it('shows the telemetry buffer depth until it is written', async () => {
      await t.ctx.telemetry.flush();
      await request(t.app).get(checkQuery('1.0.0')).set('X-Device-ID', 'device-a').expect(200);
      await request(t.app).get(checkQuery('1.0.0')).set('X-Device-ID', 'device-b').expect(200);
      // Both were recorded just now; the next write is a second away.
      expect((await scrape(t)).value('updraft_telemetry_buffered_checks')).toBe(2);
      await t.ctx.telemetry.flush();
      expect((await scrape(t)).value('updraft_telemetry_buffered_checks')).toBe(0);
    });

    it('counts failed queries by kind', async () => {
      const before = await scrape(t);
      await expect(sql`select 1 / 0`.execute(t.ctx.database.db)).rejects.toThrow('division by zero');
      // A conflict the API turns into a 4xx is a database error of its own kind.
      await expect(
        t.ctx.database.db
          .insertInto('users')
          .values(
            (await t.ctx.database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()) as never,
          )
          .execute(),
      ).rejects.toThrow();
      const after = await scrape(t);
      const delta = (kind: string) =>
        after.value('updraft_database_errors_total', { kind }) -
        before.value('updraft_database_errors_total', { kind });
      expect(delta('query')).toBe(1);
      expect(delta('constraint')).toBe(1);
      expect(delta('unreachable')).toBe(0);
    });

    it('counts failed storage calls, not missing objects', async () => {
      const before = await scrape(t);
      await expect(t.ctx.store.get('no/such/object', 'public')).rejects.toThrow('object not found');
      // The store's temporary folder replaced by a file: the next upload cannot be written.
      const tmp = join(t.dataDir, 'artifacts', '.tmp');
      rmSync(tmp, { recursive: true, force: true });
      writeFileSync(tmp, '');
      try {
        await upload(t.app, token, { ...where, version: '1.2.0' }, [
          { name: 'Meter Setup 1.2.0.exe', content: installer },
        ]).expect(500);
      } finally {
        rmSync(tmp, { force: true });
        mkdirSync(tmp);
      }
      const after = await scrape(t);
      const delta = (operation: string) =>
        after.value('updraft_storage_errors_total', { operation }) -
        before.value('updraft_storage_errors_total', { operation });
      expect(delta('put')).toBe(1);
      expect(delta('get')).toBe(0);
      expect(after.value('updraft_uploads_total')).toBe(before.value('updraft_uploads_total'));
    });
  });
});
