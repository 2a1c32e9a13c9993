import type { IncomingMessage } from 'node:http';
import { MAX_DEVICE_ID_LENGTH } from '../../core/telemetry/recorder.js';

/** What the hot routes read from a request, read once. */
export interface HotRequest {
  /** HEAD: the same status and headers, no body. */
  head: boolean;
  /** The raw query string, without the '?'. */
  search: string;
  /** X-Device-ID, when sent. */
  deviceId: string | undefined;
  /** electron-updater's x-user-staging-id, when sent (its per-install UUID). */
  stagingId: string | undefined;
  ifNoneMatch: string | undefined;
  /** X-Download-Token, when sent: a shipped app's key to its private app. */
  downloadToken: string | undefined;
}

/**
 * Reads the request's few interesting headers straight from rawHeaders: the first touch of `req.headers` builds an
 * object of every header, a measurable share of a cached answer's cost. Repeated If-None-Match headers are one
 * list, as `req.headers` would join them; of repeated X-Device-IDs (and X-Download-Tokens) the first counts.
 */
export function hotRequest(req: IncomingMessage, search: string): HotRequest {
  let deviceId: string | undefined;
  let stagingId: string | undefined;
  let ifNoneMatch: string | undefined;
  let downloadToken: string | undefined;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name.length === 11 && name.toLowerCase() === 'x-device-id') deviceId ??= raw[i + 1];
    else if (name.length === 17 && name.toLowerCase() === 'x-user-staging-id') stagingId ??= raw[i + 1];
    else if (name.length === 16 && name.toLowerCase() === 'x-download-token') downloadToken ??= raw[i + 1];
    else if (name.length === 13 && name.toLowerCase() === 'if-none-match') {
      const value = raw[i + 1] ?? '';
      ifNoneMatch = ifNoneMatch === undefined ? value : `${ifNoneMatch}, ${value}`;
    }
  }
  return { head: req.method === 'HEAD', search, deviceId, stagingId, ifNoneMatch, downloadToken };
}

/**
 * Reads the named parameters from a raw query string (without the '?'). The first occurrence wins and a pair
 * whose escapes are malformed is dropped, as Go's `c.Query` does for FaynoSync. Values of parameters not asked for
 * are never decoded, and never reach a cache key.
 */
export function readQuery<const N extends string>(
  search: string,
  names: readonly N[],
): Partial<Record<N, string>> {
  const out: Partial<Record<N, string>> = {};
  if (search === '') return out;
  for (const pair of search.split('&')) {
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const name = decode(rawName);
    if (name === undefined || !(names as readonly string[]).includes(name)) continue;
    if (out[name as N] !== undefined) continue;
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (value !== undefined) out[name as N] = value;
  }
  return out;
}

function decode(raw: string): string | undefined {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** A client id as the hot routes use it: one the telemetry would refuse (empty or too long) is as if absent. */
export function usableDeviceId(id: string | undefined): string | undefined {
  return id !== undefined && id.length > 0 && id.length <= MAX_DEVICE_ID_LENGTH ? id : undefined;
}
