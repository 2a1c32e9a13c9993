/**
 * Load test of GET /checkVersion against the real server, next to a bare node:http baseline, on 127.0.0.1.
 * Run with `npm run bench:check-version` (see bench/README.md). Three processes take part, so that the load
 * generator never shares a core's time with the server it measures:
 *   this file, run without arguments: seeds an embedded database, starts the children, prints the figures;
 *   `… baseline <port> <bytes>`: the bare node:http server answering a precomputed body;
 *   `… load <config.json>`: autocannon driving one phase and printing its result as JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { insertReleases, type SeedReleaseInput, seedTenant } from '../test/helpers/seed.js';

const APPS = 200;
const VERSIONS = 50;
const PLATFORMS = ['windows', 'macos', 'linux'];
const ARCHS = ['amd64', 'arm64'];
const OWNER = 'bench';
const CONNECTIONS = 50;
const SECONDS = 10;
const WARMUP_SECONDS = 5;
const ROUNDS = 3;
/**
 * Distinct request paths the load generator cycles through, each built once with a random device id from
 * DEVICES. More paths cost autocannon seconds of set-up per connection, inside the measured time.
 */
const PATHS = 2_000;
const DEVICES = 100_000;

const here = dirname(fileURLToPath(import.meta.url));
const serverEntry = resolve(here, '../src/main.js');

interface LoadConfig {
  url: string;
  seconds: number;
  paths: string[];
  /** Send a random X-Device-ID from this many with each request; 0 sends none. */
  devices: number;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;

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

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not come up within 60 s`);
}

function run(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Runs one load phase in its own process and reads its figures. */
async function load(dir: string, name: string, config: LoadConfig): Promise<Figures> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(config));
  const child = run([fileURLToPath(import.meta.url), 'load', file]);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  if (code !== 0) throw new Error(`load phase ${name} failed with exit code ${code}`);
  return JSON.parse(out) as Figures;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

interface Measured extends Figures {
  /** Server CPU time (user + system) per request: what the server spends, whatever limits the load generator. */
  cpuUs: number;
}

/** User + system CPU time of a process so far, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5), counted from the state field (3) on; in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return `${Math.round(kb / 1024)} MB`;
  } catch {
    return 'n/a';
  }
}

async function orchestrate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'updraft-bench-'));
  let server: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    let started = Date.now();
    await seed(join(dir, 'data'));
    process.stdout.write(
      `seeded ${APPS} apps × ${VERSIONS} versions × ${PLATFORMS.length} platforms × ${ARCHS.length} archs ` +
        `(${APPS * VERSIONS * PLATFORMS.length * ARCHS.length * 2} artifacts) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    started = Date.now();
    server = run([serverEntry], {
      NODE_ENV: 'production',
      DATA_DIR: join(dir, 'data'),
      HOST: '127.0.0.1',
      PORT: String(port),
      API_URL: origin,
      JWT_SECRET: randomBytes(24).toString('base64url'),
      API_KEY: randomBytes(12).toString('base64url'),
      LOG_LEVEL: 'warn',
      TELEMETRY: process.env.TELEMETRY ?? 'on',
    });
    server.stdout?.resume();
    await waitFor(`${origin}/health`, server);
    process.stdout.write(
      `server up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${server.pid}, RSS ${rssMb(server.pid)})\n`,
    );

    const paths = Array.from({ length: PATHS }, () => {
      const query = new URLSearchParams({
        app_name: appOf(Math.floor(Math.random() * APPS)),
        version: versionOf(Math.floor(Math.random() * VERSIONS)),
        channel: 'stable',
        platform: pick(PLATFORMS),
        arch: pick(ARCHS),
        owner: OWNER,
        updater: 'manual',
      });
      return `/checkVersion?${query}`;
    });

    // The baseline answers with a body as long as the server's average answer.
    let bytes = 0;
    for (const path of paths.slice(0, 200)) {
      const res = await fetch(origin + path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      bytes += (await res.arrayBuffer()).byteLength;
    }
    const bodySize = Math.round(bytes / 200);
    const basePort = await freePort();
    baseline = run([fileURLToPath(import.meta.url), 'baseline', String(basePort), String(bodySize)]);
    baseline.stdout?.resume();
    await waitFor(`http://127.0.0.1:${basePort}/`, baseline);

    const baseUrl = `http://127.0.0.1:${basePort}`;
    const phase = async (
      name: string,
      url: string,
      pid: number | undefined,
      devices: number,
      seconds = SECONDS,
    ) => {
      const cpuBefore = cpuMs(pid);
      const figures = await load(dir, name, { url, seconds, paths, devices });
      return { ...figures, cpuUs: ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, figures.requests) };
    };
    const warm = await phase('warm-up', origin, server.pid, 0, WARMUP_SECONDS);
    // Rounds alternate the phases, so that a burst of other work on the machine hits all of them alike. The
    // device phase is compared with the baseline sent the very same requests (X-Device-ID included): a header
    // costs the load generator and the HTTP parser on either side, whoever answers.
    const rounds: Record<'base' | 'baseDevice' | 'plain' | 'device', Measured>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({
        base: await phase('baseline', baseUrl, baseline.pid, 0),
        plain: await phase('plain', origin, server.pid, 0),
        baseDevice: await phase('baseline-device', baseUrl, baseline.pid, DEVICES),
        device: await phase('device', origin, server.pid, DEVICES),
      });
    }
    const rss = rssMb(server.pid);

    const header =
      `${'phase'.padEnd(36)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}` +
      `${'ratio'.padStart(7)}${'cpu µs/req'.padStart(12)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}\n`;
    const row = (name: string, f: Measured, base: Measured) =>
      `${name.padEnd(36)}${f.rps.toFixed(0).padStart(8)}${f.p50.toFixed(1).padStart(8)}${f.p99.toFixed(1).padStart(8)}` +
      `${(f.rps / base.rps).toFixed(2).padStart(7)}${f.cpuUs.toFixed(1).padStart(12)}${String(f.non2xx).padStart(9)}` +
      `${String(f.errors).padStart(8)}\n`;
    let out =
      `\n${CONNECTIONS} connections, ${SECONDS} s per phase, ${ROUNDS} rounds, ${PATHS} distinct queries, ` +
      `${DEVICES} device ids, answers ≈ ${bodySize} bytes\n${header}`;
    const first = rounds[0];
    if (first) out += row(`warm-up (${WARMUP_SECONDS} s, cold caches)`, warm, first.base);
    for (const [i, r] of rounds.entries()) {
      out +=
        row(`round ${i + 1}: baseline (bare node:http)`, r.base, r.base) +
        row(`round ${i + 1}: /checkVersion`, r.plain, r.base) +
        row(`round ${i + 1}: baseline + X-Device-ID`, r.baseDevice, r.baseDevice) +
        row(`round ${i + 1}: /checkVersion + X-Device-ID`, r.device, r.baseDevice);
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
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

function serveBaseline(port: number, size: number): void {
  const body = Buffer.from(`{"x":"${'x'.repeat(Math.max(0, size - 8))}"}`);
  const headers = ['Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(body.length)];
  createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  }).listen(port, '127.0.0.1');
  process.once('SIGTERM', () => process.exit(0));
}

async function generateLoad(configFile: string): Promise<void> {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as LoadConfig;
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  // Requests are built once, before the clock starts: a per-request setup hook would make the load generator,
  // not the server, the bottleneck on two cores.
  const requests = config.paths.map((path) => ({
    method: 'GET',
    path,
    headers:
      config.devices > 0 ? { 'x-device-id': `device-${Math.floor(Math.random() * config.devices)}` } : {},
  }));
  const result = await autocannon({
    url: config.url,
    connections: CONNECTIONS,
    duration: config.seconds,
    requests,
  });
  const figures: Figures = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  process.stdout.write(JSON.stringify(figures));
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'baseline') serveBaseline(Number(args[0]), Number(args[1]));
else if (mode === 'load') await generateLoad(args[0] ?? '');
else await orchestrate();
