import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { buildServer, freePort, runUpdraft, ThrowawayPostgres, type UpdraftProcess } from './processes.js';

/**
 * Start-up against real failing targets — a PostgreSQL cluster that asks for a password, a database that does not
 * exist on it, closed ports, a host name that cannot resolve, an S3 server (s3rver) reached with the wrong key or
 * without TLS, a web server that is not S3 — each stops the built server with exactly one line on stderr that names
 * the variable to fix, and a non-zero exit code.
 */

const PASSWORD = 'startup-suite-password';

let postgres: ThrowawayPostgres;
let s3: TestS3;
let work: string;
let databaseUrl: string;

beforeAll(async () => {
  buildServer();
  work = mkdtempSync(join(tmpdir(), 'updraft-startup-'));
  postgres = await ThrowawayPostgres.create({ password: PASSWORD });
  const client = new pg.Client(postgres.url);
  await client.connect();
  await client.query('create database updraft');
  await client.end();
  databaseUrl = postgres.url.replace(/\/postgres$/, '/updraft');
  s3 = await startS3();
});

afterAll(async () => {
  await s3?.close();
  await postgres?.destroy();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh working directory (where `.env` is looked for, and DATA_DIR below it) for one run. */
function freshDir(): string {
  return mkdtempSync(join(work, 'run-'));
}

function start(env: Record<string, string>, options: { cwd?: string; port?: number } = {}): UpdraftProcess {
  const cwd = options.cwd ?? freshDir();
  return runUpdraft(['serve'], { DATA_DIR: join(cwd, 'data'), ...env }, options.port ?? 0, { cwd });
}

/** Runs a start-up that must fail; answers its one stderr line. */
async function failure(env: Record<string, string>, options: { cwd?: string; port?: number } = {}) {
  const child = start(env, options);
  // A start-up that goes through instead of failing would otherwise run until the suite's timeout.
  const timer = setTimeout(() => child.child.kill('SIGKILL'), 60_000);
  const { code, stderr, stdout } = await child.exited;
  clearTimeout(timer);
  expect(code, stdout).toBe(1);
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines, stderr).toHaveLength(1);
  const line = lines[0] as string;
  expect(line.startsWith('updraft: ')).toBe(true);
  return line;
}

const s3Env = () => ({ ...s3.env });

describe('DATABASE_URL', () => {
  it('a database that does not exist: names it, DATABASE_URL and createdb, never the password', async () => {
    const url = postgres.url.replace(/\/postgres$/, '/nosuchdb');
    const line = await failure({ DATABASE_URL: url });
    expect(line).toContain(`database "nosuchdb" does not exist on 127.0.0.1:${postgres.port}`);
    expect(line).toContain('DATABASE_URL=postgres://postgres:***@');
    expect(line).toContain(`createdb -h 127.0.0.1 -p ${postgres.port} -U postgres nosuchdb`);
    expect(line).not.toContain(PASSWORD);
  });

  it('a refused password', async () => {
    const url = databaseUrl.replace(PASSWORD, 'not-the-password');
    const line = await failure({ DATABASE_URL: url });
    expect(line).toContain(
      `PostgreSQL at 127.0.0.1:${postgres.port} refused the password of user "postgres"`,
    );
    expect(line).toContain('fix the user and password in DATABASE_URL');
    expect(line).not.toContain('not-the-password');
  });

  it('a closed port', async () => {
    const port = await freePort();
    const line = await failure({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/updraft` });
    expect(line).toContain(`nothing accepts connections at 127.0.0.1:${port}`);
    expect(line).toContain('fix the host and port in DATABASE_URL');
  });

  it('a host name that does not resolve', async () => {
    const line = await failure({
      DATABASE_URL: 'postgres://postgres:secret@db.nowhere.invalid:5432/updraft',
    });
    expect(line).toContain('the host "db.nowhere.invalid" in DATABASE_URL cannot be resolved');
    expect(line).not.toContain('secret');
  });

  it('TLS asked of a server that offers none', async () => {
    const line = await failure({ DATABASE_URL: `${databaseUrl}?sslmode=verify-full` });
    expect(line).toContain('DATABASE_URL asks for TLS');
    expect(line).toContain('remove sslmode');
  });
});

describe('S3', () => {
  it('a closed port', async () => {
    const port = await freePort();
    const line = await failure({ ...s3Env(), S3_PORT: String(port) });
    expect(line).toContain(`nothing accepts connections at S3_ENDPOINT=127.0.0.1 S3_PORT=${port}`);
  });

  it('a host name that does not resolve', async () => {
    const line = await failure({ ...s3Env(), S3_ENDPOINT: 's3.nowhere.invalid' });
    expect(line).toContain('the host of S3_ENDPOINT=s3.nowhere.invalid cannot be resolved');
  });

  it('TLS (the default) against a plain HTTP port', async () => {
    const env: Record<string, string> = s3Env();
    delete env.S3_USE_SSL;
    const line = await failure(env);
    expect(line).toContain(
      `S3_ENDPOINT=127.0.0.1 S3_PORT=${s3.port} (https://127.0.0.1:${s3.port}) does not speak TLS`,
    );
    expect(line).toContain('set S3_USE_SSL=false');
  });

  it('refused credentials', async () => {
    const line = await failure({ ...s3Env(), S3_ACCESS_KEY: 'NOT-A-KEY' });
    expect(line).toContain(
      'S3 refused access to bucket S3_BUCKET_PUBLIC=updraft-public for S3_ACCESS_KEY=NOT-A-KEY',
    );
    expect(line).toContain('check S3_ACCESS_KEY and S3_SECRET_KEY');
    expect(line).not.toContain('S3RVER');
  });

  it('an invalid bucket name', async () => {
    const line = await failure({ ...s3Env(), S3_BUCKET_PRIVATE: 'Updraft_Private' });
    expect(line).toContain('S3_BUCKET_PRIVATE=Updraft_Private is not a valid bucket name');
  });

  it('an endpoint that is not S3 (a web server answering 404 pages, as a console port does)', async () => {
    const web: Server = createServer((req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : '<!doctype html><title>Not Found</title>');
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    const { port } = web.address() as { port: number };
    try {
      const line = await failure({ ...s3Env(), S3_PORT: String(port) });
      expect(line).toContain(
        `S3_ENDPOINT=127.0.0.1 S3_PORT=${port} (http://127.0.0.1:${port}) does not answer as an S3 API`,
      );
    } finally {
      await new Promise<void>((r) => web.close(() => r()));
    }
  });
});

describe('configuration', () => {
  it.each([
    ['JWT_SECRET', { JWT_SECRET: 'change-me-to-a-long-random-string' }],
    ['API_KEY', { API_KEY: 'change-me-signup-key' }],
  ])('a placeholder %s from the examples is refused in production', async (name, env) => {
    const line = await failure(env);
    expect(line).toContain(`${name} is still a placeholder from the examples`);
    expect(line).not.toContain('change-me');
  });

  it('TELEMETRY takes on or off, as the docs say', async () => {
    const line = await failure({ TELEMETRY: 'maybe' });
    expect(line).toBe('updraft: TELEMETRY=maybe is not valid: set it to on or off (true or false also work)');
  });

  it('reads .env from the working directory, and the environment wins over it', async () => {
    const cwd = freshDir();
    // JWT_SECRET in .env is a placeholder, but the environment's value wins; UPLOAD_MAX_BYTES comes from .env alone.
    writeFileSync(
      join(cwd, '.env'),
      '# comment\nJWT_SECRET=change-me-to-a-long-random-string\nUPLOAD_MAX_BYTES="lots"\n',
    );
    const line = await failure({ JWT_SECRET: 'a-real-secret-from-the-environment' }, { cwd });
    expect(line).toBe(
      'updraft: UPLOAD_MAX_BYTES=lots is not valid: give a size such as 2GB, 500MB or 1048576',
    );
  });

  it('a PORT already in use', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const { port } = taken.address() as { port: number };
    try {
      const line = await failure({ DATABASE_URL: databaseUrl }, { port });
      expect(line).toBe(
        `updraft: PORT=${port} is already in use on 127.0.0.1:${port}: stop the other server or choose another PORT`,
      );
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
  });

  it('a DATA_DIR that cannot be created', async () => {
    const cwd = freshDir();
    writeFileSync(join(cwd, 'a-file'), '');
    const line = await failure({ DATA_DIR: join(cwd, 'a-file', 'data') }, { cwd });
    expect(line).toContain(join(cwd, 'a-file'));
    expect(line).toContain('check DATA_DIR');
  });
});

describe('a public bucket that is not anonymously readable', () => {
  it('starts anyway, with one warning line naming the bucket and the policy', async () => {
    const port = await freePort();
    const server = start(
      {
        DATABASE_URL: databaseUrl,
        ...s3Env(),
        S3_PUBLIC_URL: `http://127.0.0.1:${s3.port}/not-the-public-bucket`,
      },
      { port },
    );
    try {
      await server.ready();
      const warnings = server.stdout.split('\n').filter((l) => l.includes('"level":40'));
      expect(warnings, server.stdout).toHaveLength(1);
      expect(warnings[0]).toContain('S3_BUCKET_PUBLIC=updraft-public is not readable without credentials');
      expect(warnings[0]).toContain('mc anonymous set download');
    } finally {
      await server.stop();
    }
  });
});
