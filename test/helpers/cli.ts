import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../faults/processes.js';
import type { TestApp } from './app.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built command line (`node dist/main.js`, what `npx updraft` runs) as a user runs it: its own HOME, so the
 * credentials file is the test's, and a minimal environment with `env` on top.
 */
export class CliUser {
  readonly home = mkdtempSync(join(tmpdir(), 'updraft-cli-home-'));

  get configDir(): string {
    return join(this.home, '.config', 'updraft');
  }

  run(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
    return this.start(args, options).done;
  }

  /** Starts the command; `stderr()` tells what it printed so far, `done` what it printed in all. */
  start(
    args: string[],
    options: { env?: Record<string, string>; input?: string } = {},
  ): { stderr: () => string; done: Promise<CliRun> } {
    const child = spawn(process.execPath, [join(ROOT, 'dist/main.js'), ...args], {
      cwd: this.home,
      env: { PATH: process.env.PATH ?? '', HOME: this.home, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdin.end(options.input ?? '');
    return {
      stderr: () => stderr,
      done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))),
    };
  }
}

/** A test app served on a real port (the command line is a separate process), with API_URL naming that port. */
export async function listen(app: TestApp): Promise<{ server: Server; url: string }> {
  const server = createServer(app.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
