import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in DATA_DIR that says which process owns the embedded database. */
export const LOCK_FILE = 'updraft.lock';

/** DATA_DIR is owned by another live process: start-up stops with this one line. */
export class DataDirInUseError extends Error {}

interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so that a reused pid is not taken for the holder. */
  start: string | undefined;
  command: string;
  since: string;
}

/**
 * An exclusive claim on DATA_DIR for the embedded database: PGlite is one process's files, and a second process
 * writing them loses data. The lock file is created whole or not at all (written aside, then hard-linked into
 * place, which fails if it exists) and names its holder. A lock whose holder is gone (killed, crashed, or its pid
 * reused by another program) is stale and taken over; removing it goes through a second guard file, so two
 * processes taking over the same stale lock cannot both win.
 */
export class DataDirLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(
    readonly path: string,
    private readonly content: string,
  ) {
    process.once('exit', this.onExit);
  }

  /** Claims `dataDir` for `command`, or throws DataDirInUseError naming the live holder. `hint` says what to do. */
  static acquire(dataDir: string, command: string, hint: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, LOCK_FILE);
    const content = `${JSON.stringify({
      pid: process.pid,
      start: processStart(process.pid),
      command,
      since: new Date().toISOString(),
    } satisfies Holder)}\n`;
    for (let attempt = 0; attempt < 10; attempt++) {
      if (createWhole(path, content)) return new DataDirLock(path, content);
      const raw = readRaw(path);
      if (raw === undefined) continue;
      const holder = parseHolder(raw);
      if (holder && isAlive(holder)) {
        throw new DataDirInUseError(
          `DATA_DIR ${dataDir} is in use by "${holder.command}" (pid ${holder.pid}, since ${holder.since}): ${hint}`,
        );
      }
      removeStale(path, raw, content);
    }
    throw new DataDirInUseError(
      `DATA_DIR ${dataDir} could not be locked: another process keeps claiming ${path}; stop it and try again`,
    );
  }

  /** Gives DATA_DIR up (only if the lock is still this process's). Safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    if (readRaw(this.path) === this.content) {
      try {
        unlinkSync(this.path);
      } catch {
        // Already gone: nothing to give up.
      }
    }
  }
}

/** Creates `path` holding `content` only if it does not exist; a reader never sees it half-written. */
function createWhole(path: string, content: string): boolean {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, content, { mode: 0o644 });
  try {
    linkSync(aside, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(aside);
  }
}

/** Removes a stale lock unless someone replaced it meanwhile; the guard keeps two takers from racing. */
function removeStale(path: string, staleRaw: string, content: string): void {
  const guard = `${path}.takeover`;
  if (!createWhole(guard, content)) {
    const raw = readRaw(guard);
    const holder = raw === undefined ? undefined : parseHolder(raw);
    // A guard outlives its taker only if that process died within the take-over itself.
    if (raw !== undefined && !(holder && isAlive(holder)) && readRaw(guard) === raw) unlinkQuietly(guard);
    return;
  }
  try {
    if (readRaw(path) === staleRaw) unlinkQuietly(path);
  } finally {
    unlinkQuietly(guard);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}

function readRaw(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(raw: string): Holder | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return {
      pid: parsed.pid,
      start: typeof parsed.start === 'string' ? parsed.start : undefined,
      command: typeof parsed.command === 'string' ? parsed.command : 'updraft',
      since: typeof parsed.since === 'string' ? parsed.since : 'an unknown time',
    };
  } catch {
    return undefined;
  }
}

/** Whether the holder still runs: its pid exists and, where the system tells, was started when the lock was taken. */
function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(holder.pid);
  return holder.start === undefined || start === undefined || start === holder.start;
}

/** Field 22 of /proc/<pid>/stat (start time since boot); undefined where there is no /proc. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
