import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, freePort, ROOT, runUpdraft, type UpdraftProcess } from '../faults/processes.js';
import { createPostgresDatabase, usingPostgres } from '../helpers/app.js';

/**
 * The README's walkthrough, run as written: its `sh` blocks between the walkthrough markers, in order, in one bash
 * (so the variables of one step reach the next), with `set -euo pipefail`, against a newly built server started
 * as `npm start` starts it, on a new DATA_DIR with no API_KEY (so with the one-time sign-up key a first start
 * writes). Every `# → …` line of a block must be one of the lines that block printed, in order (`…` stands for
 * anything on that line; `http://localhost:9000` for the test server's address). In the PostgreSQL run the server
 * uses a fresh database of the test server; otherwise the embedded one, as a new user's first start does.
 */

const README = join(ROOT, 'README.md');
const START = '<!-- walkthrough:start -->';
const END = '<!-- walkthrough:end -->';
const DOC_BASE = 'http://localhost:9000';

interface Block {
  code: string;
  /** The `# → ` lines, without the marker. */
  expected: string[];
}

function walkthroughBlocks(markdown: string): Block[] {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  const section = markdown.slice(start + START.length, end);
  return [...section.matchAll(/^```(?:sh|bash)\n([\s\S]*?)^```$/gm)].map((m) => {
    const code = m[1] ?? '';
    const expected = code
      .split('\n')
      .filter((line) => line.startsWith('# → '))
      .map((line) => line.slice('# → '.length));
    return { code, expected };
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole output line: `…` matches anything, the documented base URL the test server's. */
function lineMatcher(expected: string, base: string): RegExp {
  const parts = expected.replaceAll(DOC_BASE, base).split('…').map(escapeRegExp);
  return new RegExp(`^${parts.join('.*')}$`);
}

/** The expected lines that are not among `output`'s lines in order; empty when all are. */
function missingLines(expected: string[], output: string, base: string): string[] {
  const lines = output.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const want of expected) {
    const matcher = lineMatcher(want, base);
    const found = lines.findIndex((line, i) => i >= at && matcher.test(line));
    if (found < 0) missing.push(want);
    else at = found + 1;
  }
  return missing;
}

const STEP = '@@walkthrough-step';

function script(blocks: Block[]): string {
  return [
    'set -euo pipefail',
    // One stream, so that what a failing command said lands in its step's output.
    'exec 2>&1',
    ...blocks.flatMap((b, i) => [`printf '\\n${STEP} %d\\n' ${i}`, b.code]),
    `printf '\\n${STEP} done\\n'`,
  ].join('\n');
}

/** The output of each step, by index; `done` is true when the script reached its end. */
function splitSteps(stdout: string): { outputs: string[]; done: boolean } {
  const outputs: string[] = [];
  let done = false;
  const pieces = stdout.split(new RegExp(`\\n${STEP} (\\d+|done)\\n`));
  for (let i = 1; i < pieces.length; i += 2) {
    if (pieces[i] === 'done') done = true;
    else outputs[Number(pieces[i])] = pieces[i + 1] ?? '';
  }
  return { outputs, done };
}

describe('README walkthrough', () => {
  const blocks = walkthroughBlocks(readFileSync(README, 'utf8'));
  let dir: string;
  let server: UpdraftProcess | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    buildServer();
    dir = mkdtempSync(join(tmpdir(), 'updraft-walkthrough-'));
    let databaseUrl: string | undefined;
    if (usingPostgres) {
      const database = await createPostgresDatabase();
      databaseUrl = database.url;
      dropDatabase = database.drop;
    }
    server = runUpdraft(
      [],
      {
        DATA_DIR: join(dir, 'data'),
        // As on a new install: no sign-up key configured, so the first start writes the one-time key.
        API_KEY: '',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      await freePort(),
    );
    await server.ready(120_000);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await dropDatabase?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the steps from sign-up to a CI token, with the tools it names', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const all = blocks.map((b) => b.code).join('\n');
    for (const route of [
      '/signup',
      '/login',
      '/channel/create',
      '/platform/create',
      '/arch/create',
      '/app/create',
    ]) {
      expect(all).toContain(route);
    }
    for (const call of ['/upload', '/checkVersion', 'latest.yml', 'X-Download-Token', '/token/create']) {
      expect(all).toContain(call);
    }
    // The walkthrough promises curl and jq; CI's machine image ships both (Debian's curl and jq packages).
    for (const tool of ['curl', 'jq']) {
      expect(
        () => execFileSync(tool, ['--version'], { stdio: 'ignore' }),
        `${tool} must be on PATH`,
      ).not.toThrow();
    }
  });

  it('runs every step as written against a fresh server', async () => {
    const live = server;
    if (!live) throw new Error('no server');
    const file = join(dir, 'walkthrough.sh');
    writeFileSync(file, script(blocks));
    const work = join(dir, 'work');
    rmSync(work, { recursive: true, force: true });
    execFileSync('mkdir', ['-p', join(work, 'home'), join(work, 'tmp')]);
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        'bash',
        [file],
        {
          cwd: work,
          timeout: 120_000,
          maxBuffer: 16 * 1024 * 1024,
          // Nothing of the developer's shell: no ~/.curlrc, mktemp inside the test's folder.
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: join(work, 'home'),
            TMPDIR: join(work, 'tmp'),
            UPDRAFT: live.url,
            DATA_DIR: join(dir, 'data'),
          },
        },
        (err, stdout) => {
          const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
          resolve({ code, stdout: String(stdout) });
        },
      );
    });
    const { outputs, done } = splitSteps(result.stdout);
    const failed = outputs.length - 1;
    expect(
      { exitCode: result.code, done },
      result.code === 0
        ? ''
        : `step ${failed + 1} failed:\n${blocks[failed]?.code}\n--- it printed ---\n${outputs[failed]}\n--- server ---\n${live.stderr}`,
    ).toEqual({ exitCode: 0, done: true });
    expect(outputs).toHaveLength(blocks.length);
    blocks.forEach((block, i) => {
      const missing = missingLines(block.expected, outputs[i] ?? '', live.url);
      expect(
        missing,
        `step ${i + 1} did not print these lines:\n${block.code}\n--- it printed ---\n${outputs[i]}`,
      ).toEqual([]);
    });
  }, 180_000);

  it('keeps the rest of the README on the walkthrough’s names', () => {
    // One spelling per thing: `windows`/`x64`, the app `desktop`, the owner `acme` (issue 12 item 10).
    const readme = readFileSync(README, 'utf8');
    const strays = [
      /"platform"\s*:\s*"(win32|win|darwin|mac)"/g,
      /platform=(win32|win|darwin|mac)\b/g,
      /\/(win32|win|darwin|mac)\/(x64|arm64|x86_64|amd64)\b/g,
      /\bmyapp\b/gi,
      /owner=admin\b/g,
    ].flatMap((pattern) => [...readme.matchAll(pattern)].map((m) => m[0]));
    expect(strays).toEqual([]);
  });

  it('fails a step whose documented output is not what the server prints', () => {
    // The matcher is what keeps the `# →` lines honest: a wrong line must be reported.
    expect(
      missingLines(['{"update_available":true,"update_url_exe":"…"}'], '{"update_available":false}', 'x'),
    ).toEqual(['{"update_available":true,"update_url_exe":"…"}']);
    expect(missingLines(['a: …', 'b'], 'b\na: 1', 'x')).toEqual(['b']);
    expect(missingLines([`${DOC_BASE}/x?y=…`], 'http://127.0.0.1:5/x?y=1', 'http://127.0.0.1:5')).toEqual([]);
  });
});
