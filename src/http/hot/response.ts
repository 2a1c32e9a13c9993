import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ChangeFeed } from '../../core/changes.js';
import { newestOpenRollout } from '../../core/releases/decision.js';
import { BoundedMap, type Release } from '../../core/releases/release-index.js';
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

/** Writes a prepared response: 304 when the client already holds this body, no body for HEAD. */
export function send(req: HotRequest, res: ServerResponse, prepared: Prepared): void {
  if (prepared.etag !== undefined && holds(req.ifNoneMatch, prepared.etag)) {
    res.writeHead(304, ['ETag', prepared.etag, 'Cache-Control', CACHE_CONTROL, ...SECURITY_HEADERS]);
    res.end();
    return;
  }
  res.writeHead(prepared.status, prepared.headers);
  if (req.head) res.end();
  else res.end(prepared.body);
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

/** What every cached answer carries: the tenant and the generation it was computed under. */
export interface StampedAnswer {
  tenantId: string;
  generation: number;
}

/**
 * Answers keyed by their normalised query. An entry is served only while its tenant's generation is unchanged,
 * and not at all while the change feed is lost (another instance's writes could be missed).
 */
export class AnswerCache<T extends StampedAnswer> {
  private readonly entries: BoundedMap<string, T>;

  constructor(
    private readonly changes: ChangeFeed,
    limit: number,
  ) {
    this.entries = new BoundedMap(limit);
  }

  get(key: string): T | undefined {
    if (this.changes.lost) return undefined;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.generation === this.changes.generation(entry.tenantId)) return entry;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, entry: T): void {
    if (!this.changes.lost) this.entries.set(key, entry);
  }
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
