import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/releases.js';
import {
  buildServer,
  call,
  freePort,
  runUpdraft,
  signUp,
  ThrowawayPostgres,
  type UpdraftProcess,
} from './processes.js';

const OUTAGE_MS = 20_000;
const BASELINE_MS = 3_000;
const CONCURRENCY = 16;
/** Recovered: a whole second of fresh answers (no X-Updraft-Stale) at half the baseline rate or better. */
const RECOVERED_SHARE = 0.5;

interface Known {
  path: string;
  headers: Record<string, string>;
  status: number;
  body: Buffer;
}

interface Sample {
  at: number;
  ok: boolean;
  stale: boolean;
}

function get(agent: Agent, base: URL, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: Buffer; stale: boolean }>((resolve, reject) => {
    const req = httpRequest({ agent, host: base.hostname, port: base.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          stale: res.headers['x-updraft-stale'] !== undefined,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Load on the known questions from CONCURRENCY keep-alive clients until stopped; every answer is compared with
 * the one given before the outage (status and bytes), and kept as a sample.
 */
function load(base: URL, known: Known[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const samples: Sample[] = [];
  const failures: string[] = [];
  let running = true;
  const worker = async (n: number) => {
    for (let i = n; running; i++) {
      const q = known[i % known.length] as Known;
      try {
        const res = await get(agent, base, q.path, q.headers);
        const ok = res.status === q.status && res.body.equals(q.body);
        if (!ok && failures.length < 20)
          failures.push(`${q.path}: ${res.status} ${res.body.toString().slice(0, 200)}`);
        samples.push({ at: Date.now(), ok, stale: res.stale });
      } catch (err) {
        if (failures.length < 20) failures.push(`${q.path}: ${(err as Error).message}`);
        samples.push({ at: Date.now(), ok: false, stale: false });
      }
    }
  };
  const done = Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => worker(n)));
  return {
    samples,
    failures,
    async stop() {
      running = false;
      await done;
      agent.destroy();
    },
  };
}

const rate = (samples: Sample[], from: number, to: number) =>
  samples.filter((s) => s.at >= from && s.at < to).length / ((to - from) / 1000);

/**
 * The outage, end to end: Updraft (the built server, on a PostgreSQL cluster of the test's own) under a
 * load of known update checks, feeds and feed files; the database stopped for 20 s and started again. No known
 * answer may fail during the outage; writes answer 503 with Retry-After; /health says degraded; full speed with
 * fresh answers returns within 5 s of the database, without a restart.
 */
describe('a 20-second PostgreSQL outage under load', () => {
  let postgres: ThrowawayPostgres;
  let server: UpdraftProcess;
  let dataDir: string;

  beforeAll(async () => {
    buildServer();
    postgres = await ThrowawayPostgres.create();
    dataDir = mkdtempSync(join(tmpdir(), 'updraft-outage-'));
    server = runUpdraft([], { DATA_DIR: dataDir, DATABASE_URL: postgres.url }, await freePort());
    await server.ready();
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await postgres?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every known answer, refuses writes with 503, and is back at full speed within 5 s', async () => {
    const base = new URL(server.url);
    const token = await signUp(server.url, 'ops');
    for (const [kind, body] of [
      ['channel', { channel: 'stable' }],
      ['platform', { platform: 'win32', updaters: [{ type: 'electron-builder', default: true }] }],
      ['arch', { arch: 'x64' }],
    ] as const) {
      const res = await call(server.url, 'POST', `/${kind}/create`, body, token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const form = (parts: Parameters<typeof multipart>[0]) => multipart(parts);
    const app = form([{ name: 'data', value: JSON.stringify({ app: 'Steady' }) }]);
    const created = await fetch(`${server.url}/app/create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': app.contentType },
      body: app.body,
    });
    expect(created.status).toBe(200);
    const installer = Buffer.alloc(4096, 3);
    const where = { app_name: 'Steady', channel: 'stable', platform: 'win32', arch: 'x64', publish: true };
    for (const version of ['1.0.0', '1.1.0']) {
      const upload = form([
        { name: 'data', value: JSON.stringify({ ...where, version }) },
        { name: 'file', file: { name: `Steady Setup ${version}.exe`, content: installer } },
      ]);
      const res = await fetch(`${server.url}/upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': upload.contentType },
        body: upload.body,
      });
      expect(res.status, await res.text()).toBe(200);
    }

    const feed = '/update/ops/Steady/stable/win32/x64';
    const check = (version: string, updater = 'manual') =>
      `/checkVersion?app_name=Steady&version=${version}&owner=ops&channel=stable&platform=win32&arch=x64&updater=${updater}`;
    const questions: Omit<Known, 'status' | 'body'>[] = [
      { path: check('1.0.0'), headers: {} },
      { path: check('1.1.0'), headers: {} },
      { path: check('1.0.0'), headers: { 'X-Device-ID': 'device-1' } },
      { path: check('0.9.0', 'electron-builder'), headers: {} },
      { path: `${feed}/latest.yml`, headers: {} },
      { path: `${feed}/latest.yml?version=1.0.0`, headers: { 'x-user-staging-id': 'staging-1' } },
      { path: `${feed}/1.1.0/Steady%20Setup%201.1.0.exe`, headers: {} },
    ];
    const agent = new Agent({ keepAlive: true });
    const known: Known[] = [];
    for (const q of questions) {
      const res = await get(agent, base, q.path, q.headers);
      expect(res.status, `${q.path}: ${res.body.toString()}`).toBeLessThan(400);
      known.push({ ...q, status: res.status, body: res.body });
    }
    agent.destroy();

    const run = load(base, known);
    try {
      const started = Date.now();
      await new Promise((r) => setTimeout(r, BASELINE_MS));
      const baseline = rate(run.samples, started, Date.now());

      await postgres.stop();
      const down = Date.now();
      // Writes and the health check during the outage, while the load goes on.
      const write = await call(server.url, 'POST', '/channel/create', { channel: 'beta' }, token);
      expect(write.status, JSON.stringify(write.body)).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      const health = await call(server.url, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body.status).toBe('degraded');
      await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - down)));
      await postgres.start();
      const up = Date.now();

      // Recovered once a whole second holds only fresh answers at RECOVERED_SHARE of the baseline rate or more.
      let recoveredAt: number | undefined;
      const deadline = up + 15_000;
      while (recoveredAt === undefined && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        const to = Date.now();
        const from = Math.max(up, to - 1000);
        const window = run.samples.filter((s) => s.at >= from && s.at < to);
        if (
          to - from >= 1000 &&
          window.length > 0 &&
          window.every((s) => !s.stale) &&
          rate(run.samples, from, to) >= RECOVERED_SHARE * baseline
        )
          recoveredAt = from;
      }
      await run.stop();

      const outage = run.samples.filter((s) => s.at >= down && s.at < up);
      const figures = {
        baselinePerSecond: Math.round(baseline),
        outageSeconds: Math.round((up - down) / 100) / 10,
        servedDuringOutage: outage.filter((s) => s.ok).length,
        staleDuringOutage: outage.filter((s) => s.stale).length,
        perSecondDuringOutage: Math.round(rate(run.samples, down, up)),
        failed: run.samples.filter((s) => !s.ok).length,
        secondsToFullSpeed: recoveredAt === undefined ? undefined : Math.max(0, (recoveredAt - up) / 1000),
      };
      console.log(`outage figures: ${JSON.stringify(figures)}`);
      expect(run.failures).toEqual([]);
      expect(figures.servedDuringOutage).toBeGreaterThan(0);
      expect(figures.staleDuringOutage).toBeGreaterThan(0);
      expect(figures.secondsToFullSpeed).toBeDefined();
      expect(figures.secondsToFullSpeed).toBeLessThanOrEqual(5);
    } finally {
      await run.stop();
    }

    // Writes work again without a restart, and are seen at once.
    const after = await call(server.url, 'POST', '/channel/create', { channel: 'beta' }, token);
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect((await call(server.url, 'GET', '/health')).status).toBe(200);
  });
});
