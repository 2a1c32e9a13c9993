import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, DataDirLock, LOCK_FILE } from '../../src/db/data-dir-lock.js';

/** /proc/<pid>/stat's start time, as the lock records it. */
function startOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

describe('DataDirLock', () => {
  let dir: string;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'updraft-lock-'));
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const holdBy = (pid: number, start: string) =>
    writeFileSync(
      join(dir, LOCK_FILE),
      `${JSON.stringify({ pid, start, command: 'updraft serve', since: '2024-01-01T00:00:00.000Z' })}\n`,
    );

  it('refuses while a live process holds DATA_DIR, naming the directory and the process', () => {
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const pid = child.pid ?? 0;
    holdBy(pid, startOf(pid));
    expect(() => DataDirLock.acquire(dir, 'updraft create-admin', 'stop the server first')).toThrow(
      DataDirInUseError,
    );
    expect(() => DataDirLock.acquire(dir, 'updraft create-admin', 'stop the server first')).toThrow(
      `DATA_DIR ${dir} is in use by "updraft serve" (pid ${pid}, since 2024-01-01T00:00:00.000Z): stop the server first`,
    );
  });

  it('takes over the lock of a process that is gone, or of a pid now used by another program', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    holdBy(gone, '1');
    const first = DataDirLock.acquire(dir, 'updraft serve', '');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    holdBy(child.pid ?? 0, 'not-its-start-time');
    const second = DataDirLock.acquire(dir, 'updraft serve', '');
    second.release();
  });

  it('refuses a second claim while the first is held, and grants it once released', () => {
    const lock = DataDirLock.acquire(dir, 'updraft serve', '');
    expect(() => DataDirLock.acquire(dir, 'updraft serve', 'one server per DATA_DIR')).toThrow(
      /is in use by "updraft serve" \(pid \d+/,
    );
    lock.release();
    DataDirLock.acquire(dir, 'updraft migrate', '').release();
  });
});
