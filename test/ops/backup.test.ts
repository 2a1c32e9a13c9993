import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Header, list, Pack, ReadEntry } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../src/db/migrations.js';
import {
  buildServer,
  call,
  login,
  ROOT,
  runUpdraft,
  serveUpdraft,
  signUp,
  type UpdraftProcess,
} from '../faults/processes.js';
import { seedDataDir } from '../helpers/app.js';
import { multipart } from '../helpers/releases.js';

const version = () =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The SHA-256 of each release file, keyed by app, version and file name (cheap to compare between requests). */
type Files = Map<string, string>;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface SearchItem {
  Version: string;
  Artifacts: { link: string; file_name: string }[];
}

/**
 * The embedded setup's backup as an operator runs it: a built server on its own DATA_DIR (the jwt-secret
 * generated there, as without JWT_SECRET), releases of a public and a private app, then the server stopped,
 * `updraft backup`, the DATA_DIR wiped, `updraft restore`, and the server started again on it.
 */
describe('updraft backup and restore', () => {
  let work: string;
  let dataDir: string;
  let server: UpdraftProcess | undefined;
  // Without JWT_SECRET (so not in production), the server generates DATA_DIR/jwt-secret, which the backup must keep.
  const env = () => ({ DATA_DIR: dataDir, NODE_ENV: 'development', JWT_SECRET: '' });
  const serve = () => serveUpdraft(env());
  const run = (...args: string[]) => runUpdraft(args, env()).exited;
  const lines = (text: string) => text.trim().split('\n');

  beforeAll(async () => {
    buildServer();
    work = mkdtempSync(join(tmpdir(), 'updraft-backup-'));
    dataDir = join(work, 'data');
    await seedDatabase(dataDir);
  }, 180_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('prints the version of package.json with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const res = await runUpdraft([flag], {}).exited;
      expect(res, flag).toEqual({ code: 0, stdout: `${version()}\n`, stderr: '' });
    }
  });

  it('backs up, wipes, restores, and serves every release with the same bytes to the same sessions', async () => {
    server = await serve();
    const token = await signUp(server.url, 'keeper');
    const uploaded: Files = new Map();
    await createApp(server.url, token, 'Open', false);
    await createApp(server.url, token, 'Closed', true);
    await release(server.url, token, uploaded, 'Open', '1.0.0', ['Open Setup 1.0.0.exe', 'Open-1.0.0.dmg']);
    await release(server.url, token, uploaded, 'Open', '1.1.0', ['Open Setup 1.1.0.exe']);
    await release(server.url, token, uploaded, 'Closed', '2.0.0', ['Closed Setup ü 2.0.0.exe']);
    expect(await downloadAll(server.url, token)).toEqual(uploaded);
    // A signed URL of a private file, given out before the backup: signed with a key derived from jwt-secret.
    const signed = await signedUrl(server.url, token, 'Closed');

    // The embedded setup is backed up offline: a running server's DATA_DIR is refused, and nothing is written.
    const archive = join(work, 'updraft.tar.gz');
    const refused = await run('backup', archive);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([
      expect.stringMatching(
        /^updraft: DATA_DIR .+ is in use by "updraft serve" \(pid \d+, .+\): stop the server first/,
      ),
    ]);
    expect(existsSync(archive)).toBe(false);
    expect((await call(server.url, 'GET', '/health')).status).toBe(200);

    expect((await server.stop()).code).toBe(0);
    server = undefined;
    const backup = await run('backup', archive);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(lines(backup.stdout)).toEqual([
      expect.stringMatching(
        /^backup written to .+updraft\.tar\.gz \(\d+ bytes: database at 0\d+_\w+, \d+ artifact files\)$/,
      ),
    ]);
    expect(readFileSync(archive).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const entries = await archiveEntries(archive);
    expect(entries[0]).toBe('manifest.json');
    expect(entries).toContain('jwt-secret');
    expect(entries).toContain('pgdata/PG_VERSION');
    expect(entries.some((e) => e.startsWith('artifacts/.tmp'))).toBe(false);
    const manifest = JSON.parse(await entryText(archive, 'manifest.json')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      format: 'updraft-backup',
      format_version: 1,
      database: 'pglite',
      migrations: [...MIGRATION_NAMES],
      storage: 'local',
      secrets: ['jwt-secret'],
      jwt_secret_from_environment: false,
    });
    // Each release file and its metadata sidecar.
    expect((manifest.artifacts as { files: number }).files).toBeGreaterThanOrEqual(uploaded.size);

    // The DATA_DIR is lost; an empty one (a new volume) takes the backup.
    const secret = readFileSync(join(dataDir, 'jwt-secret'));
    const artifacts = tree(join(dataDir, 'artifacts'));
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    const restored = await run('restore', archive);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(lines(restored.stdout)).toEqual([expect.stringMatching(/^restored the backup of .+ into /)]);
    expect(readFileSync(join(dataDir, 'jwt-secret')).equals(secret)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(['artifacts', 'jwt-secret', 'pgdata']);
    // Every stored file comes back, metadata sidecars included (the store's temporary folder is not kept).
    expect(tree(join(dataDir, 'artifacts'))).toEqual(artifacts);
    expect([...artifacts.keys()].some((path) => path.endsWith('.meta.json'))).toBe(true);

    // A second restore over it is refused, and changes nothing.
    const again = await run('restore', archive);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual([
      `updraft: DATA_DIR ${dataDir} is not empty (it holds artifacts, jwt-secret, pgdata): restore into a new or empty directory, or move this one aside`,
    ]);

    server = await serve();
    // The session signed before the backup still holds, and so does the signed URL.
    expect(await downloadAll(server.url, token)).toEqual(uploaded);
    // Its path and query are what is signed; the restored server listens on another port.
    const { pathname, search } = new URL(signed.url);
    const file = await fetch(`${server.url}${pathname}${search}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(signed.bytes)).toBe(true);
    const fresh = await login(server.url, 'keeper');
    expect(await downloadAll(server.url, fresh)).toEqual(uploaded);
    // And the restored server goes on writing.
    await release(server.url, token, uploaded, 'Open', '1.2.0', ['Open Setup 1.2.0.exe']);
    expect(await downloadAll(server.url, token)).toEqual(uploaded);
    expect((await server.stop()).code).toBe(0);
    server = undefined;
  }, 600_000);

  it('refuses what is not a whole backup, leaving the DATA_DIR empty', async () => {
    // A backup of a DATA_DIR no server ran on: the database alone.
    const source = join(work, 'source');
    await seedDatabase(source);
    const archive = join(work, 'bare.tar.gz');
    const made = await runUpdraft(['backup', archive], { DATA_DIR: source }).exited;
    expect(made.stderr).toBe('');
    // The suite's servers sign with JWT_SECRET: the operator is told it is theirs to keep.
    expect(lines(made.stdout)).toEqual([
      expect.stringMatching(/ 0 artifact files\)$/),
      'JWT_SECRET is set in the environment and not in the backup: keep it with the backup',
    ]);
    const target = join(work, 'target');
    const restoreInto = (file: string) => runUpdraft(['restore', file], { DATA_DIR: target }).exited;

    const missing = await restoreInto(join(work, 'nothing.tar'));
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual([expect.stringMatching(/nothing\.tar does not exist: /)]);
    expect(existsSync(target)).toBe(false);

    const notTar = join(work, 'notes.txt');
    writeFileSync(notTar, 'not an archive\n');
    const notBackup = await restoreInto(notTar);
    expect(notBackup.code).toBe(1);
    expect(lines(notBackup.stderr)).toEqual([expect.stringMatching(/notes\.txt is not an Updraft backup: /)]);
    expect(readdirSync(target)).toEqual([]);

    // Cut short (a copy that did not finish): the manifest reads, the rest does not.
    const cut = join(work, 'cut.tar.gz');
    const whole = readFileSync(archive);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const truncated = await restoreInto(cut);
    expect(truncated.code).toBe(1);
    expect(lines(truncated.stderr)).toEqual([
      expect.stringMatching(
        /cut\.tar\.gz is damaged or incomplete \(.+\): restore an intact copy of the backup$/,
      ),
    ]);
    expect(readdirSync(target)).toEqual([]);

    // Made by a newer Updraft, whose database this version could not run: refused before anything is written.
    const manifest = JSON.parse(await entryText(archive, 'manifest.json')) as { migrations: string[] };
    manifest.migrations.push('9999_from_the_future');
    const future = join(work, 'future.tar');
    const body = Buffer.from(JSON.stringify({ ...manifest, updraft_version: '9.0.0' }));
    const entry = new ReadEntry(
      new Header({ path: 'manifest.json', type: 'File', size: body.length, mode: 0o600 }),
    );
    entry.end(body);
    const pack = new Pack({ cwd: work });
    pack.add(entry);
    pack.end();
    writeFileSync(future, await pack.concat());
    const newer = await restoreInto(future);
    expect(newer.code).toBe(1);
    expect(lines(newer.stderr)).toEqual([
      `updraft: ${future} holds a database migrated by Updraft 9.0.0 (9999_from_the_future), which Updraft ${version()} does not know: restore it with Updraft 9.0.0 or later`,
    ]);
    expect(readdirSync(target)).toEqual([]);
  }, 300_000);
});

/**
 * Starts DATA_DIR from the test run's migrated snapshot (test/global-setup.ts) instead of an initdb of its own,
 * which takes most of a minute on a busy two-core machine. The snapshot is PGlite's dump of its data directory.
 * A run on PostgreSQL (UPDRAFT_TEST_DB=postgres) makes none: `migrate` creates the database then.
 */
/** The embedded database of a server that has started once; on a PostgreSQL run (no snapshot), made by `migrate`. */
async function seedDatabase(dataDir: string): Promise<void> {
  if (seedDataDir(dataDir)) return;
  const migrated = await runUpdraft(['migrate'], { DATA_DIR: dataDir }).exited;
  expect(migrated.code, migrated.stderr).toBe(0);
}

async function createApp(base: string, token: string, name: string, isPrivate: boolean): Promise<void> {
  const form = multipart([
    { name: 'data', value: JSON.stringify({ app: name, private: String(isPrivate) }) },
  ]);
  const res = await fetch(`${base}/app/create`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': form.contentType },
    body: form.body,
  });
  expect(res.status, await res.text()).toBe(200);
}

/** Uploads a published version with one random file per name, and notes each file's bytes. */
async function release(
  base: string,
  token: string,
  files: Files,
  app: string,
  version: string,
  names: string[],
): Promise<void> {
  const contents = names.map((name) => ({ name, content: randomBytes(96 * 1024 + names.indexOf(name)) }));
  const form = multipart([
    { name: 'data', value: JSON.stringify({ app_name: app, version, publish: true }) },
    ...contents.map((file) => ({ name: 'file', file: { ...file, encodeName: true } })),
  ]);
  const res = await fetch(`${base}/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': form.contentType },
    body: form.body,
  });
  expect(res.status, await res.text()).toBe(200);
  for (const file of contents) files.set(`${app} ${version} ${file.name}`, sha256(file.content));
}

/** Every release file of both apps, found through /search and downloaded as a client would. */
async function downloadAll(base: string, token: string): Promise<Files> {
  const found: Files = new Map();
  for (const app of ['Open', 'Closed']) {
    const search = await call(base, 'GET', `/search?app_name=${app}&limit=100`, undefined, token);
    expect(search.status, JSON.stringify(search.body)).toBe(200);
    for (const item of search.body.items as SearchItem[]) {
      for (const artifact of item.Artifacts) {
        found.set(
          `${app} ${item.Version} ${artifact.file_name}`,
          sha256(await fetchArtifact(artifact.link, token)),
        );
      }
    }
  }
  return found;
}

/** A public link is the file; a private one (`/download?key=`) answers a signed URL for the caller. */
async function fetchArtifact(link: string, token: string): Promise<Buffer> {
  let url = link;
  if (new URL(link).pathname === '/download') {
    const res = await fetch(link, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status, link).toBe(200);
    url = ((await res.json()) as { download_url: string }).download_url;
  }
  const file = await fetch(url);
  expect(file.status, url).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

async function signedUrl(base: string, token: string, app: string): Promise<{ url: string; bytes: Buffer }> {
  const search = await call(base, 'GET', `/search?app_name=${app}&limit=100`, undefined, token);
  const link = (search.body.items as SearchItem[])[0]?.Artifacts[0]?.link ?? '';
  const res = await fetch(link, { headers: { Authorization: `Bearer ${token}` } });
  const url = ((await res.json()) as { download_url: string }).download_url;
  return { url, bytes: Buffer.from(await (await fetch(url)).arrayBuffer()) };
}

/** Each file under `dir` (but the store's `.tmp`) by its path, with its SHA-256. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === '.tmp') continue;
      if (entry.isDirectory()) walk(path);
      else files.set(path, sha256(readFileSync(join(dir, path))));
    }
  };
  walk('');
  return files;
}

/** The archive's entry names in order, directories without their trailing slash. */
async function archiveEntries(file: string): Promise<string[]> {
  const names: string[] = [];
  await list({ file, onReadEntry: (entry: ReadEntry) => names.push(entry.path.replace(/\/$/, '')) });
  return names;
}

async function entryText(file: string, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  await list({
    file,
    filter: (path) => path === name,
    onReadEntry: (entry: ReadEntry) => entry.on('data', (chunk: Buffer) => chunks.push(chunk)),
  });
  return Buffer.concat(chunks).toString('utf8');
}
