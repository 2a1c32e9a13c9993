// Time from `npm start` to the first 200 from /health: a first start (no dist/, a new DATA_DIR) and a restart (same
// DATA_DIR, dist/ built), polling /health every 50 ms. Usage: `node bench/start-up.mjs [runs] [checkout...]`.
// With several checkouts (each a copy of the project with its own dist/, e.g. a baseline and a candidate) the runs
// interleave them, so that the machine's load at any moment weighs on each alike; the figures to compare are the
// ratios of a candidate's medians to the first checkout's.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const checkouts =
  process.argv.length > 3
    ? process.argv.slice(3).map((p) => resolve(p))
    : [fileURLToPath(new URL('..', import.meta.url))];

/**
 * A free port below the kernel's ephemeral range (32768 and up): a port the kernel hands out for port 0 is soon
 * handed to someone else on a busy machine, and another server's /health would then answer for ours.
 */
async function freePort() {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 20_000);
    const free = await new Promise((done) => {
      const server = createServer()
        .once('error', () => done(false))
        .listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
}

async function healthy(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Seconds from spawning `npm start` in `cwd` to the first 200 from /health; the server is stopped afterwards. */
async function timeStart(cwd, dataDir) {
  const port = await freePort();
  const started = performance.now();
  // Its own process group: npm, the build and the server all stop with one signal.
  const child = spawn('npm', ['start'], {
    cwd,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((done) => child.once('exit', done));
  let seconds;
  while (seconds === undefined && child.exitCode === null) {
    if (await healthy(port)) seconds = (performance.now() - started) / 1000;
    else await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  if (seconds === undefined)
    throw new Error(`npm start in ${cwd} exited before /health answered:\n${stderr}`);
  return seconds;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = checkouts.map(() => ({ first: [], restart: [] }));
const load = [loadavg()[0]];
for (let run = 0; run < runs; run++) {
  for (const [i, cwd] of checkouts.entries()) {
    const dataDir = mkdtempSync(join(tmpdir(), 'updraft-start-'));
    try {
      rmSync(join(cwd, 'dist'), { recursive: true, force: true });
      figures[i].first.push(await timeStart(cwd, dataDir));
      figures[i].restart.push(await timeStart(cwd, dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(
      `run ${run + 1} ${cwd}: first ${figures[i].first.at(-1).toFixed(2)} s, restart ${figures[i].restart.at(-1).toFixed(2)} s, load ${loadavg()[0].toFixed(1)}`,
    );
  }
  load.push(loadavg()[0]);
}
console.log(
  `\nload average (1 min) over the runs: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
);
for (const [i, cwd] of checkouts.entries()) {
  const { first, restart } = figures[i];
  const line = (xs, base) =>
    `median ${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` +
    (i > 0 ? `, ${(median(xs) / median(base)).toFixed(2)} × the first checkout` : '');
  console.log(
    `${cwd}\n  first start: ${line(first, figures[0].first)}\n  restart:     ${line(restart, figures[0].restart)}`,
  );
}
