/**
 * Slow clients against the real server, on 127.0.0.1: 20 connections send the headers of `POST /login` with
 * `Content-Length: 100` and one byte of the body, then fall silent, while autocannon drives normal traffic
 * (`/checkVersion` and `/health`). It measures the latency of that traffic during the stall against the same traffic
 * with no stalled clients, and when the server closes each stalled socket (it should, ≈ BODY_IDLE_TIMEOUT_SECONDS
 * after the last byte). Run with `npm run bench:slow-clients` (see bench/README.md); `UPDRAFT_BENCH_DB=postgres`
 * runs the server on a throwaway PostgreSQL database instead of the embedded one, and `SLOW_CLIENTS_STALLED=0` runs
 * the very same phases with no stalled clients (an A/A run: how far two identical phases differ on this machine).
 * Measuring takes about 45 s once the server is up; a run that hangs is cut off after RUN_LIMIT_MS.
 */
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import {
  type BenchSeed,
  type LoadRequest,
  type Measured,
  median,
  OWNER,
  PLATFORMS,
  phase,
  runBench,
} from './harness.js';

/** Stalled connections, as in issue 11's finding; SLOW_CLIENTS_STALLED=0 for the A/A run. */
const STALLED = Number(process.env.SLOW_CLIENTS_STALLED ?? 20);
/** The server's body inactivity limit for this run (BODY_IDLE_TIMEOUT_SECONDS; the default is 60). */
const IDLE_SECONDS = 5;
const HEADERS_SECONDS = 5;
/**
 * Each load phase lasts this long; in a stall phase it begins as the stalled sockets have sent their byte, and must end
 * before IDLE_SECONDS, so that every request of it is served while all the stalled bodies are held open (the run checks
 * and prints this).
 */
const LOAD_SECONDS = 3;
const WARMUP_SECONDS = 2;
/** How long the load generator's process is given to start before its load begins. */
const LOAD_START_UP_MS = 2000;
const ROUNDS = 3;
/**
 * The normal traffic: a steady rate well under what the server can answer on a busy two-core machine, so that the
 * latency says how long one client waits, not how long a queue of 50 saturating connections is.
 */
const LOAD = { connections: 10, rate: 500 };
/** The p99 the issue asks for, for the traffic served during the stall. */
const GOAL_P99_MS = 50;
const RUN_LIMIT_MS = 90_000;

/** One app with three releases on every platform and arch (the newest is the answer to the checks). */
const SEED: BenchSeed = {
  apps: 1,
  versions: 3,
  isPrivate: () => false,
  flags: () => ({}),
  files: (app, version) => [`${app}-${version}.exe`],
  size: 50_000_000,
};

/**
 * Update checks from the two older releases on every platform (each answered with the newest), then the health check,
 * which costs a database round trip (on PGlite, one connection shared by the whole server) and a statfs.
 */
function normalTraffic(): LoadRequest[] {
  const requests: LoadRequest[] = [];
  for (const version of ['1.0.0', '1.0.1'])
    for (const platform of PLATFORMS) {
      const query = new URLSearchParams({
        app_name: 'app-000',
        version,
        channel: 'stable',
        platform,
        arch: 'amd64',
        owner: OWNER,
        updater: 'manual',
      });
      requests.push({ path: `/checkVersion?${query}` });
    }
  requests.push({ path: '/health' });
  return requests;
}

const STALLED_REQUEST =
  'POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{';

interface Stalled {
  /** When the last byte was handed to the kernel: performance.now() for durations, Date.now() against the load's. */
  sentAt: number;
  sentAtWall: number;
  /** When the connection ended, if it did before the bench gave up on it. */
  closedAt: number | undefined;
  closedAtWall: number | undefined;
  /** What the server sent back: nothing, if it closed the socket for the timeout. */
  received: string;
  closed: Promise<void>;
  destroy(): void;
}

/** Opens a connection, sends the headers and 1 of 100 body bytes, and stays silent; resolves once the byte is sent. */
function openStalled(port: number): Promise<Stalled> {
  return new Promise((ready, fail) => {
    const socket = connect(port, '127.0.0.1');
    let gaveUp = false;
    const stalled: Stalled = {
      sentAt: 0,
      sentAtWall: 0,
      closedAt: undefined,
      closedAtWall: undefined,
      received: '',
      closed: new Promise((done) => {
        socket.on('close', () => {
          if (!gaveUp) {
            stalled.closedAt = performance.now();
            stalled.closedAtWall = Date.now();
          }
          done();
        });
      }),
      destroy: () => {
        gaveUp = true;
        socket.destroy();
      },
    };
    socket.on('data', (chunk: Buffer) => {
      stalled.received += chunk.toString('latin1');
    });
    socket.once('error', (error) => {
      if (stalled.sentAt === 0) fail(error);
    });
    socket.once('connect', () =>
      socket.write(STALLED_REQUEST, () => {
        stalled.sentAt = performance.now();
        stalled.sentAtWall = Date.now();
        ready(stalled);
      }),
    );
  });
}

interface StallResult {
  load: Measured;
  /** Seconds from the last byte sent to the server's close, for each socket it closed without an answer. */
  closedAfter: number[];
  /** Status lines of sockets that got an answer instead (there should be none). */
  answered: string[];
  /** Sockets still open when the bench gave up on them (IDLE_SECONDS + 10 s). */
  stillOpen: number;
  /** Sockets that were open from before the load started until it ended (all of them, when the timing held). */
  openThroughout: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/**
 * The load generator's process is started first and told when to begin (its start-up takes seconds on a busy
 * machine); the stalled sockets are opened just before that moment, so the whole load phase runs while they are held.
 */
async function stallPhase(
  dir: string,
  name: string,
  origin: string,
  pid: number | undefined,
): Promise<StallResult> {
  const port = Number(new URL(origin).port);
  const startAt = Date.now() + LOAD_START_UP_MS;
  const loading = phase(dir, name, origin, pid, normalTraffic(), 0, LOAD_SECONDS, { ...LOAD, startAt });
  await sleep(startAt - 200 - Date.now());
  const stalled = await Promise.all(Array.from({ length: STALLED }, () => openStalled(port)));
  const load = await loading;
  const lastSent = Math.max(...stalled.map((s) => s.sentAt));
  const allClosed = Promise.all(stalled.map((s) => s.closed));
  await Promise.race([allClosed, sleep(lastSent + (IDLE_SECONDS + 10) * 1000 - performance.now())]);
  for (const s of stalled) if (s.closedAt === undefined) s.destroy();
  await allClosed;
  const silent = stalled.filter((s) => s.closedAt !== undefined && s.received === '');
  const { startedAt = 0, endedAt = Number.POSITIVE_INFINITY } = load;
  return {
    load,
    closedAfter: silent.map((s) => ((s.closedAt ?? 0) - s.sentAt) / 1000),
    answered: stalled.filter((s) => s.received !== '').map((s) => s.received.split('\r\n')[0] ?? ''),
    stillOpen: stalled.filter((s) => s.closedAt === undefined).length,
    openThroughout: stalled.filter(
      (s) => s.sentAtWall <= startedAt && (s.closedAtWall ?? Infinity) >= endedAt,
    ).length,
  };
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function row(name: string, f: Measured, base: Measured): string {
  return (
    `${name.padEnd(34)}${String(f.requests).padStart(9)}${f.rps.toFixed(0).padStart(8)}${f.p50.toFixed(1).padStart(8)}` +
    `${f.p99.toFixed(1).padStart(8)}${(f.p99 / Math.max(1, base.p99)).toFixed(2).padStart(10)}` +
    `${f.cpuUs.toFixed(0).padStart(12)}${String(f.non2xx).padStart(9)}${String(f.errors).padStart(8)}\n`
  );
}

const HEADER =
  `${'phase'.padEnd(34)}${'requests'.padStart(9)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}` +
  `${'p99 ratio'.padStart(10)}${'cpu µs/req'.padStart(12)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}\n`;

async function orchestrate(): Promise<void> {
  const loadBefore = loadAverage();
  await runBench(
    SEED,
    async ({ dir, origin, server }) => {
      // Cut off a run that hangs (a stuck child, a socket never closed), children and all.
      const limit = setTimeout(() => {
        process.stderr.write(`bench:slow-clients: cut off after ${RUN_LIMIT_MS / 1000} s\n`);
        server.kill('SIGKILL');
        process.exit(1);
      }, RUN_LIMIT_MS);
      limit.unref();
      const requests = normalTraffic();
      for (const { path } of requests) {
        const res = await fetch(origin + path);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
      await phase(dir, 'warm-up', origin, server.pid, requests, 0, WARMUP_SECONDS, LOAD);
      const rounds: { base: Measured; stall: StallResult }[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        // Started as a stall phase is (the generator waits for its moment), so that only the stalled sockets differ.
        const baseline = () =>
          phase(dir, `baseline-${round}`, origin, server.pid, requests, 0, LOAD_SECONDS, {
            ...LOAD,
            startAt: Date.now() + LOAD_START_UP_MS,
          });
        // The order alternates between rounds, so that neither kind of phase is always the one after a pause.
        if (round % 2 === 1) {
          const base = await baseline();
          rounds.push({ base, stall: await stallPhase(dir, `stall-${round}`, origin, server.pid) });
        } else {
          const stall = await stallPhase(dir, `stall-${round}`, origin, server.pid);
          rounds.push({ base: await baseline(), stall });
        }
      }
      const health = await fetch(`${origin}/health`);
      await health.arrayBuffer();
      clearTimeout(limit);

      let out =
        `\nnormal traffic: ${LOAD.connections} connections, ${LOAD.rate} req/s in all, cycling through ` +
        `${requests.length - 1} /checkVersion queries and /health; ${LOAD_SECONDS} s per phase, ${ROUNDS} rounds; ${STALLED} stalled POST /login bodies ` +
        `(1 of 100 bytes sent); BODY_IDLE_TIMEOUT_SECONDS=${IDLE_SECONDS}, HEADERS_TIMEOUT_SECONDS=${HEADERS_SECONDS}\n` +
        HEADER;
      for (const [i, { base, stall }] of rounds.entries()) {
        out +=
          i % 2 === 0
            ? row(`round ${i + 1}: no stalled clients`, base, base) +
              row(`round ${i + 1}: ${STALLED} stalled bodies`, stall.load, base)
            : row(`round ${i + 1}: ${STALLED} stalled bodies`, stall.load, base) +
              row(`round ${i + 1}: no stalled clients`, base, base);
      }
      out += `\n${'stalled sockets'.padEnd(34)}${'closed'.padStart(9)}${'after (min / median / max)'.padStart(30)}`;
      out += `${'answered'.padStart(10)}${'still open'.padStart(12)}${'open all load'.padStart(15)}\n`;
      for (const [i, { stall }] of rounds.entries()) {
        const after = [...stall.closedAfter].sort((x, y) => x - y);
        const span = after.length
          ? `${after[0]?.toFixed(2)} / ${median([...after]).toFixed(2)} / ${after.at(-1)?.toFixed(2)} s`
          : '–';
        out +=
          `${`round ${i + 1}`.padEnd(34)}${`${after.length}/${STALLED}`.padStart(9)}${span.padStart(30)}` +
          `${String(stall.answered.length).padStart(10)}${String(stall.stillOpen).padStart(12)}` +
          `${`${stall.openThroughout}/${STALLED}`.padStart(15)}\n`;
        if (stall.answered.length > 0) out += `  answered instead of closed: ${stall.answered.join(', ')}\n`;
      }
      const baseP99 = median(rounds.map((r) => r.base.p99));
      const stallP99 = median(rounds.map((r) => r.stall.load.p99));
      const baseP50 = median(rounds.map((r) => r.base.p50));
      const stallP50 = median(rounds.map((r) => r.stall.load.p50));
      const allAfter = rounds.flatMap((r) => r.stall.closedAfter);
      const closedAll = rounds.every((r) => r.stall.closedAfter.length === STALLED);
      const nearTimeout = allAfter.every((s) => s >= IDLE_SECONDS - 0.1 && s <= IDLE_SECONDS + 1.5);
      const failures = rounds.reduce((n, r) => n + r.stall.load.non2xx + r.stall.load.errors, 0);
      const heldThroughout = rounds.every((r) => r.stall.openThroughout === STALLED);
      out +=
        `\nmedian p50: ${baseP50} ms without, ${stallP50} ms with stalled clients; median p99: ${baseP99} ms without, ` +
        `${stallP99} ms with (ratio ${(stallP99 / Math.max(1, baseP99)).toFixed(2)})\n` +
        `/health after the run: ${health.status}; load average before ${loadBefore}, after ${loadAverage()}\n` +
        `goal (every stalled body closed within ${IDLE_SECONDS}–${IDLE_SECONDS + 1.5} s, no failed request, p99 during ` +
        `the stall < ${GOAL_P99_MS} ms): ${closedAll && nearTimeout && heldThroughout && failures === 0 && stallP99 < GOAL_P99_MS ? 'met' : 'NOT met'}\n`;
      process.stdout.write(out);
    },
    {
      BODY_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS),
      HEADERS_TIMEOUT_SECONDS: String(HEADERS_SECONDS),
    },
  );
}

await orchestrate();
