import { hostname } from 'node:os';

/**
 * Temporary files and objects carry the name of the process writing them, `<host>~<pid>`, so that a process starting
 * up can tell the leftovers of one that died (a crash, a SIGKILL in the middle of an upload) from an upload another
 * instance is still receiving, without waiting for them to age.
 */
const HOST =
  hostname()
    .replace(/[^A-Za-z0-9.-]/g, '_')
    .replace(/^\./, '_') || 'host';

export const PROCESS_TAG = `${HOST}~${process.pid}`;

/**
 * Who wrote something tagged `tag` (anything after a further `~` is ignored):
 * - `self`: this pid on this host. Before this process has served anything, that is a previous process that had the
 *   same pid: a restarted container runs its server as pid 1 again.
 * - `gone`: a process of this host that no longer runs.
 * - `running`: a process of this host that runs (or a new process that happens to have its pid).
 * - `unknown`: another host's, or no tag at all; only the age of the thing can tell.
 */
export type Writer = 'self' | 'gone' | 'running' | 'unknown';

export function writerOf(tag: string): Writer {
  const [host, pid] = tag.split('~');
  if (host !== HOST || pid === undefined || !/^[1-9]\d{0,9}$/.test(pid)) return 'unknown';
  const n = Number(pid);
  if (n === process.pid) return 'self';
  try {
    process.kill(n, 0);
    return 'running';
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'running';
  }
}
