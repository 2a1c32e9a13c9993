import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildServer,
  call,
  freePort,
  login,
  PASSWORD,
  runUpdraft,
  signUp,
  type UpdraftProcess,
} from './processes.js';

/**
 * One owner per DATA_DIR with the embedded database: a second server and the commands that open the database
 * are refused with one line while a server runs, the first server goes on unharmed, and nothing any of them
 * reported as done is lost across restarts (including after a SIGKILL, whose lock is stale).
 */
describe('two processes on one DATA_DIR', () => {
  let dataDir: string;
  let first: UpdraftProcess | undefined;

  beforeAll(() => {
    buildServer();
    dataDir = mkdtempSync(join(tmpdir(), 'updraft-owner-'));
  });
  afterAll(async () => {
    await first?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const serve = async () => runUpdraft([], { DATA_DIR: dataDir }, await freePort());
  const oneLine = (text: string) => text.trim().split('\n');

  it('refuses a second server, create-admin and migrate while one runs, and loses nothing', async () => {
    first = await serve();
    await first.ready();
    const pid = first.child.pid;
    const token = await signUp(first.url, 'alice');

    const second = await serve();
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(`^updraft: DATA_DIR ${dataDir} is in use by "updraft serve" \\(pid ${pid}, since .+\\): `),
      ),
    ]);

    // The first server is unharmed and keeps writing.
    const channel = await call(first.url, 'POST', '/channel/create', { channel: 'kept' }, token);
    expect(channel.status, JSON.stringify(channel.body)).toBe(200);

    const admin = await runUpdraft(['create-admin', 'bob'], {
      DATA_DIR: dataDir,
      UPDRAFT_ADMIN_PASSWORD: PASSWORD,
    }).exited;
    expect(admin.code).toBe(1);
    expect(admin.stdout).toBe('');
    expect(oneLine(admin.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^updraft: DATA_DIR ${dataDir} is in use by "updraft serve" \\(pid ${pid}, .+\\): stop the server first`,
        ),
      ),
    ]);
    const migrate = await runUpdraft(['migrate'], { DATA_DIR: dataDir }).exited;
    expect(migrate.code).toBe(1);
    expect(oneLine(migrate.stderr)).toHaveLength(1);
    expect(migrate.stderr).toContain(`in use by "updraft serve" (pid ${pid}`);

    expect((await call(first.url, 'GET', '/health')).status).toBe(200);
    expect((await first.stop()).code).toBe(0);
    first = undefined;

    // With the server stopped, create-admin may run, and what it says is done is on disk.
    const created = await runUpdraft(['create-admin', 'bob'], {
      DATA_DIR: dataDir,
      UPDRAFT_ADMIN_PASSWORD: PASSWORD,
    }).exited;
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe('admin bob created\n');

    first = await serve();
    await first.ready();
    const aliceAgain = await login(first.url, 'alice');
    const channels = await call(first.url, 'GET', '/channel/list', undefined, aliceAgain);
    expect(JSON.stringify(channels.body)).toContain('"kept"');
    await login(first.url, 'bob');

    // A server killed outright leaves its lock behind: the next one sees its holder is gone and starts.
    await first.stop('SIGKILL');
    first = await serve();
    await first.ready();
    await login(first.url, 'bob');
    expect((await first.stop()).code).toBe(0);
    first = undefined;
  });
});
