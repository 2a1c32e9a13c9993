import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root: the fault suite runs the built server (`dist/main.js`), as `npm start` does. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Builds dist/ when a source file is newer than it (the script `npm start` runs first). */
export function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

/** initdb and pg_ctl refuse to run as root: as root, they run as the `postgres` OS user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temp dir, its own free port), to stop and start at will.
 * initdb and pg_ctl come from PATH.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly password: string | undefined,
  ) {}

  get url(): string {
    const auth = this.password ? `postgres:${encodeURIComponent(this.password)}` : 'postgres';
    return `postgres://${auth}@127.0.0.1:${this.port}/postgres`;
  }

  /** With `password`, connections must give it (scram-sha-256); without, the cluster trusts everyone. */
  static async create(options: { password?: string } = {}): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'updraft-pg-'));
    const pwfile = join(dir, 'password');
    if (options.password) writeFileSync(pwfile, `${options.password}\n`);
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
      if (options.password) chownSync(pwfile, uid, gid);
    }
    const pg = new ThrowawayPostgres(dir, await freePort(), options.password);
    const auth = options.password ? ['-A', 'scram-sha-256', `--pwfile=${pwfile}`] : ['-A', 'trust'];
    await pg.run('initdb', ['-D', pg.data, ...auth, '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.start();
    return pg;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  /** Without blocking the event loop: the load goes on while the server stops or starts. */
  private async run(command: string, args: string[]): Promise<void> {
    const [cmd, argv] = asPostgres(command, args);
    await execFileAsync(cmd, argv);
  }

  start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    return this.run('pg_ctl', ['-D', this.data, '-o', options, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  /** `-m fast`: what a restart by the operator does; every connection is cut. */
  stop(): Promise<void> {
    return this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running `node dist/main.js …`, with what it printed so far. */
export class UpdraftProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exited>;

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (d: Buffer) => {
      this.stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    // 'close', not 'exit': the child's output has then been read to the end.
    this.exited = new Promise((r) =>
      child.on('close', (code) => r({ code, stdout: this.stdout, stderr: this.stderr })),
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Resolves once /health answers 200; rejects if the process exits first or the deadline passes. */
  async ready(ms = 120_000): Promise<void> {
    const deadline = Date.now() + ms;
    let exited = false;
    void this.exited.then(() => {
      exited = true;
    });
    for (;;) {
      if (exited) throw new Error(`updraft exited: ${this.stderr || this.stdout}`);
      try {
        // Another test's server may have taken the port first: only this child's own socket counts.
        if ((await fetch(`${this.url}/health`)).status === 200 && this.listensItself()) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`updraft not ready in ${ms} ms: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Whether the listening socket on this port is this child's (Linux: the socket's inode in /proc/net/tcp among the
   * child's open files). Where /proc cannot tell, the answer of /health is taken as it is.
   */
  private listensItself(): boolean {
    const pid = this.child.pid;
    const table = ['/proc/net/tcp', '/proc/net/tcp6']
      .map((file) => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return '';
        }
      })
      .join('\n');
    if (table.trim() === '') return true;
    const port = this.port.toString(16).toUpperCase().padStart(4, '0');
    // Columns: sl, local address (hex ip:port), remote, state (0A = listening), …, inode (the 10th).
    const inodes = table
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${port}`) && cols[3] === '0A')
      .map((cols) => cols[9]);
    if (inodes.length === 0 || pid === undefined) return false;
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return inodes.includes(readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/)?.[1]);
        } catch {
          return false;
        }
      });
    } catch {
      return true;
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exited> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/**
 * Starts `node dist/main.js ...args` with `env` on top of a minimal environment, in `cwd` (where a `.env` would be
 * read; the repository root by default).
 */
export function runUpdraft(
  args: string[],
  env: Record<string, string>,
  port = 0,
  options: { cwd?: string } = {},
): UpdraftProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist/main.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      JWT_SECRET: 'fault-suite-secret-0123456789',
      API_KEY: FAULT_SIGNUP_KEY,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BCRYPT_COST: '4',
      TELEMETRY: 'off',
      ...(port ? { PORT: String(port), API_URL: `http://127.0.0.1:${port}` } : {}),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end();
  return new UpdraftProcess(child, port);
}

/**
 * Starts the server (`node dist/main.js`) with `env` and waits until it answers from its own socket: on `port`, or
 * on a free one. Another process may take a free port between freePort() and the child's listen; the child then
 * stops with "PORT … is already in use" and is started again on another.
 */
export async function serveUpdraft(
  env: Record<string, string>,
  options: { port?: number; ms?: number } = {},
): Promise<UpdraftProcess> {
  for (let attempt = 1; ; attempt++) {
    const server = runUpdraft([], env, options.port ?? (await freePort()));
    try {
      await server.ready(options.ms ?? 120_000);
      return server;
    } catch (err) {
      const { stderr } = await server.stop('SIGKILL');
      if (options.port || attempt >= 3 || !stderr.includes('is already in use')) throw err;
    }
  }
}

export const FAULT_SIGNUP_KEY = 'fault-suite-signup-key';
export const PASSWORD = 'correct-horse-battery';

/** JSON over HTTP to a running server. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Signs up `username` (with the suite's sign-up key) and logs in; answers the token. */
export async function signUp(base: string, username: string): Promise<string> {
  const signup = await call(base, 'POST', '/signup', {
    username,
    password: PASSWORD,
    api_key: FAULT_SIGNUP_KEY,
  });
  if (signup.status !== 200) throw new Error(`signup: ${signup.status} ${JSON.stringify(signup.body)}`);
  return login(base, username);
}

export async function login(base: string, username: string): Promise<string> {
  const res = await call(base, 'POST', '/login', { username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
