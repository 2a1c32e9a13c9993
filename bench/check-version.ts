/**
 * Load test of GET /checkVersion against the real server, next to a bare node:http baseline, on 127.0.0.1.
 * Run with `npm run bench:check-version` (see bench/README.md). Three processes take part, so that the load
 * generator never shares a core's time with the server it measures: this one seeds an embedded database, starts
 * the server and the baseline (bench/harness.ts) and prints the figures.
 */
import {
  ARCHS,
  appOf,
  averageBody,
  type BenchSeed,
  CONNECTIONS,
  type Measured,
  median,
  OWNER,
  PLATFORMS,
  phase,
  pick,
  ROUNDS,
  rssMb,
  runBench,
  SECONDS,
  startBaseline,
  TABLE_HEADER,
  tableRow,
  versionOf,
  WARMUP_SECONDS,
} from './harness.js';

const APPS = 200;
const VERSIONS = 50;
/**
 * Distinct request paths the load generator cycles through. More paths cost autocannon seconds of set-up per
 * connection, inside the measured time. In the device phases every request sent carries an X-Device-ID drawn from
 * all DEVICES (the harness), so the server sees the whole population, not one device per path.
 */
const PATHS = 2_000;
const DEVICES = 100_000;

/**
 * 200 apps × 50 versions × 3 platforms × 2 archs, an installer and an archive per platform and arch. Every
 * app has a required intermediate (1.2.5), a critical release (1.3.0) and a latest release in a 50% rollout,
 * so that both the plain and the device-gated answers take their real paths. Half the apps are private.
 */
const SEED: BenchSeed = {
  apps: APPS,
  versions: VERSIONS,
  isPrivate: (a) => a % 2 === 1,
  flags: (v) => ({ intermediate: v === 25, critical: v === 30, rollout: v === VERSIONS - 1 ? 50 : 100 }),
  files: (app, version) => [`${app}-${version}.exe`, `${app}-${version}.zip`],
  size: 50_000_000,
};

async function orchestrate(): Promise<void> {
  await runBench(SEED, async ({ dir, origin, server, track }) => {
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
    track(base.child);

    const run = (name: string, url: string, pid: number | undefined, devices: number, seconds?: number) =>
      phase(dir, name, url, pid, requests, devices, seconds);
    const warm = await run('warm-up', origin, server.pid, 0, WARMUP_SECONDS);
    // Rounds alternate the phases, so that a burst of other work on the machine hits all of them alike. The
    // device phase is compared with the baseline sent the very same requests (X-Device-ID included): a header
    // costs the load generator and the HTTP parser on either side, whoever answers.
    const rounds: Record<'base' | 'baseDevice' | 'plain' | 'device', Measured>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({
        base: await run('baseline', base.url, base.child.pid, 0),
        plain: await run('plain', origin, server.pid, 0),
        baseDevice: await run('baseline-device', base.url, base.child.pid, DEVICES),
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
  });
}

await orchestrate();
