/**
 * Transfer benchmark: upload a 1 GiB file through POST /upload twice, `data` before the file and `data` after it (as
 * FaynoSync's CLI sends it: the file is staged before anyone knows its app), and download it again through the
 * public /files URL, against the compiled server running as a child process, while sampling that child's resident
 * memory. In the same run a bare node:http + fs.createReadStream server serves the same stored file as the baseline,
 * reading it in blocks of the size the server's local driver reads (SERVER_BLOCK_BYTES), and, for comparison with
 * figures measured before, in Node's default 64 KiB blocks.
 * `--uploads-only` (npm run bench:upload-order) stops after the uploads. `--resumable` (npm run bench:resumable) instead
 * sends the file through the resumable upload routes (tus 1.0): one PATCH cut off at 40 %, HEAD, a PATCH of the rest,
 * then the commit through POST /upload's `data.uploads`, with the server's peak RSS during the PATCHes and the commit.
 *
 * Goal: peak RSS of the server under 200 MB during both transfers (250 MB with the embedded database, issue 12);
 * download at least 80% of the baseline that reads in the server's block size.
 * Run with `npm run bench:transfer`. Everything listens on 127.0.0.1 and lives in a temp folder removed at the end.
 *
 * The embedded database (PGlite) lives in the server process and alone holds several hundred MB, whatever the
 * transfers do (compare the peaks with the idle figure). With `UPDRAFT_BENCH_DB=postgres` the server uses a
 * throwaway database on the PostgreSQL server at UPDRAFT_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/
 * postgres), dropped at the end, and its RSS is the server's own.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type ClientRequest, get, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { benchDatabase } from './harness.js';

const FILE_BYTES = 1024 ** 3;
const CHUNK_BYTES = 1024 ** 2;
/**
 * Each download is run this many times, alternating with the baselines; the best run of each is compared.
 * `--rounds=N` runs fewer or more (on a busy machine a round of three 1 GiB downloads can take minutes).
 */
const DOWNLOAD_ROUNDS = Number(
  /^--rounds=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--rounds=')) ?? '')?.[1] ?? 5,
);
/** The whole run is cut off after this long, children killed and files removed. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
const HOST = '127.0.0.1';
const MB = 1024 * 1024;
/** The block size of the local driver's reads (`highWaterMark` in src/storage/local.ts), which the baseline uses. */
const SERVER_BLOCK_BYTES = 1024 * 1024;
/** Node's default for fs.createReadStream: the block size of the baseline before it matched the server's. */
const NODE_DEFAULT_BLOCK_BYTES = 64 * 1024;
/** `--uploads-only` (npm run bench:upload-order): the two uploads and their memory, no downloads. */
const UPLOADS_ONLY = process.argv.includes('--uploads-only');
const RESUMABLE = process.argv.includes('--resumable');
/** Where `--resumable` cuts its first PATCH off. */
const CUT_AT = Math.floor(FILE_BYTES * 0.4);
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process, in bytes, from /proc (Linux). */
function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/**
 * The peak resident memory of `pid` while `work` runs: the kernel's high-water mark, reset before (writing 5 to
 * clear_refs), and polled samples as a floor where the reset is not permitted.
 */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted here: the polled samples below still give the peak within 20 ms.
  }
  let polled = procStatus(pid, 'VmRSS');
  const timer = setInterval(() => {
    polled = Math.max(polled, procStatus(pid, 'VmRSS'));
  }, 20);
  try {
    const result = await work();
    return { result, peak: Math.max(polled, procStatus(pid, 'VmHWM')) };
  } finally {
    clearInterval(timer);
  }
}

interface Child {
  process: ChildProcess;
  output: string[];
}

function startChild(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return { process: child, output };
}

async function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const forced = setTimeout(() => child.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(forced);
}

async function waitForHttp(url: string, child: Child): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`server exited:\n${child.output.join('')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within 120 s:\n${child.output.join('')}`);
}

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${what}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * The 1 GiB body from `offset` on, made on the fly: one random mebibyte (`chunk`) over and over, never the whole file
 * in memory.
 */
function* payload(chunk: Buffer = randomBytes(CHUNK_BYTES), offset = 0): Generator<Buffer> {
  let sent = offset;
  if (sent % CHUNK_BYTES !== 0) {
    yield chunk.subarray(sent % CHUNK_BYTES);
    sent += CHUNK_BYTES - (sent % CHUNK_BYTES);
  }
  for (; sent < FILE_BYTES; sent += CHUNK_BYTES) yield chunk;
}

/**
 * Writes `body` to `req` with backpressure (the client never buffers more than the socket asks for), then `tail`;
 * with `cutAfter`, destroys the request instead once that many bytes of `body` are written.
 */
function send(req: ClientRequest, body: Iterator<Buffer>, tail?: Buffer, cutAfter?: number): void {
  let written = 0;
  const write = (): void => {
    for (let next = body.next(); !next.done; next = body.next()) {
      written += next.value.length;
      if (cutAfter !== undefined && written >= cutAfter) {
        req.destroy();
        return;
      }
      if (!req.write(next.value)) {
        req.once('drain', write);
        return;
      }
    }
    req.end(tail);
  };
  write();
}

/**
 * Streams a multipart form with a known Content-Length; resolves with the answer. `data-first`: `data` JSON, then
 * `file`; `data-last`: `file`, then `data`, as FaynoSync's CLI, Postman collection and dashboard send it.
 */
function uploadFile(
  baseUrl: string,
  token: string,
  data: object,
  order: 'data-first' | 'data-last',
): Promise<{ status: number; body: string }> {
  const boundary = `----updraft-bench-${randomBytes(8).toString('hex')}`;
  const dataPart = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`;
  const filePart =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-${order}.bin"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  const head = Buffer.from(order === 'data-first' ? dataPart + filePart : filePart);
  const tail = Buffer.from(`\r\n${order === 'data-last' ? dataPart : ''}--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/upload`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': head.length + FILE_BYTES + tail.length,
      },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.once('error', reject);
    });
    req.write(head);
    send(req, payload(), tail);
  });
}

/**
 * PATCHes the resumable upload at `location` from `offset` with the rest of the file (`chunk` over and over); with
 * `cutAfter`, the request is destroyed after that many bytes. Resolves with the status (0: cut off).
 */
function patchFrom(
  baseUrl: string,
  token: string,
  location: string,
  chunk: Buffer,
  offset: number,
  cutAfter?: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${location}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${token}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': FILE_BYTES - offset,
      },
    });
    req.once('error', (err) => (cutAfter === undefined ? reject(err) : resolve(0)));
    req.once('close', () => {
      if (cutAfter !== undefined) resolve(0);
    });
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    send(req, payload(chunk, offset), undefined, cutAfter);
  });
}

/**
 * One request on a connection of its own, answered as status, headers and text: after minutes of PATCH a pooled
 * connection may have been closed by the server's keep-alive timeout.
 */
function once(
  url: string,
  options: { method: string; headers: Record<string, string | number> },
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, agent: false });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.end(body);
  });
}

/** The upload's Upload-Offset, as HEAD answers it. */
async function offsetOf(baseUrl: string, token: string, location: string): Promise<number> {
  const res = await once(`${baseUrl}${location}`, {
    method: 'HEAD',
    headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' },
  });
  if (res.status !== 200) throw new Error(`HEAD ${location}: ${res.status}`);
  return Number(res.headers['upload-offset']);
}

/**
 * The resumable upload of `--resumable`: opens the upload, sends 40 % of the file and cuts the connection, asks how
 * far it got, sends the rest (asking again when it answers 409: the server may not have recorded the cut request
 * yet), then commits it as a release. Checks the SHA-256 the commit answers against the file's.
 */
async function resumableUpload(
  baseUrl: string,
  token: string,
  pid: number,
): Promise<{ lines: string[]; peak: number }> {
  const chunk = randomBytes(CHUNK_BYTES);
  const whole = createHash('sha256');
  for (const part of payload(chunk)) whole.update(part);
  const sha256 = whole.digest('hex');
  const created = await once(`${baseUrl}/uploads`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(FILE_BYTES),
      'Upload-Metadata': `filename ${Buffer.from('bench-resumable.bin').toString('base64')}`,
    },
  });
  const location = created.headers.location;
  if (created.status !== 201 || typeof location !== 'string')
    throw new Error(`POST /uploads answered ${created.status}`);
  process.stdout.write(`resumable upload of ${mb(FILE_BYTES)}: cut at ${mb(CUT_AT)}, then resumed…\n`);
  const started = process.hrtime.bigint();
  const patches = await peakRss(pid, async () => {
    await patchFrom(baseUrl, token, location, chunk, 0, CUT_AT);
    let resumedAt = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      resumedAt = await offsetOf(baseUrl, token, location);
      const status = await patchFrom(baseUrl, token, location, chunk, resumedAt);
      if (status === 204) return resumedAt;
      if (status !== 409) throw new Error(`PATCH from ${resumedAt} answered ${status}`);
      await sleep(100);
    }
    throw new Error('the resume kept answering 409');
  });
  const patchSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const boundary = `----updraft-bench-${randomBytes(8).toString('hex')}`;
  const data = JSON.stringify({
    app_name: 'bench',
    version: '2.0.0',
    uploads: [{ id: location.split('/').pop() }],
  });
  const form = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n--${boundary}--\r\n`,
  );
  const commitStarted = process.hrtime.bigint();
  const commit = await peakRss(pid, async () => {
    const res = await once(
      `${baseUrl}/upload`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': form.length,
        },
      },
      form,
    );
    if (res.status !== 200) throw new Error(`upload with data.uploads: ${res.status} ${res.text}`);
    return JSON.parse(res.text) as Record<string, unknown>;
  });
  const commitSeconds = Number(process.hrtime.bigint() - commitStarted) / 1e9;
  const stored = (commit.result.artifacts as { sha256: string; size: number }[] | undefined)?.[0];
  if (stored?.sha256 !== sha256 || stored.size !== FILE_BYTES) {
    throw new Error(`the commit answered ${JSON.stringify(stored)}, expected SHA-256 ${sha256}`);
  }
  const lines = [
    `PATCHes              ${rate(FILE_BYTES, patchSeconds).toFixed(0)} MB/s (${patchSeconds.toFixed(1)} s for the file, cut at ${mb(CUT_AT)}, resumed at ${mb(patches.result)})`,
    `commit               ${rate(FILE_BYTES, commitSeconds).toFixed(0)} MB/s (${commitSeconds.toFixed(1)} s: the session's file hashed into storage, SHA-256 verified)`,
    `server RSS peak      PATCHes ${mb(patches.peak)}, commit ${mb(commit.peak)}`,
  ];
  return { lines, peak: Math.max(patches.peak, commit.peak) };
}

/** Downloads `url` with a streaming client, counting bytes; resolves with the byte count and the seconds it took. */
function download(url: string): Promise<{ bytes: number; seconds: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${url}: ${res.statusCode}`));
        return;
      }
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.once('end', () => resolve({ bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
      res.once('error', reject);
    }).once('error', reject);
  });
}

/** The uploaded object as the local driver stored it: the largest file under `public/` (sidecars are dot-files). */
function storedObject(root: string): { path: string; key: string } {
  let best: { path: string; size: number } | undefined;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!best || statSync(path).size > best.size) best = { path, size: statSync(path).size };
    }
  };
  walk(root);
  if (!best || best.size !== FILE_BYTES) throw new Error(`no ${FILE_BYTES}-byte object under ${root}`);
  return { path: best.path, key: relative(root, best.path).split(sep).join('/') };
}

/** The baseline server: GET /<bytes> streams the file in reads of that many bytes; GET / answers that it is up. */
const BASELINE = `
const http = require('node:http');
const fs = require('node:fs');
const path = process.env.BENCH_FILE;
const size = fs.statSync(path).size;
http.createServer((req, res) => {
  const highWaterMark = Number(req.url.slice(1));
  if (!highWaterMark) return res.end();
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
  fs.createReadStream(path, { highWaterMark }).pipe(res);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const rate = (bytes: number, seconds: number) => bytes / MB / seconds;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

async function main(): Promise<void> {
  const root = process.cwd();
  process.stdout.write('building the server…\n');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

  const work = await mkdtemp(join(tmpdir(), 'updraft-transfer-'));
  const database = await benchDatabase();
  let server: Child | undefined;
  let baseline: Child | undefined;
  const cutoff = setTimeout(() => {
    process.stderr.write(`transfer bench: over ${RUN_TIMEOUT_MS / 60000} minutes, giving up\n`);
    void Promise.all([stopChild(server), stopChild(baseline)])
      .then(() => Promise.all([rm(work, { recursive: true, force: true }), database.drop()]))
      .finally(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  try {
    const port = await freePort();
    const baseUrl = `http://${HOST}:${port}`;
    const apiKey = randomBytes(16).toString('base64url');
    server = startChild([join(root, 'dist/main.js')], {
      NODE_ENV: 'production',
      DATA_DIR: join(work, 'data'),
      API_KEY: apiKey,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      UPLOAD_MAX_BYTES: '2GB',
      HOST,
      PORT: String(port),
      API_URL: baseUrl,
      LOG_LEVEL: 'warn',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
    const pid = server.process.pid ?? 0;
    await waitForHttp(`${baseUrl}/health`, server);

    const credentials = { username: 'bench', password: randomBytes(12).toString('base64url') };
    await json(
      await fetch(`${baseUrl}/signup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...credentials, api_key: apiKey }),
      }),
      'signup',
    );
    const login = await json(
      await fetch(`${baseUrl}/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(credentials),
      }),
      'login',
    );
    const token = String(login.token);
    const form = new FormData();
    form.set('data', JSON.stringify({ app: 'bench' }));
    await json(
      await fetch(`${baseUrl}/app/create`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      }),
      'app/create',
    );
    const probe = await fetch(`${baseUrl}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    if (probe.status === 404) {
      throw new Error('POST /upload is not there yet (404): the bench needs the upload route to run');
    }
    const idleRss = procStatus(pid, 'VmRSS');
    if (RESUMABLE) {
      const { lines, peak } = await resumableUpload(baseUrl, token, pid);
      const growth = peak - idleRss;
      process.stdout.write(
        [
          '',
          `database             ${database.url ? 'PostgreSQL (external)' : 'PGlite (embedded, in the server process)'}`,
          `file                 ${mb(FILE_BYTES)}`,
          ...lines,
          `server RSS idle      ${mb(idleRss)}`,
          `server RSS growth    ${mb(Math.max(0, growth))} over idle at most (goal < 200 MB)`,
          `verdict              ${growth < 200 * MB ? 'goal met' : 'GOAL NOT MET'}`,
          '',
        ].join('\n'),
      );
      return;
    }

    const uploadOnce = async (order: 'data-first' | 'data-last', version: string) => {
      process.stdout.write(`uploading ${mb(FILE_BYTES)}, ${order}…\n`);
      const started = process.hrtime.bigint();
      const run = await peakRss(pid, () =>
        uploadFile(baseUrl, token, { app_name: 'bench', version, publish: true }, order),
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (run.result.status !== 200) {
        throw new Error(`upload (${order}) answered ${run.result.status}: ${run.result.body}`);
      }
      return { peak: run.peak, seconds };
    };
    const upload = await uploadOnce('data-first', '1.0.0');
    const uploadLast = await uploadOnce('data-last', '1.0.1');
    const uploadSeconds = upload.seconds;
    const uploadLines = [
      `database             ${database.url ? 'PostgreSQL (external)' : 'PGlite (embedded, in the server process)'}`,
      `file                 ${mb(FILE_BYTES)}`,
      `upload, data first   ${rate(FILE_BYTES, uploadSeconds).toFixed(0)} MB/s (${uploadSeconds.toFixed(1)} s, hashing SHA-1 + SHA-256 + SHA-512, fsync)`,
      `upload, data last    ${rate(FILE_BYTES, uploadLast.seconds).toFixed(0)} MB/s (${uploadLast.seconds.toFixed(1)} s; staged privately, moved at the commit)`,
      `server RSS idle      ${mb(idleRss)}`,
      `server RSS peak      upload data first ${mb(upload.peak)}, data last ${mb(uploadLast.peak)} (goal < ${database.url ? 200 : 250} MB)`,
    ];
    if (UPLOADS_ONLY) {
      // With PGlite the database's pages dominate the figure, so the growth over idle is what the upload adds.
      const growth = Math.max(upload.peak, uploadLast.peak) - idleRss;
      process.stdout.write(
        [
          '',
          ...uploadLines,
          `server RSS growth    ${mb(Math.max(0, growth))} over idle at most (goal < 200 MB)`,
          `verdict              ${growth < 200 * MB ? 'goal met' : 'GOAL NOT MET'}`,
          '',
        ].join('\n'),
      );
      return;
    }

    const stored = storedObject(join(work, 'data', 'artifacts', 'public'));
    const filesUrl = `${baseUrl}/files/public/${stored.key.split('/').map(encodeURIComponent).join('/')}`;
    const baselinePort = await freePort();
    baseline = startChild(['-e', BASELINE], { BENCH_FILE: stored.path, PORT: String(baselinePort) });
    const baselineUrl = `http://${HOST}:${baselinePort}/`;
    await waitForHttp(`${baselineUrl}`, baseline);

    let best = { updraft: 0, baseline: 0, baseline64k: 0 };
    let downloadPeak = 0;
    for (let round = 1; round <= DOWNLOAD_ROUNDS; round++) {
      const ours = await peakRss(pid, () => download(filesUrl));
      const bare = await download(`${baselineUrl}${SERVER_BLOCK_BYTES}`);
      const bare64k = await download(`${baselineUrl}${NODE_DEFAULT_BLOCK_BYTES}`);
      for (const run of [ours.result, bare, bare64k]) {
        if (run.bytes !== FILE_BYTES)
          throw new Error(`downloaded ${run.bytes} bytes, expected ${FILE_BYTES}`);
      }
      downloadPeak = Math.max(downloadPeak, ours.peak);
      best = {
        updraft: Math.max(best.updraft, rate(ours.result.bytes, ours.result.seconds)),
        baseline: Math.max(best.baseline, rate(bare.bytes, bare.seconds)),
        baseline64k: Math.max(best.baseline64k, rate(bare64k.bytes, bare64k.seconds)),
      };
      process.stdout.write(
        `  round ${round}: updraft ${rate(ours.result.bytes, ours.result.seconds).toFixed(0)} MB/s, ` +
          `baseline ${rate(bare.bytes, bare.seconds).toFixed(0)} MB/s (1 MiB reads), ` +
          `${rate(bare64k.bytes, bare64k.seconds).toFixed(0)} MB/s (64 KiB reads)\n`,
      );
    }

    const ratio = best.updraft / best.baseline;
    const rssGoal = (database.url ? 200 : 250) * MB;
    const peak = Math.max(upload.peak, uploadLast.peak, downloadPeak);
    process.stdout.write(
      [
        '',
        ...uploadLines,
        `download (updraft)   ${best.updraft.toFixed(0)} MB/s (best of ${DOWNLOAD_ROUNDS})`,
        `download (baseline)  ${best.baseline.toFixed(0)} MB/s (bare node:http + fs.createReadStream, 1 MiB reads as the server's, best of ${DOWNLOAD_ROUNDS})`,
        `download ratio       ${(ratio * 100).toFixed(0)}% of baseline (goal >= 80%)`,
        `  with 64 KiB reads  ${best.baseline64k.toFixed(0)} MB/s: ratio ${((best.updraft / best.baseline64k) * 100).toFixed(0)}% (the baseline of earlier runs)`,
        `server RSS peak      download ${mb(downloadPeak)} (goal < ${mb(rssGoal)})`,
        `verdict              ${peak < rssGoal && ratio >= 0.8 ? 'goals met' : 'GOALS NOT MET'}`,
        '',
      ].join('\n'),
    );
  } catch (err) {
    // What the server said is usually why.
    const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}${cause}\n--- server ---\n${server?.output.join('') ?? ''}`,
    );
  } finally {
    clearTimeout(cutoff);
    await Promise.all([stopChild(server), stopChild(baseline)]);
    await Promise.all([rm(work, { recursive: true, force: true }), database.drop()]);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`transfer bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
