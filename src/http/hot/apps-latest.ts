import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import type { DownloadAccess } from '../../core/download-access.js';
import type { ReleaseCache } from '../../core/releases/release-cache.js';
import { APP_NOT_FOUND } from '../../core/update/check.js';
import {
  answerLatest,
  LATEST_PARAMS,
  type LatestParams,
  latestApp,
  parseLatest,
} from '../../core/update/latest.js';
import { gated, type PrivateGate } from './private-gate.js';
import { type HotRequest, readQuery } from './request.js';
import {
  AnswerCache,
  answerOrStale,
  type Prepared,
  prepareAnswer,
  prepareJson,
  type StampedAnswer,
  send,
} from './response.js';

/** Download pages ask about few combinations; at most twice this many answers are held. */
const CACHED_ANSWERS = 8_192;

interface LatestEntry extends StampedAnswer {
  prepared: Prepared;
  /** Present when the app is private: a request that shows a download token is judged by it. */
  gate?: PrivateGate;
}

/** FaynoSync's answer for an unknown app; also what a download token that does not open a private app gets. */
const NO_SUCH_APP = prepareJson(404, { error: APP_NOT_FOUND });

/** `GET /apps/latest` (FaynoSync behaviour §8, tenant-scoped): 302 to the one match, a map of several, or 404. */
export function appsLatestRoute(
  ctx: AppContext,
  releases: ReleaseCache,
  access: DownloadAccess,
): (req: HotRequest, res: ServerResponse) => Promise<void> | undefined {
  const cache = new AnswerCache<LatestEntry>(
    ctx.changes,
    CACHED_ANSWERS,
    ctx.config.staleIfErrorSeconds,
    ctx.metrics.cache('apps_latest'),
  );

  const reply = (req: HotRequest, res: ServerResponse, entry: LatestEntry, staleSeconds = 0) =>
    gated(
      access,
      req,
      entry.tenantId,
      entry.gate,
      () => send(req, res, entry.prepared, staleSeconds),
      () => send(req, res, NO_SUCH_APP),
    );

  const miss = async (
    req: HotRequest,
    res: ServerResponse,
    query: LatestParams,
    key: string,
  ): Promise<void> => {
    const askedAt = Date.now();
    const request = parseLatest(query);
    if (typeof request === 'string') {
      send(req, res, prepareJson(400, { error: request }));
      return;
    }
    const tenantId = await releases.tenantOf(request.owner);
    if (tenantId === undefined) {
      send(req, res, NO_SUCH_APP);
      return;
    }
    const catalog = await releases.catalog(tenantId);
    const app = latestApp(catalog, request);
    const index = app && (await releases.index(catalog, app));
    const entry: LatestEntry = {
      tenantId,
      generation: index?.generation ?? catalog.generation,
      at: catalog.loadedAt,
      prepared: prepareAnswer(answerLatest(catalog, index, request)),
    };
    const named = catalog.apps.get(request.appName);
    if (named?.private)
      entry.gate = { appId: named.id, channelId: catalog.channels.get(request.channel) ?? null };
    cache.set(key, entry);
    await reply(req, res, entry, cache.staleSeconds(entry, askedAt));
  };

  return (req, res) => {
    const query = readQuery(req.search, LATEST_PARAMS);
    const key = `${query.owner ?? ''}\0${query.app_name ?? ''}\0${query.channel ?? ''}\0${query.platform ?? ''}\0${query.arch ?? ''}\0${query.package ?? ''}`;
    const hit = cache.get(key);
    if (hit) return reply(req, res, hit);
    return answerOrStale(
      cache,
      key,
      (kept, seconds) => reply(req, res, kept, seconds),
      () => miss(req, res, query, key),
    );
  };
}
