import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

/** What `updraft login` keeps: the server and a token for it. */
export interface Credentials {
  url: string;
  token: string;
  /** Who logged in, for `whoami` to name without a request when the server is away; absent for env tokens. */
  username?: string;
}

type Env = Record<string, string | undefined>;

/** `~/.config/updraft/config.json`, or under `XDG_CONFIG_HOME` when set (the XDG base directory rule). */
export function credentialsPath(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'updraft', 'config.json');
}

function readStored(path: string): Partial<Credentials> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(`${path} could not be read (${(err as Error).message}): fix or remove it`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<Credentials>;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    throw new CliError(`${path} is not valid JSON: run updraft login again, or remove the file`);
  }
}

/** A server address as the requests need it: no trailing slash, http(s) only. */
export function normaliseUrl(url: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(
      `${source} "${url}" is not a URL: give the server's address, such as https://updates.example.com`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(`${source} "${url}" must start with http:// or https://`);
  }
  return parsed.toString().replace(/\/+$/, '');
}

/**
 * The credentials to use: `UPDRAFT_URL` and `UPDRAFT_TOKEN` (each on its own) win over the file, so that CI needs
 * no login step and no file.
 */
export function resolveCredentials(env: Env = process.env): Credentials {
  const stored = readStored(credentialsPath(env));
  const url = env.UPDRAFT_URL || stored.url;
  const token = env.UPDRAFT_TOKEN || stored.token;
  if (!url || !token) {
    throw new CliError(
      'not logged in: run updraft login --url URL --username NAME, or set UPDRAFT_URL and UPDRAFT_TOKEN',
    );
  }
  return {
    url: normaliseUrl(url, env.UPDRAFT_URL ? 'UPDRAFT_URL' : 'the stored server URL'),
    token,
    ...(!env.UPDRAFT_TOKEN && stored.username ? { username: stored.username } : {}),
  };
}

/** Writes the file readable by its owner only: it holds a token that acts as the user. */
export function storeCredentials(credentials: Credentials, env: Env = process.env): string {
  const path = credentialsPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFileSync applies only when the file is created.
  chmodSync(path, 0o600);
  return path;
}

/** Forgets the stored credentials; answers whether there were any. */
export function removeCredentials(env: Env = process.env): boolean {
  const path = credentialsPath(env);
  const existed = existsSync(path);
  rmSync(path, { force: true });
  return existed;
}
