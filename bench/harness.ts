/**
 * What the hot-path benchmarks share: starting the compiled server and a bare node:http baseline, each in its own
 * process, driving load with autocannon from a third, and printing the figures. Run as a child, this file is one
 * of those processes:
 *   `… baseline <port> <bytes> <content-type>`: the bare node:http server answering a precomputed body;
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
import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { insertReleases, type SeedReleaseInput, seedTenant } from '../test/helpers/seed.js';

export const CONNECTIONS = 50;
export const SECONDS = 10;
export const WARMUP_SECONDS = 5;
export const ROUNDS = 3;

export const OWNER = 'bench';
export const PLATFORMS = ['windows', 'macos', 'linux'];
export const ARCHS = ['amd64', 'arm64'];

export const versionOf = (i: number): string => `1.${Math.floor(i / 10)}.${i % 10}`;
export const appOf = (i: number): string => `app-${String(i).padStart(3, '0')}`;
export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** What a benchmark seeds: one tenant (`bench`), channel `stable`, PLATFORMS × ARCHS, apps × versions. */
export interface BenchSeed {
  apps: number;
  versions: number;
  isPrivate: (app: number) => boolean;
  /** The flags of the v-th version (0 is the lowest). */
  flags: (v: number) => { intermediate?: boolean; critical?: boolean; rollout?: number };
  /** The file names of one release, the same for every platform and arch. */
  files: (app: string, version: string) => string[];
  /** The size recorded for every file (nothing is written to storage). */
  size: number;
}

/**
 * Seeds the server's database straight through Kysely: the embedded one in `dataDir`, or the PostgreSQL database at
 * `databaseUrl`. Returns the number of artifacts.
 */
async function seedBench(dataDir: string, databaseUrl: string | undefined, spec: BenchSeed): Promise<number> {
  const handle: DbHandle = databaseUrl ? openPostgres(databaseUrl) : await openPglite(dataDir);
  let artifacts = 0;
  try {
    await migrateToLatest(handle.db as never);
    const tenant = await seedTenant(handle.db, {
      username: OWNER,
      apps: Array.from({ length: spec.apps }, (_, i) => ({ name: appOf(i), private: spec.isPrivate(i) })),
      channels: ['stable'],
      platforms: PLATFORMS,
      archs: ARCHS,
    });
    for (let a = 0; a < spec.apps; a++) {
      const app = appOf(a);
      const releases: SeedReleaseInput[] = [];
      for (let v = 0; v < spec.versions; v++) {
        const version = versionOf(v);
        releases.push({
          tenantId: tenant.tenantId,
          appId: tenant.apps[app] ?? '',
          channelId: tenant.channels.stable,
          version,
          visibility: spec.isPrivate(a) ? 'private' : 'public',
          ...spec.flags(v),
          changelog: `### ${version}\n\n- faster sync\n- fixes`,
          artifacts: PLATFORMS.flatMap((platform) =>
            ARCHS.flatMap((arch) =>
              spec.files(app, version).map((fileName) => ({
                platformId: tenant.platforms[platform],
                archId: tenant.archs[arch],
                fileName,
                key: `${OWNER}/${app}/stable/${platform}/${arch}/${version}/${fileName}`,
                size: spec.size,
              })),
            ),
          ),
        });
        artifacts += PLATFORMS.length * ARCHS.length * spec.files(app, version).length;
      }
      await insertReleases(handle.db, releases);
    }
  } finally {
    await handle.close();
  }
  return artifacts;
}

/** What a benchmark body gets: its scratch folder, the running server, and a way to have children stopped. */
export interface BenchRun {
  dir: string;
  origin: string;
  server: ChildProcess;
  /** Stops this child (a baseline) when the run ends, however it ends. */
  track(child: ChildProcess): void;
}

const PG_ADMIN_URL = process.env.UPDRAFT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The server's database, as bench/transfer.ts chooses it: embedded (PGlite) in DATA_DIR, or with
 * `UPDRAFT_BENCH_DB=postgres` a throwaway database on the PostgreSQL server at UPDRAFT_BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
 */
export async function benchDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  if (process.env.UPDRAFT_BENCH_DB !== 'postgres') return { url: undefined, drop: async () => {} };
  const name = `updraft_bench_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Seeds a fresh database (embedded, or PostgreSQL with UPDRAFT_BENCH_DB=postgres), starts the server on it with
 * `env` on top of the bench's settings, runs `body`, then stops everything and cleans up.
 */
export async function runBench(
  spec: BenchSeed,
  body: (run: BenchRun) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'updraft-bench-'));
  const children: ChildProcess[] = [];
  const database = await benchDatabase();
  try {
    const started = Date.now();
    const artifacts = await seedBench(join(dir, 'data'), database.url, spec);
    process.stdout.write(
      `seeded ${spec.apps} apps × ${spec.versions} versions × ${PLATFORMS.length} platforms × ${ARCHS.length} archs ` +
        `(${artifacts} artifacts) into ${database.url ? 'PostgreSQL' : 'the embedded database (PGlite)'} in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const { origin, child } = await startServer(join(dir, 'data'), {
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...env,
    });
    children.push(child);
    await body({ dir, origin, server: child, track: (c) => children.push(c) });
  } finally {
    for (const child of children.reverse()) await stop(child);
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

const self = fileURLToPath(import.meta.url);
const serverEntry = resolve(dirname(self), '../src/main.js');

/** One request of a load phase; built once, before the clock starts. */
export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
}

interface LoadConfig {
  url: string;
  seconds: number;
  requests: LoadRequest[];
  /** Give every request sent an X-Device-ID drawn at random from this many; 0 adds none. */
  devices: number;
  /** Connections (CONNECTIONS unless given) and, if given, requests per second over all of them. */
  shape?: LoadShape;
}

/** How hard a phase drives the server: as hard as it can from CONNECTIONS connections unless told otherwise. */
export interface LoadShape {
  connections?: number;
  rate?: number;
  /**
   * Wall-clock time (Date.now()) at which the load starts: the generator waits for it once its process is up, so that
   * the caller can line something up with the load (the figures tell when it really started and ended).
   */
  startAt?: number;
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** When autocannon started and finished (Date.now()). */
  startedAt?: number;
  endedAt?: number;
}

export interface Measured extends Figures {
  /** Server CPU time (user + system) per request: what the server spends, whatever limits the load generator. */
  cpuUs: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;

/** A request as autocannon's `requests` option takes it; `setupRequest` rebuilds it before each send. */
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

export function freePort(): Promise<number> {
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

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

/** User + system CPU time of a process so far, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5), counted from the state field (3) on; in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return `${Math.round(kb / 1024)} MB`;
  } catch {
    return 'n/a';
  }
}

/** The compiled server on a seeded DATA_DIR, in production mode, on a free port. */
async function startServer(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = run([serverEntry], {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    API_URL: origin,
    JWT_SECRET: randomBytes(24).toString('base64url'),
    API_KEY: randomBytes(12).toString('base64url'),
    LOG_LEVEL: 'warn',
    TELEMETRY: process.env.TELEMETRY ?? 'on',
    ...env,
  });
  child.stdout?.resume();
  await waitFor(`${origin}/health`, child);
  process.stdout.write(
    `server up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}, RSS ${rssMb(child.pid)})\n`,
  );
  return { origin, child };
}

/** The baseline: a bare node:http server answering every request with `bytes` bytes of `contentType`. */
export async function startBaseline(
  bytes: number,
  contentType: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = run([self, 'baseline', String(port), String(bytes), contentType]);
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child);
  return { url, child };
}

/** Runs one load phase in its own process; returns its figures and the CPU the measured process spent per request. */
export async function phase(
  dir: string,
  name: string,
  url: string,
  pid: number | undefined,
  requests: LoadRequest[],
  devices: number,
  seconds = SECONDS,
  shape: LoadShape = {},
): Promise<Measured> {
  const cpuBefore = cpuMs(pid);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ url, seconds, requests, devices, shape } satisfies LoadConfig));
  const child = run([self, 'load', file]);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  if (code !== 0) throw new Error(`load phase ${name} failed with exit code ${code}`);
  const figures = JSON.parse(out) as Figures;
  return { ...figures, cpuUs: ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, figures.requests) };
}

/** The average body length of the server's answers to the first `sample` requests (all must be 200). */
export async function averageBody(origin: string, requests: LoadRequest[], sample = 200): Promise<number> {
  let bytes = 0;
  const some = requests.slice(0, sample);
  for (const { path, headers } of some) {
    const res = await fetch(origin + path, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    bytes += (await res.arrayBuffer()).byteLength;
  }
  return Math.round(bytes / some.length);
}

export const TABLE_HEADER =
  `${'phase'.padEnd(40)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}` +
  `${'ratio'.padStart(7)}${'cpu µs/req'.padStart(12)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}\n`;

export function tableRow(name: string, f: Measured, base: Measured): string {
  return (
    `${name.padEnd(40)}${f.rps.toFixed(0).padStart(8)}${f.p50.toFixed(1).padStart(8)}${f.p99.toFixed(1).padStart(8)}` +
    `${(f.rps / base.rps).toFixed(2).padStart(7)}${f.cpuUs.toFixed(1).padStart(12)}${String(f.non2xx).padStart(9)}` +
    `${String(f.errors).padStart(8)}\n`
  );
}

export const median = (values: number[]): number =>
  values.sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

function serveBaseline(port: number, size: number, contentType: string): void {
  const body = Buffer.alloc(Math.max(1, size), 'x');
  const headers = ['Content-Type', contentType, 'Content-Length', String(body.length)];
  createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  }).listen(port, '127.0.0.1');
  process.once('SIGTERM', () => process.exit(0));
}

async function generateLoad(configFile: string): Promise<void> {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as LoadConfig;
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  // Requests are built once, before the clock starts, except for the device id: a fixed id per path would reuse as
  // many devices as there are paths (2,000), not the population claimed. Drawing it for every request costs the load
  // generator the same whoever answers, so device phases compare with a baseline that is sent device ids too.
  const devices = config.devices;
  const withDevice = (request: AutocannonRequest): AutocannonRequest => ({
    ...request,
    headers: { ...request.headers, 'x-device-id': `device-${Math.floor(Math.random() * devices)}` },
  });
  const requests = config.requests.map(
    ({ path, headers }): AutocannonRequest => ({
      method: 'GET',
      path,
      headers: { ...headers },
      ...(devices > 0 ? { setupRequest: withDevice } : {}),
    }),
  );
  const wait = (config.shape?.startAt ?? 0) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const startedAt = Date.now();
  const result = await autocannon({
    url: config.url,
    connections: config.shape?.connections ?? CONNECTIONS,
    ...(config.shape?.rate ? { overallRate: config.shape.rate } : {}),
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
    startedAt,
    endedAt: Date.now(),
  };
  process.stdout.write(JSON.stringify(figures));
}

if (process.argv[1] === self) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'baseline') serveBaseline(Number(args[0]), Number(args[1]), args[2] ?? 'application/json');
  else if (mode === 'load') await generateLoad(args[0] ?? '');
}
