import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import type { DownloadAccess } from '../../core/download-access.js';
import { MAX_NAME_LENGTH } from '../../core/names.js';
import { latestBuild } from '../../core/releases/latest.js';
import type { ReleaseCache } from '../../core/releases/release-index.js';
import { gated, type PrivateGate } from './private-gate.js';
import { type HotRequest, isCatalogName, readQuery } from './request.js';
import {
  AnswerCache,
  answerOrStale,
  type Prepared,
  prepareJson,
  prepareRedirect,
  type StampedAnswer,
  send,
} from './response.js';

const PARAMS = ['app_name', 'channel', 'platform', 'arch', 'package', 'owner'] as const;
type Query = Partial<Record<(typeof PARAMS)[number], string>>;

/** Download pages ask about few combinations; at most twice this many answers are held. */
const CACHED_ANSWERS = 8_192;

interface LatestEntry extends StampedAnswer {
  prepared: Prepared;
  /** Present when the app is private: a request that shows a download token is judged by it. */
  gate?: PrivateGate;
}

const notFound = (error: string) => prepareJson(404, { error });
/** FaynoSync's answer for an unknown app; also what a download token that does not open a private app gets. */
const NO_SUCH_APP = notFound('app_name not found');

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

  const miss = async (req: HotRequest, res: ServerResponse, query: Query, key: string): Promise<void> => {
    const askedAt = Date.now();
    const problem = invalidParameter(query);
    if (problem) {
      send(req, res, prepareJson(400, { error: problem }));
      return;
    }
    const { app_name: appName = '', channel = '', owner = '' } = query;
    const tenantId = await releases.tenantOf(owner);
    if (tenantId === undefined) {
      send(req, res, NO_SUCH_APP);
      return;
    }
    const catalog = await releases.catalog(tenantId);
    const app = catalog.apps.get(appName);
    const channelId = catalog.channels.get(channel);
    let entry: LatestEntry;
    if (!app || !channelId) {
      const prepared = app ? notFound('channel not found') : NO_SUCH_APP;
      entry = { tenantId, generation: catalog.generation, at: catalog.loadedAt, prepared };
    } else {
      const index = await releases.index(catalog, app);
      const answer = latestBuild(index, {
        channelId,
        channelName: channel,
        platform: query.platform || undefined,
        arch: query.arch || undefined,
        package: query.package || undefined,
      });
      const prepared =
        answer.kind === 'redirect'
          ? prepareRedirect(answer.url)
          : answer.kind === 'map'
            ? prepareJson(200, answer.body)
            : notFound('No matching data found for the provided parameters');
      entry = { tenantId, generation: index.generation, at: catalog.loadedAt, prepared };
    }
    if (app?.private) entry.gate = { appId: app.id, channelId: channelId ?? null };
    cache.set(key, entry);
    await reply(req, res, entry, cache.staleSeconds(entry, askedAt));
  };

  return (req, res) => {
    const query = readQuery(req.search, PARAMS);
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

/** FaynoSync's required pair first, then Updraft's name rules, so that only sane keys are ever cached. */
function invalidParameter(query: Query): string | undefined {
  if (!query.app_name || !query.channel) return "Parameters 'app_name' and 'channel' are required";
  if (!isCatalogName(query.app_name)) return 'invalid app_name parameter';
  if (!isCatalogName(query.channel)) return 'invalid channel parameter';
  if (query.platform && !isCatalogName(query.platform)) return 'invalid platform parameter';
  if (query.arch && !isCatalogName(query.arch)) return 'invalid arch parameter';
  if (query.package && (query.package.length > MAX_NAME_LENGTH || !/^[A-Za-z0-9._-]+$/.test(query.package))) {
    return 'invalid package parameter: give an extension without its dot, e.g. dmg, or no-extension';
  }
  if (!query.owner) return "owner is required: the admin's username";
  return undefined;
}
