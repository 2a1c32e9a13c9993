/**
 * Load test of GET /checkVersion against the real server, next to a bare node:http baseline, on 127.0.0.1.
 * Run with `npm run bench:check-version` (see bench/README.md). Three processes take part, so that the load
 * generator never shares a core's time with the server it measures: this one seeds an embedded database, starts
 * the server and the baseline (bench/harness.ts) and prints the figures.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { insertReleases, type SeedReleaseInput, seedTenant } from '../test/helpers/seed.js';
import {
  averageBody,
  CONNECTIONS,
  type Measured,
  median,
  phase,
  ROUNDS,
  rssMb,
  SECONDS,
  startBaseline,
  startServer,
  stop,
  TABLE_HEADER,
  tableRow,
  WARMUP_SECONDS,
} from './harness.js';

const APPS = 200;
const VERSIONS = 50;
const PLATFORMS = ['windows', 'macos', 'linux'];
const ARCHS = ['amd64', 'arm64'];
const OWNER = 'bench';
/**
 * Distinct request paths the load generator cycles through, each built once with a random device id from
 * DEVICES. More paths cost autocannon seconds of set-up per connection, inside the measured time.
 */
const PATHS = 2_000;
const DEVICES = 100_000;

const versionOf = (i: number) => `1.${Math.floor(i / 10)}.${i % 10}`;
const appOf = (i: number) => `app-${String(i).padStart(3, '0')}`;
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/**
 * 200 apps × 50 versions × 3 platforms × 2 archs, an installer and an archive per platform and arch. Every
 * app has a required intermediate (1.2.5), a critical release (1.3.0) and a latest release in a 50% rollout,
 * so that both the plain and the device-gated answers take their real paths. Half the apps are private.
 */
async function seed(dataDir: string): Promise<void> {
  const handle = await openPglite(dataDir);
  try {
    await migrateToLatest(handle.db as never);
    const tenant = await seedTenant(handle.db, {
      username: OWNER,
      apps: Array.from({ length: APPS }, (_, i) => ({ name: appOf(i), private: i % 2 === 1 })),
      channels: ['stable'],
      platforms: PLATFORMS,
      archs: ARCHS,
    });
    for (let a = 0; a < APPS; a++) {
      const app = appOf(a);
      const releases: SeedReleaseInput[] = [];
      for (let v = 0; v < VERSIONS; v++) {
        const version = versionOf(v);
        releases.push({
          tenantId: tenant.tenantId,
          appId: tenant.apps[app] ?? '',
          channelId: tenant.channels.stable,
          version,
          visibility: a % 2 === 1 ? 'private' : 'public',
          intermediate: v === 25,
          critical: v === 30,
          rollout: v === VERSIONS - 1 ? 50 : 100,
          changelog: `### ${version}\n\n- fixes`,
          artifacts: PLATFORMS.flatMap((platform) =>
            ARCHS.flatMap((arch) =>
              ['.exe', '.zip'].map((ext) => ({
                platformId: tenant.platforms[platform],
                archId: tenant.archs[arch],
                fileName: `${app}-${version}${ext}`,
                key: `${app}-${OWNER}/stable/${platform}/${arch}/${app}-${version}${ext}`,
                size: 50_000_000,
              })),
            ),
          ),
        });
      }
      await insertReleases(handle.db, releases);
    }
  } finally {
    await handle.close();
  }
}

async function orchestrate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'updraft-bench-'));
  let server: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    const started = Date.now();
    await seed(join(dir, 'data'));
    process.stdout.write(
      `seeded ${APPS} apps × ${VERSIONS} versions × ${PLATFORMS.length} platforms × ${ARCHS.length} archs ` +
        `(${APPS * VERSIONS * PLATFORMS.length * ARCHS.length * 2} artifacts) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const up = await startServer(join(dir, 'data'));
    server = up.child;
    const { origin } = up;

    const requests = Array.from({ length: PATHS }, () => {
      const query = new URLSearchParams({
        app_name: appOf(Math.floor(Math.random() * APPS)),
        version: versionOf(Math.floor(Math.random() * VERSIONS)),
        channel: 'stable',
        platform: pick(PLATFORMS),
        arch: pick(ARCHS),
        owner: OWNER,
        updater: 'manual',
      });
      return { path: `/checkVersion?${query}` };
    });

    // The baseline answers with a body as long as the server's average answer.
    const bodySize = await averageBody(origin, requests);
    const base = await startBaseline(bodySize, 'application/json; charset=utf-8');
    baseline = base.child;

    const run = (name: string, url: string, pid: number | undefined, devices: number, seconds?: number) =>
      phase(dir, name, url, pid, requests, devices, seconds);
    const warm = await run('warm-up', origin, server.pid, 0, WARMUP_SECONDS);
    // Rounds alternate the phases, so that a burst of other work on the machine hits all of them alike. The
    // device phase is compared with the baseline sent the very same requests (X-Device-ID included): a header
    // costs the load generator and the HTTP parser on either side, whoever answers.
    const rounds: Record<'base' | 'baseDevice' | 'plain' | 'device', Measured>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({
        base: await run('baseline', base.url, baseline.pid, 0),
        plain: await run('plain', origin, server.pid, 0),
        baseDevice: await run('baseline-device', base.url, baseline.pid, DEVICES),
        device: await run('device', origin, server.pid, DEVICES),
      });
    }
    const rss = rssMb(server.pid);

    let out =
      `\n${CONNECTIONS} connections, ${SECONDS} s per phase, ${ROUNDS} rounds, ${PATHS} distinct queries, ` +
      `${DEVICES} device ids, answers ≈ ${bodySize} bytes\n${TABLE_HEADER}`;
    const first = rounds[0];
    if (first) out += tableRow(`warm-up (${WARMUP_SECONDS} s, cold caches)`, warm, first.base);
    for (const [i, r] of rounds.entries()) {
      out +=
        tableRow(`round ${i + 1}: baseline (bare node:http)`, r.base, r.base) +
        tableRow(`round ${i + 1}: /checkVersion`, r.plain, r.base) +
        tableRow(`round ${i + 1}: baseline + X-Device-ID`, r.baseDevice, r.baseDevice) +
        tableRow(`round ${i + 1}: /checkVersion + X-Device-ID`, r.device, r.baseDevice);
    }
    const plainRatio = median(rounds.map((r) => r.plain.rps / r.base.rps));
    const deviceRatio = median(rounds.map((r) => r.device.rps / r.baseDevice.rps));
    const plainP99 = median(rounds.map((r) => r.plain.p99));
    const deviceP99 = median(rounds.map((r) => r.device.p99));
    const baseP99 = median(rounds.map((r) => r.base.p99));
    out +=
      `median ratio to baseline: /checkVersion ${plainRatio.toFixed(2)}, with X-Device-ID ${deviceRatio.toFixed(2)}\n` +
      `median p99: baseline ${baseP99} ms, /checkVersion ${plainP99} ms, with X-Device-ID ${deviceP99} ms\n` +
      `server RSS after the run: ${rss}\n` +
      `goal (ratio ≥ 0.75, p99 < 5 ms): ${
        Math.min(plainRatio, deviceRatio) >= 0.75 && Math.max(plainP99, deviceP99) < 5 ? 'met' : 'NOT met'
      }\n`;
    process.stdout.write(out);
  } finally {
    await stop(baseline);
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

await orchestrate();
