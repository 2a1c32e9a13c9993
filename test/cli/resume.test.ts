import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, runUpdraft, serveUpdraft, signUp, type UpdraftProcess } from '../faults/processes.js';
import { createPostgresDatabase, seedDataDir, usingPostgres } from '../helpers/app.js';
import { CliUser, sha256File } from '../helpers/cli.js';

const LARGE_BYTES = 200 * 1024 * 1024;
const LARGE = 'desktop-2.0.0-full.nupkg';

/** The percentages of the plain progress lines `publish` printed for one file. */
function percentages(stderr: string, file: string): number[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith(`${file} `))
    .map((l) => Number(/ (\d+)% /.exec(l)?.[1]))
    .filter((n) => Number.isFinite(n));
}

async function until(what: string, condition: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The built server as an operator runs it, restarted while `updraft publish` sends a 200 MB file through the
 * resumable uploads: the command fails, and the same command run again continues the file from where the server has
 * it and publishes it with the right SHA-256.
 */
describe('updraft publish after a server restart', () => {
  let work: string;
  let port: number;
  let server: UpdraftProcess;
  let env: Record<string, string>;
  let dropDatabase: () => Promise<void> = async () => {};
  const user = new CliUser();
  const serverEnv: Record<string, string> = {};

  beforeAll(async () => {
    buildServer();
    work = mkdtempSync(join(tmpdir(), 'updraft-resume-'));
    serverEnv.DATA_DIR = join(work, 'data');
    if (!usingPostgres) seedDataDir(serverEnv.DATA_DIR);
    else {
      const database = await createPostgresDatabase();
      serverEnv.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
    server = await serveUpdraft(serverEnv);
    port = server.port;
    env = { UPDRAFT_URL: server.url, UPDRAFT_TOKEN: await signUp(server.url, 'resumer') };
    for (const args of [
      ['channel', 'create', 'stable'],
      ['platform', 'create', 'windows'],
      ['arch', 'create', 'x64'],
      ['app', 'create', 'desktop'],
    ]) {
      const res = await user.run(args, { env });
      expect(res.code, res.stderr).toBe(0);
    }
  }, 420_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await dropDatabase();
    rmSync(work, { recursive: true, force: true });
    rmSync(user.home, { recursive: true, force: true });
  });

  it('continues the large file where the server has it and verifies its SHA-256', async () => {
    const small = join(work, 'latest.yml');
    writeFileSync(small, 'version: 2.0.0\n');
    const large = join(work, LARGE);
    const fd = openSync(large, 'w');
    for (const at of [0, LARGE_BYTES / 3, LARGE_BYTES - 4096]) writeSync(fd, randomBytes(4096), 0, 4096, at);
    closeSync(fd);
    const args = ['publish', 'desktop', '2.0.0', small, large];
    const placement = ['--channel', 'stable', '--platform', 'windows', '--arch', 'x64', '--json'];

    const first = user.start([...args, ...placement, '--retries', '0'], { env });
    await until('half the large file', () => Math.max(0, ...percentages(first.stderr(), LARGE)) >= 50);
    // Killed, as a crash or an OOM kill stops it: every connection is cut in the middle of what it carries.
    await server.stop('SIGKILL');
    const cut = await first.done;
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/^updraft: .*could not be reached/m);
    expect(Math.max(...percentages(cut.stderr, LARGE))).toBeLessThan(100);
    // How far the server got, as the remembered upload's HEAD tells (the bytes in flight are lost).
    const remembered = JSON.parse(readFileSync(join(user.configDir, 'uploads.json'), 'utf8')) as Record<
      string,
      { uploadUrl: string; size: number }
    >;
    const entry = Object.values(remembered).find((u) => u.size === LARGE_BYTES);

    server = runUpdraft([], serverEnv, port);
    await server.ready(300_000);
    const head = await fetch(new URL(entry?.uploadUrl ?? '', server.url), {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${env.UPDRAFT_TOKEN}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThanOrEqual(LARGE_BYTES / 10);
    expect(offset).toBeLessThan(LARGE_BYTES);
    const again = await user.run([...args, ...placement], { env });
    expect(again.code, again.stderr).toBe(0);
    // A new upload would pass 10 % first; this one starts from what the server kept.
    const resumed = percentages(again.stderr, LARGE);
    expect(resumed[0]).toBeGreaterThanOrEqual(Math.floor((offset * 10) / LARGE_BYTES) * 10);
    expect(resumed.at(-1)).toBe(100);
    const result = JSON.parse(again.stdout) as { files: { name: string; sha256: string; size: number }[] };
    expect(result.files).toEqual([
      { name: 'latest.yml', size: 15, sha256: await sha256File(small) },
      { name: LARGE, size: LARGE_BYTES, sha256: await sha256File(large) },
    ]);
    // Committed uploads are forgotten: a later publish of other files starts afresh.
    const store = JSON.parse(readFileSync(join(user.configDir, 'uploads.json'), 'utf8')) as object;
    expect(Object.keys(store)).toEqual([]);
  }, 600_000);
});
