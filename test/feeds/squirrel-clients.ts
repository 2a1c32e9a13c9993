import type { RequestListener } from 'node:http';
import request from 'supertest';
import { expect } from 'vitest';
import { compareVersions, parseVersion } from '../../src/core/version-numbers.js';
import { rawBody } from '../helpers/feeds.js';

/**
 * The update clients of the Squirrel.Windows, Squirrel.Mac and Tauri feeds, reduced to the rules they apply to what
 * a server sends (feed-formats.md §1, §2, §5, read from their source): the tests parse the feeds with these, never
 * with the server's own code.
 */

/** The API_URL the test apps run with: every absolute URL a feed writes must start with it. */
export const API = 'http://updraft.test';

/** Squirrel.Windows' ReleaseEntry: one line of RELEASES. */
export interface SquirrelEntry {
  sha1: string;
  /** The file column: a bare file name or an absolute URL. */
  file: string;
  /** The file name Squirrel saves the package as (the URL's last path segment, unescaped). */
  fileName: string;
  size: number;
  isDelta: boolean;
  /** Read from the file name, as Squirrel does. */
  version: string;
  stagingPercent: number | undefined;
}

const ENTRY = /^([0-9a-fA-F]{40})\s+(\S+)\s+(\d+)[\r]*$/;
const COMMENT = /\s*#.*$/;
const STAGING = /#\s+(\d{1,3})%$/;
const VERSION_IN_NAME = /\d+(\.\d+){0,3}(-[A-Za-z][0-9A-Za-z-]*)?$/;

/** ReleaseEntry.ParseReleaseFile: throws "Invalid release entry" on a bad line, as the client fails the check. */
export function parseReleases(text: string): SquirrelEntry[] {
  if (text.trim() === '') throw new Error('Remote release File is empty or corrupted');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const entries: SquirrelEntry[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const staging = STAGING.exec(line);
    const match = ENTRY.exec(line.replace(COMMENT, ''));
    if (!match) throw new Error(`Invalid release entry: ${line}`);
    const file = match[2] ?? '';
    let fileName = file;
    if (/^https?:\/\//i.test(file)) {
      const path = new URL(file).pathname;
      fileName = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    } else if (/[/\\]/.test(file)) {
      throw new Error('Filename can either be an absolute HTTP[s] URL, *or* a file name');
    }
    const stem = fileName.replace(/(-full|-delta)?\.nupkg$/i, '');
    const version = VERSION_IN_NAME.exec(stem)?.[0];
    if (version === undefined) throw new Error(`no version in ${fileName}`);
    entries.push({
      sha1: (match[1] ?? '').toUpperCase(),
      file,
      fileName,
      size: Number(match[3]),
      isDelta: /-delta\.nupkg$/i.test(fileName),
      version,
      stagingPercent: staging ? Number(staging[1]) : undefined,
    });
  }
  return entries;
}

/**
 * UpdateInfo + CheckForUpdates: what Squirrel applies to an installed version. `inStaging` says whether this
 * client's GUID falls inside a `# NN%` (the real client derives it from its .betaId; the tests choose).
 */
export function squirrelPlan(
  entries: readonly SquirrelEntry[],
  installed: string,
  inStaging: (percent: number) => boolean = () => false,
): { kind: 'none' } | { kind: 'full'; entry: SquirrelEntry } | { kind: 'deltas'; entries: SquirrelEntry[] } {
  const v = (text: string) => parseVersion(text);
  const visible = entries.filter((e) => e.stagingPercent === undefined || inStaging(e.stagingPercent));
  const fulls = visible.filter((e) => !e.isDelta);
  const latest = fulls.reduce<SquirrelEntry | undefined>(
    (best, e) => (!best || compareVersions(v(e.version), v(best.version)) > 0 ? e : best),
    undefined,
  );
  if (!latest || compareVersions(v(installed), v(latest.version)) >= 0) return { kind: 'none' };
  const deltas = visible
    .filter((e) => e.isDelta && compareVersions(v(e.version), v(installed)) > 0)
    .sort((a, b) => compareVersions(v(a.version), v(b.version)));
  const sum = deltas.reduce((n, e) => n + e.size, 0);
  return sum > 0 && sum < latest.size ? { kind: 'deltas', entries: deltas } : { kind: 'full', entry: latest };
}

/** GET of an absolute URL a feed wrote (it must point at this server); the body as bytes. */
export function download(
  app: RequestListener,
  url: string,
  headers: Record<string, string> = {},
): request.Test {
  expect(url.startsWith(`${API}/`)).toBe(true);
  const { pathname, search } = new URL(url);
  return rawBody(
    request(app)
      .get(pathname + search)
      .set(headers),
  );
}

/** Squirrel.Mac's `pub_date` pattern `yyyy-MM-dd'T'HH:mm:ssZZZZZ`: whole seconds, Z or ±hh:mm. */
export const SQUIRREL_PUB_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
/** RFC 3339 date-time (Tauri's `pub_date`). */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Squirrel.Mac's server-mode body check: `url` required and absolute; unknown keys ignored. */
export function squirrelMacBody(body: unknown): {
  url: string;
  name?: string;
  notes?: string;
  pub_date?: string;
} {
  expect(typeof body).toBe('object');
  const b = body as Record<string, unknown>;
  expect(typeof b.url).toBe('string');
  expect(new URL(b.url as string).protocol).toMatch(/^https?:$/);
  for (const key of ['name', 'notes', 'pub_date']) if (key in b) expect(typeof b[key]).toBe('string');
  if (typeof b.pub_date === 'string') expect(b.pub_date).toMatch(SQUIRREL_PUB_DATE);
  return b as { url: string };
}

/**
 * SQRLUpdater's JSON-file mode: nothing when running `currentRelease` or newer (NSNumericSearch), else the
 * `updateTo` of the entry whose `version` equals `currentRelease`; no such entry is "invalid JSON response".
 */
export function squirrelMacJsonMode(document: unknown, running: string): { url: string } | undefined {
  const doc = document as { currentRelease?: string; releases?: { version: string; updateTo: unknown }[] };
  const current = doc.currentRelease;
  if (typeof current !== 'string') throw new Error('invalid JSON response');
  if (current === running || numericCompare(running, current) > 0) return undefined;
  const entry = (doc.releases ?? []).find((r) => r.version === current);
  if (!entry) throw new Error('invalid JSON response');
  return squirrelMacBody(entry.updateTo);
}

/** NSString compare with NSNumericSearch: runs of digits compare as numbers. */
function numericCompare(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) return Number(p) < Number(q) ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** Tauri's dynamic-format check: semver `version` (leading v allowed), absolute `url`, a signature, RFC 3339 date. */
export function tauriBody(body: unknown): {
  version: string;
  url: string;
  signature: string;
  notes?: string;
  pub_date?: string;
} {
  const b = body as Record<string, unknown>;
  expect(typeof b.version).toBe('string');
  expect(b.version).toMatch(/^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  expect(typeof b.url).toBe('string');
  expect(new URL(b.url as string).protocol).toMatch(/^https?:$/);
  expect(typeof b.signature).toBe('string');
  expect(b.signature).not.toBe('');
  if ('pub_date' in b) expect(b.pub_date).toMatch(RFC3339);
  return b as { version: string; url: string; signature: string };
}
