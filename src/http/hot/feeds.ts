import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import { BoundedMap } from '../../core/bounded-map.js';
import { type Feed, type FeedFormat, type FeedPath, resolveFeed } from '../../core/feeds/feed.js';
import { FEED_FORMATS } from '../../core/feeds/formats.js';
import type { ReleaseCache } from '../../core/releases/release-cache.js';
import type { UpdateAnswer } from '../../core/update/answer.js';
import { answerFeed, type FeedRequest } from '../../core/update/feed.js';
import { parseVersion, type Version } from '../../core/version-numbers.js';
import { countCheck } from '../../metrics/counts.js';
import { feedQueryNames } from '../feeds/routes.js';
import { type HotRequest, readQuery, usableDeviceId } from './request.js';
import {
  type Answer,
  AnswerCache,
  answerOrStale,
  DeviceAnswers,
  prepareAnswer,
  prepareJson,
  type StampedAnswer,
  send,
} from './response.js';

/** Feeds differ per device only through these (rollout gating); shared caches must know. */
const VARY = ['Vary', 'X-Device-ID, x-user-staging-id'];
const CACHED_FEEDS = 16_384;

interface FeedEntry extends StampedAnswer {
  /** The answer for a client that sent no id. */
  base: Answer;
  /** Absent when the answer is an error: nothing to gate. */
  gate?: {
    feed: Feed;
    version: Version | undefined;
    devices: DeviceAnswers;
  };
}

/** A feed document's path, resolved to its format. */
interface Route {
  parsed: FeedRequestPath;
  format: FeedFormat;
  /** The client's version when the path carries it, else ''. */
  pathVersion: string;
  versionParam: string;
  /** The query parameters the answer depends on. */
  names: string[];
}

function findRoute(path: string): Route | 'malformed' | false {
  const parsed = parseFeedPath(path);
  if (parsed === undefined) return false;
  if (parsed === 'malformed') return 'malformed';
  for (const format of FEED_FORMATS) {
    const matched = format.match(parsed.tail);
    if (!matched) continue;
    const names = feedQueryNames(format);
    return { parsed, format, pathVersion: matched.version, versionParam: names[0] ?? 'version', names };
  }
  return false;
}

export interface FeedRequestPath extends FeedPath {
  /** The path after the arch: one or two segments. */
  tail: string[];
}

/** Splits `/update/{owner}/{app}/{channel}/{platform}/{arch}/{…1 or 2 segments}`; undefined for any other shape. */
export function parseFeedPath(path: string): FeedRequestPath | undefined | 'malformed' {
  const parts = path.split('/');
  // ['', 'update', owner, app, channel, platform, arch, ...tail]
  if (parts.length < 8 || parts.length > 9 || parts[1] !== 'update') return undefined;
  const decoded: string[] = [];
  for (const part of parts.slice(2)) {
    if (part === '') return undefined;
    try {
      decoded.push(decodeURIComponent(part));
    } catch {
      return 'malformed';
    }
  }
  const [owner = '', app = '', channel = '', platform = '', arch = '', ...tail] = decoded;
  return { owner, app, channel, platform, arch, tail };
}

/**
 * The feed documents under `/update/…` (every format in FEED_FORMATS), answered like /checkVersion: from bytes
 * prepared once per tenant generation, per device only as far as its rollout buckets differ. Returns false for
 * paths that are not a feed document (the files they name, the feed doctor): Express serves those.
 */
export function feedsRoute(
  ctx: AppContext,
  releases: ReleaseCache,
): (req: HotRequest, path: string, res: ServerResponse) => Promise<void> | undefined | false {
  const cache = new AnswerCache<FeedEntry>(
    ctx.changes,
    CACHED_FEEDS,
    ctx.config.staleIfErrorSeconds,
    ctx.metrics.cache('feeds'),
  );
  const checks = ctx.metrics.checks('feeds');

  const reply = (
    req: HotRequest,
    res: ServerResponse,
    entry: FeedEntry,
    deviceId: string | undefined,
    staleSeconds = 0,
  ) => {
    const { gate } = entry;
    // A feed asked with the client's version is an update check; one without is a listing of what is published.
    if (!gate || deviceId === undefined) {
      const { prepared, updateAvailable } = entry.base;
      if (gate?.version !== undefined) countCheck(checks, prepared.status, updateAvailable, staleSeconds);
      send(req, res, prepared, staleSeconds);
      return;
    }
    const answer = gate.devices.for(deviceId);
    if (gate.version !== undefined)
      countCheck(checks, answer.prepared.status, answer.updateAvailable, staleSeconds);
    send(req, res, answer.prepared, staleSeconds);
    // A feed that knows the client's version and id counts as an update check in the telemetry, as /checkVersion.
    if (gate.version !== undefined) {
      ctx.telemetry.record({
        tenantId: entry.tenantId,
        appId: gate.feed.app.id,
        deviceId,
        version: gate.version.text,
        channel: gate.feed.channel ?? '',
        platform: gate.feed.platform ?? '',
        arch: gate.feed.arch ?? '',
        isLatest: !answer.updateAvailable,
        at: new Date(),
      });
    }
  };

  const miss = async (
    req: HotRequest,
    res: ServerResponse,
    key: string,
    path: FeedRequestPath,
    format: FeedFormat,
    versionText: string | undefined,
    query: Readonly<Record<string, string>>,
    deviceId: string | undefined,
  ): Promise<void> => {
    const askedAt = Date.now();
    let version: Version | undefined;
    if (versionText) {
      try {
        version = parseVersion(versionText);
      } catch {
        checks.error += 1;
        send(
          req,
          res,
          prepareJson(400, { error: `invalid version "${versionText}": use a version such as 1.2.3` }),
        );
        return;
      }
    }
    const feed = await resolveFeed(releases, ctx.config.apiUrl, path);
    if ('error' in feed) {
      // Not cached: an unknown owner has no generation to stamp it with, and misses of this kind are rare.
      if (versionText) checks.error += 1;
      send(req, res, prepareJson(feed.status, { error: feed.error }));
      return;
    }
    const request: FeedRequest = { version, deviceId: undefined, query };
    const base = answerFeed(format, feed, request);
    const entry: FeedEntry = {
      tenantId: feed.tenantId,
      generation: feed.index.generation,
      at: feed.index.loadedAt,
      base: serialised(base),
      gate: {
        feed,
        version,
        devices: new DeviceAnswers(base.decision?.staged ?? [], (deviceId) =>
          serialised(answerFeed(format, feed, { ...request, deviceId })),
        ),
      },
    };
    cache.set(key, entry);
    reply(req, res, entry, deviceId, cache.staleSeconds(entry, askedAt));
  };

  // What a path is (a feed document of some format, or not one), worked out once per distinct path: a cached
  // answer then costs a map lookup, not a split, six decodes and a walk over the formats.
  const routes = new BoundedMap<string, Route | 'malformed' | false>(CACHED_FEEDS);
  const routeOf = (path: string): Route | 'malformed' | false => {
    let route = routes.get(path);
    if (route === undefined) {
      route = findRoute(path);
      routes.set(path, route);
    }
    return route;
  };

  return (req, path, res) => {
    const route = routeOf(path);
    if (route === false) return false;
    if (route === 'malformed') {
      send(req, res, prepareJson(400, { error: 'malformed percent-encoding in the feed URL' }));
      return undefined;
    }
    const { format, versionParam } = route;
    const query = readQuery(req.search, route.names) as Record<string, string>;
    const versionText = route.pathVersion || query[versionParam] || undefined;
    const deviceId = usableDeviceId(
      req.stagingId ?? req.deviceId ?? (format.deviceParam ? query[format.deviceParam] : undefined),
    );
    let key = `${path}\0${versionText ?? ''}`;
    for (const name of format.params ?? []) key += `\0${query[name] ?? ''}`;
    const hit = cache.get(key);
    if (hit) {
      reply(req, res, hit, deviceId);
      return undefined;
    }
    const { [versionParam]: _version, ...rest } = query;
    if (format.deviceParam) delete rest[format.deviceParam];
    return answerOrStale(
      cache,
      key,
      (kept, seconds) => reply(req, res, kept, deviceId, seconds),
      () => miss(req, res, key, route.parsed, format, versionText, rest, deviceId),
    );
  };
}

function serialised(answer: UpdateAnswer): Answer {
  return {
    prepared: prepareAnswer(answer, answer.perDevice ? VARY : []),
    updateAvailable: answer.decision?.updateAvailable ?? false,
  };
}
