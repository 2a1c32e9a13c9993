import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { BoundedMap } from '../../core/bounded-map.js';
import type { ChangeFeed } from '../../core/changes.js';
import { isDatabaseUnreachable } from '../../core/faults.js';
import type { Release } from '../../core/releases/index-load.js';
import type { UpdateResponse } from '../../core/update/answer.js';
import { newestOpenRollout } from '../../core/update/decision.js';
import type { CacheCounts } from '../../metrics/counts.js';
import { SECURITY_HEADERS } from '../shared/security-headers.js';
import type { HotRequest } from './request.js';

/** A response serialised once and written as is, as often as it is asked for. */
export interface Prepared {
  status: number;
  /** Flat `[name, value, …]`, the cheapest form `writeHead` takes. */
  headers: string[];
  body: Buffer;
  /** Only on 200s: a strong ETag of the body, for `If-None-Match`. */
  etag: string | undefined;
}

// Clients may keep an answer but must revalidate it: a publish changes it at once.
const CACHE_CONTROL = 'no-cache';

export function prepareJson(status: number, value: unknown, extraHeaders: readonly string[] = []): Prepared {
  return prepareBody(status, 'application/json; charset=utf-8', JSON.stringify(value), extraHeaders);
}

/** A response with a body of any type (a feed's YAML, XML or text); 200s get a strong ETag of the body. */
export function prepareBody(
  status: number,
  contentType: string,
  content: string | Buffer,
  extraHeaders: readonly string[] = [],
): Prepared {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const etag =
    status === 200 ? `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` : undefined;
  const headers = [
    'Content-Type',
    contentType,
    'Content-Length',
    String(body.length),
    'Cache-Control',
    CACHE_CONTROL,
    ...SECURITY_HEADERS,
    ...extraHeaders,
  ];
  if (etag) headers.push('ETag', etag);
  return { status, headers, body, etag };
}

/** Serialises a core answer; `vary` names the request headers it depends on (not sent with an error). */
export function prepareAnswer(answer: UpdateResponse, vary: readonly string[] = []): Prepared {
  switch (answer.status) {
    case 200:
      return prepareBody(200, answer.contentType, answer.body, vary);
    case 204:
      return prepareNoContent(vary);
    case 302:
      return prepareRedirect(answer.location, vary);
    default:
      return prepareJson(answer.status, { error: answer.error });
  }
}

/** 204 No Content: what Squirrel.Mac and Tauri take as "no update". */
export function prepareNoContent(extraHeaders: readonly string[] = []): Prepared {
  return {
    status: 204,
    headers: ['Cache-Control', CACHE_CONTROL, ...SECURITY_HEADERS, ...extraHeaders],
    body: Buffer.alloc(0),
    etag: undefined,
  };
}

export function prepareRedirect(url: string, extraHeaders: readonly string[] = []): Prepared {
  return {
    status: 302,
    headers: [
      'Location',
      url,
      'Content-Length',
      '0',
      'Cache-Control',
      CACHE_CONTROL,
      ...SECURITY_HEADERS,
      ...extraHeaders,
    ],
    body: Buffer.alloc(0),
    etag: undefined,
  };
}

/** The header that marks an answer served from memory that is no longer known to be current (see README). */
export const STALE_HEADER = 'X-Updraft-Stale';

/**
 * Writes a prepared response: 304 when the client already holds this body, no body for HEAD. `staleSeconds` > 0
 * adds the stale header: the answer is the last known state, served while the database or the change listener is
 * away.
 */
export function send(req: HotRequest, res: ServerResponse, prepared: Prepared, staleSeconds = 0): void {
  const stale = staleSeconds > 0 ? [STALE_HEADER, String(Math.ceil(staleSeconds))] : undefined;
  if (prepared.etag !== undefined && holds(req.ifNoneMatch, prepared.etag)) {
    const headers = ['ETag', prepared.etag, 'Cache-Control', CACHE_CONTROL, ...SECURITY_HEADERS];
    res.writeHead(304, stale ? [...headers, ...stale] : headers);
    res.end();
    return;
  }
  const headers = withVary(res, prepared.headers);
  res.writeHead(prepared.status, stale ? [...headers, ...stale] : headers);
  if (req.head) res.end();
  else res.end(prepared.body);
}

/**
 * The prepared headers with the `Vary` already set on the response (the CORS headers' `Origin`) merged in: writeHead
 * replaces a header it is given, and both must reach shared caches. Untouched (no copy) when nothing was set.
 */
function withVary(res: ServerResponse, headers: string[]): string[] {
  const set = res.getHeader('Vary');
  if (set === undefined) return headers;
  let at = -1;
  for (let i = 0; i < headers.length && at === -1; i += 2) if (headers[i] === 'Vary') at = i;
  if (at === -1) return headers;
  const fields = new Map<string, string>();
  for (const field of `${String(set)},${headers[at + 1]}`.split(',')) {
    const name = field.trim();
    if (name !== '' && !fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), name);
  }
  const merged = [...headers];
  merged[at + 1] = [...fields.values()].join(', ');
  return merged;
}

/** `If-None-Match` uses weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored; `*` matches anything. */
function holds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || tag === etag || tag === `W/${etag}`) return true;
  }
  return false;
}

/** What every cached answer carries: the tenant, the generation it was computed under and when its data was read. */
export interface StampedAnswer {
  tenantId: string;
  generation: number;
  /** When the catalog the answer was computed from was loaded (ms since the epoch). */
  at: number;
}

/** A cached answer that is not known to be current, and for how long it has not been. */
export interface StaleAnswer<T> {
  entry: T;
  seconds: number;
  /**
   * Nothing has changed since it was computed as far as this instance knows, but the change listener is away:
   * it is served as is rather than recomputed per request.
   */
  unchanged: boolean;
}

/**
 * Answers keyed by their normalised query. An entry is current while its tenant's generation is unchanged and the
 * change listener listens. Entries that are not current are kept (until replaced or evicted) so that they can be
 * served, marked stale, for up to `staleLimitSeconds` while the database cannot be asked.
 */
export class AnswerCache<T extends StampedAnswer> {
  private readonly entries: BoundedMap<string, T>;

  constructor(
    private readonly changes: ChangeFeed,
    limit: number,
    private readonly staleLimitSeconds: number,
    /** Where hits and misses of get() are counted (the metrics). */
    private readonly counts: CacheCounts,
  ) {
    this.entries = new BoundedMap(limit);
  }

  /** The current answer, or undefined. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (
      entry !== undefined &&
      entry.generation === this.changes.generation(entry.tenantId) &&
      this.changes.disconnectedSince === undefined
    ) {
      this.counts.hits += 1;
      return entry;
    }
    this.counts.misses += 1;
    return undefined;
  }

  /** The answer that is kept but not current, while it is younger than the stale limit. */
  stale(key: string): StaleAnswer<T> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const seconds = this.changes.staleSeconds(entry.tenantId, entry.generation, entry.at);
    if (seconds > this.staleLimitSeconds) return undefined;
    return { entry, seconds, unchanged: entry.generation === this.changes.generation(entry.tenantId) };
  }

  /**
   * How long an entry computed for a request that arrived at `askedAt` has not been known current: its data may be
   * a fallback kept through an outage.
   */
  staleSeconds(entry: T, askedAt: number): number {
    return this.changes.staleSeconds(entry.tenantId, entry.generation, entry.at, askedAt);
  }

  set(key: string, entry: T): void {
    this.entries.set(key, entry);
  }
}

/**
 * How a hot route answers a request it has no current answer for: from the kept answer while the change listener
 * is away and nothing changed here; else by computing it (`compute`), falling back to the kept answer when the
 * database cannot be reached. Errors without a kept answer are the caller's (503 for an outage).
 */
export function answerOrStale<T extends StampedAnswer>(
  cache: AnswerCache<T>,
  key: string,
  serveStale: (entry: T, seconds: number) => Promise<void> | undefined | void,
  compute: () => Promise<void>,
): Promise<void> | undefined {
  const kept = cache.stale(key);
  if (kept?.unchanged) return serveStale(kept.entry, kept.seconds) ?? undefined;
  const computing = compute();
  if (!kept) return computing;
  return computing.catch(async (err: unknown) => {
    if (!isDatabaseUnreachable(err)) throw err;
    await serveStale(kept.entry, kept.seconds);
  });
}

/** A serialised answer to an update check or a feed, and whether it offered an update (for the telemetry). */
export interface Answer {
  prepared: Prepared;
  updateAvailable: boolean;
}

/**
 * The answers to devices of one cached check or feed. Devices in the rollouts of the same staged releases get the
 * same answer, so answers are kept per `newestOpenRollout(staged, id)`, not per device: at most one more than
 * there are staged releases in reach, and without one every device shares a single answer (key -1).
 */
export class DeviceAnswers {
  private readonly byRollout = new Map<number, Answer>();

  constructor(
    private readonly staged: readonly Release[],
    private readonly respond: (deviceId: string) => Answer,
  ) {}

  for(deviceId: string): Answer {
    const key = newestOpenRollout(this.staged, deviceId);
    let answer = this.byRollout.get(key);
    if (!answer) {
      answer = this.respond(deviceId);
      this.byRollout.set(key, answer);
    }
    return answer;
  }
}
