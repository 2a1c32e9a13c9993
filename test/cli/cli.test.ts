import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../faults/processes.js';
import { createTestApp, TEST_SIGNUP_KEY, type TestApp } from '../helpers/app.js';
import { PASSWORD, uniqueName } from '../helpers/auth.js';
import { CliUser, listen, sha256File } from '../helpers/cli.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const LARGE_BYTES = 200 * 1024 * 1024;
/** Each test runs the command line several times, a Node start-up each: slow on a busy machine. */
const STEPS_TIMEOUT = 180_000;

interface PublishJson {
  id: string;
  app: string;
  version: string;
  published: boolean;
  files: { name: string; size: number; sha256: string }[];
}

/** The plain progress lines of one file in what `publish` wrote to stderr. */
function progressLines(stderr: string, file: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith(`${file} `) && /\d+%/.test(l));
}

/**
 * Replaces every `from` with `to` (same length) in a byte stream, also across chunk boundaries: a network that
 * changes bytes in flight, which the server's SHA-256 then disagrees with.
 */
function corrupting(from: string, to: string): () => Transform {
  const needle = Buffer.from(from);
  const replacement = Buffer.from(to);
  return () => {
    let held = Buffer.alloc(0);
    return new Transform({
      transform(chunk: Buffer, _enc, done) {
        const data = Buffer.concat([held, chunk]);
        for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, at + 1)) {
          replacement.copy(data, at);
        }
        // Holds back only a tail that may be the start of the needle: the rest must flow, or the request stalls.
        let keep = Math.min(needle.length - 1, data.length);
        while (keep > 0 && !data.subarray(data.length - keep).equals(needle.subarray(0, keep))) keep--;
        held = Buffer.from(data.subarray(data.length - keep));
        done(null, data.subarray(0, data.length - keep));
      },
      flush(done) {
        done(null, held);
      },
    });
  };
}

describe('updraft command line against a running server', () => {
  let app: TestApp;
  let server: Server;
  let url: string;
  let work: string;
  const user = new CliUser();
  const admin = uniqueName('cli');
  const files: Record<'setup' | 'notes' | 'large', string> = { setup: '', notes: '', large: '' };

  beforeAll(async () => {
    buildServer();
    app = await createTestApp();
    ({ server, url } = await listen(app));
    const signup = await fetch(`${url}/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: admin, password: PASSWORD, api_key: TEST_SIGNUP_KEY }),
    });
    expect(signup.status).toBe(200);
    work = mkdtempSync(join(tmpdir(), 'updraft-cli-files-'));
    files.setup = join(work, 'desktop-setup-1.0.0.exe');
    files.notes = join(work, 'latest.yml');
    files.large = join(work, 'desktop-1.0.0-full.nupkg');
    writeFileSync(files.setup, randomBytes(3 * 1024 * 1024 + 17));
    writeFileSync(files.notes, 'version: 1.0.0\n');
    // 200 MB without writing 200 MB: sparse, with random bytes at both ends and in the middle.
    const fd = openSync(files.large, 'w');
    for (const at of [0, LARGE_BYTES / 2, LARGE_BYTES - 4096]) writeSync(fd, randomBytes(4096), 0, 4096, at);
    closeSync(fd);
  }, 120_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await app?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(user.home, { recursive: true, force: true });
  });

  it(
    'logs in with the password on stdin, keeps the token in a 0600 file, and says who it is',
    async () => {
      const login = await user.run(['login', '--url', `${url}/`, '--username', admin, '--password-stdin'], {
        input: `${PASSWORD}\n`,
      });
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      const path = join(user.configDir, 'config.json');
      expect(login.stdout).toContain(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);

      const whoami = await user.run(['whoami', '--json']);
      expect(whoami.code).toBe(0);
      expect(JSON.parse(whoami.stdout)).toMatchObject({ url, username: admin, is_admin: true });

      const wrong = await user.run(['login', '--url', url, '--username', admin, '--password-stdin'], {
        input: 'not-the-password\n',
      });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/^updraft: .*invalid/i);
    },
    STEPS_TIMEOUT,
  );

  it(
    'honours XDG_CONFIG_HOME for the credentials file',
    async () => {
      const xdg = join(user.home, 'xdg');
      const login = await user.run(['login', '--url', url, '--username', admin, '--password-stdin'], {
        input: `${PASSWORD}\n`,
        env: { XDG_CONFIG_HOME: xdg },
      });
      expect(login.code).toBe(0);
      expect(statSync(join(xdg, 'updraft', 'config.json')).mode & 0o777).toBe(0o600);
    },
    STEPS_TIMEOUT,
  );

  it(
    'creates and lists the catalog',
    async () => {
      for (const args of [
        ['channel', 'create', 'stable'],
        ['platform', 'create', 'windows'],
        ['arch', 'create', 'x64'],
        ['app', 'create', 'desktop', '--description', 'The desktop app'],
      ]) {
        const res = await user.run(args);
        expect(res.stderr, args.join(' ')).toBe('');
        expect(res.stdout).toMatch(new RegExp(`^created ${args[0]} ${args[2]} \\(\\S+\\)\\n$`));
      }
      const apps = await user.run(['app', 'list', '--json']);
      expect(JSON.parse(apps.stdout)).toEqual([
        expect.objectContaining({ AppName: 'desktop', Description: 'The desktop app', Owner: admin }),
      ]);
      const channels = await user.run(['channel', 'list']);
      expect(channels.stdout.split('\n')[0]).toMatch(/^NAME\s+ID\s+UPDATED$/);
      expect(channels.stdout).toMatch(/^stable\s/m);
      const missing = await user.run(['arch', 'delete', 'arm64']);
      expect(missing).toMatchObject({
        code: 1,
        stderr: 'updraft: no arch "arm64" in your account: see updraft arch list\n',
      });
    },
    STEPS_TIMEOUT,
  );

  it(
    'publishes three files, one of 200 MB, with plain progress lines and the SHA-256 checked',
    async () => {
      const res = await user.run([
        'publish',
        'desktop',
        '1.0.0',
        files.setup,
        files.notes,
        files.large,
        '--channel',
        'stable',
        '--platform',
        'windows',
        '--arch',
        'x64',
        '--json',
      ]);
      expect(res.code, res.stderr).toBe(0);
      // Not a terminal: no carriage returns, no cursor codes, at most a line per tenth of each file.
      expect(res.stderr).not.toContain('\r');
      expect(res.stderr).not.toContain('\u001b');
      for (const path of Object.values(files)) {
        const name = path.split('/').pop() as string;
        const lines = progressLines(res.stderr, name);
        expect(lines.length, name).toBeGreaterThan(0);
        expect(lines.length, name).toBeLessThanOrEqual(11);
        expect(lines.at(-1), name).toMatch(/ 100% .* ETA 0s$/);
      }
      const large = progressLines(res.stderr, 'desktop-1.0.0-full.nupkg').map((l) =>
        Number(/ (\d+)% /.exec(l)?.[1]),
      );
      expect(large).toEqual([...large].sort((a, b) => a - b));
      expect(large.length).toBeGreaterThanOrEqual(5);

      const result = JSON.parse(res.stdout) as PublishJson;
      expect(result).toMatchObject({ app: 'desktop', version: '1.0.0', published: true });
      const expected = await Promise.all(
        Object.values(files).map(async (path) => ({
          name: path.split('/').pop(),
          size: statSync(path).size,
          sha256: await sha256File(path),
        })),
      );
      expect(result.files).toEqual(expected);
      expect(result.files.find((f) => f.name === 'desktop-1.0.0-full.nupkg')?.size).toBe(LARGE_BYTES);

      // What the server lists is what the command reported.
      const show = await user.run(['release', 'show', 'desktop', '1.0.0', '--json']);
      const shown = JSON.parse(show.stdout) as {
        ID: string;
        Artifacts: { file_name: string; sha256: string }[];
      };
      expect(shown.ID).toBe(result.id);
      expect(
        shown.Artifacts.map((a) => ({ name: a.file_name, sha256: a.sha256 })).sort((a, b) =>
          a.name.localeCompare(b.name),
        ),
      ).toEqual(
        expected
          .map((f) => ({ name: f.name, sha256: f.sha256 }))
          .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
      );
    },
    STEPS_TIMEOUT,
  );

  it(
    'refuses a second upload of the same files with the server message and status 1',
    async () => {
      const res = await user.run([
        'publish',
        'desktop',
        '1.0.0',
        files.notes,
        '--channel',
        'stable',
        '--platform',
        'windows',
        '--arch',
        'x64',
      ]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(
        /updraft: app with this name, version, platform, architecture and file already exists\n$/,
      );
      expect(res.stdout).toBe('');
    },
    STEPS_TIMEOUT,
  );

  it(
    'exits 1 when the SHA-256 the server stored differs from the local file',
    async () => {
      const proxy = await TcpProxy.start(
        { host: '127.0.0.1', port: Number(new URL(url).port) },
        { toTarget: corrupting('checksum-canary', 'checksum-CANARY') },
      );
      try {
        const file = join(work, 'notes.txt');
        writeFileSync(file, 'release notes with a checksum-canary inside\n');
        const placement = ['--channel', 'stable', '--platform', 'windows', '--arch', 'x64'];
        const res = await user.run(['publish', 'desktop', '1.0.1', file, ...placement], {
          env: { UPDRAFT_URL: `http://127.0.0.1:${proxy.port}` },
        });
        expect(res.code).toBe(1);
        expect(res.stderr).toMatch(
          new RegExp(
            `updraft: notes.txt: the server stored 44 B with SHA-256 [0-9a-f]{64}, but the local file \\(44 B\\) has ${await sha256File(file)}: .*delete the version`,
          ),
        );
      } finally {
        await proxy.close();
      }
    },
    STEPS_TIMEOUT,
  );

  it(
    'changes, lists and deletes versions',
    async () => {
      const rollout = await user.run(['release', 'rollout', 'desktop', '1.0.0', '25']);
      expect(rollout).toMatchObject({ code: 0, stdout: 'desktop 1.0.0: rollout 25%\n' });
      expect((await user.run(['release', 'critical', 'desktop', '1.0.0'])).stdout).toBe(
        'desktop 1.0.0: critical\n',
      );
      expect((await user.run(['release', 'unpublish', 'desktop', '1.0.0'])).code).toBe(0);
      const shown = JSON.parse((await user.run(['release', 'show', 'desktop', '1.0.0', '--json'])).stdout);
      expect(shown).toMatchObject({ RolloutPercent: 25, Critical: true, Published: false });
      expect((await user.run(['release', 'publish', 'desktop', '1.0.0'])).code).toBe(0);
      expect((await user.run(['release', 'critical', 'desktop', '1.0.0', '--off'])).stdout).toBe(
        'desktop 1.0.0: no longer critical\n',
      );
      const bad = await user.run(['release', 'rollout', 'desktop', '1.0.0', '101']);
      expect(bad).toMatchObject({ code: 1 });
      expect(bad.stderr).toContain('not a percentage');

      const list = await user.run(['release', 'list', 'desktop']);
      expect(list.stdout).toMatch(/^1\.0\.1\s+stable\s+yes\s+no\s+100%\s+1\s/m);
      expect(list.stdout).toMatch(/^1\.0\.0\s+stable\s+yes\s+no\s+25%\s+3\s/m);
      expect((await user.run(['release', 'delete', 'desktop', '1.0.1'])).stdout).toBe(
        'deleted desktop 1.0.1\n',
      );
      const none = await user.run(['release', 'show', 'desktop', '1.0.1']);
      expect(none).toMatchObject({ code: 1 });
      expect(none.stderr).toContain('no version 1.0.1 of desktop');
    },
    STEPS_TIMEOUT,
  );

  it(
    'prints the feed URLs and asks the feed doctor',
    async () => {
      const feeds = JSON.parse((await user.run(['feeds', 'desktop', '--json'])).stdout) as {
        updater: string;
        url: string;
      }[];
      const folder = `${url}/update/${admin}/desktop/stable/windows/x64`;
      expect(feeds).toContainEqual({ updater: 'Sparkle (SUFeedURL)', url: `${folder}/appcast.xml` });
      expect(feeds).toContainEqual({ updater: 'electron-builder (generic provider url)', url: folder });

      const doctor = await user.run(['doctor', 'desktop', '--version', '0.9.0', '--json']);
      expect(doctor.code, doctor.stderr).toBe(0);
      const verdict = JSON.parse(doctor.stdout) as { sentence: string; feeds: unknown[] };
      expect(verdict.sentence).toContain('1.0.0');
      expect(verdict.feeds.length).toBeGreaterThan(0);
    },
    STEPS_TIMEOUT,
  );

  it(
    'publishes from CI with an API token in UPDRAFT_TOKEN, and revokes it',
    async () => {
      const created = await user.run(['token', 'create', 'ci', '--app', 'desktop']);
      expect(created.code, created.stderr).toBe(0);
      const token = created.stdout.trim();
      expect(token).toMatch(/^fns_/);
      const file = join(work, 'desktop-setup-1.1.0.exe');
      writeFileSync(file, randomBytes(64 * 1024));
      const ci = new CliUser();
      const env = { UPDRAFT_URL: url, UPDRAFT_TOKEN: token };
      const res = await ci.run(
        [
          'publish',
          'desktop',
          '1.1.0',
          file,
          '--channel',
          'stable',
          '--platform',
          'windows',
          '--arch',
          'x64',
          '--draft',
          '--rollout',
          '10',
        ],
        { env },
      );
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(
        /^uploaded as a draft desktop 1\.1\.0 \(\S+\): 1 file\(s\), SHA-256 verified\n/,
      );
      expect(res.stdout).toContain(await sha256File(file));
      expect((await ci.run(['whoami'], { env })).stdout).toMatch(
        /^API token fns_\S+ at .* \(upload only\)\n$/,
      );
      const draft = JSON.parse((await user.run(['release', 'show', 'desktop', '1.1.0', '--json'])).stdout);
      expect(draft).toMatchObject({ Published: false, RolloutPercent: 10 });

      const listed = await user.run(['token', 'list']);
      expect(listed.stdout).toMatch(/^ci\s+fns_/m);
      expect((await user.run(['token', 'revoke', 'ci'])).stdout).toBe('revoked token ci\n');
      const refused = await ci.run(['publish', 'desktop', '1.2.0', file, '--channel', 'stable'], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^updraft: .*token/im);
      rmSync(ci.home, { recursive: true, force: true });
    },
    STEPS_TIMEOUT,
  );

  it(
    'logs out',
    async () => {
      expect((await user.run(['logout'])).stdout).toBe('logged out\n');
      const res = await user.run(['whoami']);
      expect(res).toMatchObject({ code: 1 });
      expect(res.stderr).toContain('not logged in');
      expect((await user.run(['logout'])).stdout).toBe('not logged in\n');
    },
    STEPS_TIMEOUT,
  );
});
