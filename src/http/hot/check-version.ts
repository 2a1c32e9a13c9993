import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import { UPDATER_TYPES } from '../../core/catalog/updaters.js';
import type { DownloadAccess } from '../../core/download-access.js';
import { channelFileFor } from '../../core/feeds/electron-builder.js';
import { NONE_SEGMENT } from '../../core/feeds/feed.js';
import { type Selection, selectReleases } from '../../core/feeds/select.js';
import { squirrelMacOffer, squirrelMacUpdate } from '../../core/feeds/squirrel-mac.js';
import { noPackagesError, RELEASES_CONTENT_TYPE, releasesFile } from '../../core/feeds/squirrel-windows.js';
import { tauriUpdate } from '../../core/feeds/tauri.js';
import { checkAnswer, type Decision, decide, sortedKeys } from '../../core/releases/decision.js';
import type { EdgeAnswerer } from '../../core/releases/edge.js';
import {
  type CatalogApp,
  type LineRelease,
  type ReleaseCache,
  type ReleaseSource,
  releaseLine,
  type TenantCatalog,
} from '../../core/releases/release-index.js';
import { parseVersion, type Version } from '../../core/versions.js';
import { countCheck } from '../../metrics/counts.js';
import { gated, type PrivateGate } from './private-gate.js';
import { type HotRequest, isCatalogName, readQuery, usableDeviceId } from './request.js';
import {
  type Answer,
  AnswerCache,
  answerOrStale,
  DeviceAnswers,
  type Prepared,
  prepareBody,
  prepareJson,
  prepareNoContent,
  prepareRedirect,
  type StampedAnswer,
  send,
} from './response.js';

const PARAMS = ['app_name', 'version', 'channel', 'platform', 'arch', 'owner', 'updater'] as const;
type Query = Partial<Record<(typeof PARAMS)[number], string>>;

const UPDATERS = new Set<string>(UPDATER_TYPES);
// The answer depends on X-Device-ID (rollout gating), which shared caches must know when they revalidate.
const VARY = ['Vary', 'X-Device-ID'];
/** Answers kept: about 1 KB each, and at most twice this many are held (see BoundedMap). */
const CACHED_ANSWERS = 32_768;
/** FaynoSync's answer for an unknown app; also what a download token that does not open a private app gets. */
const APP_NOT_FOUND = 'app_name not found';
const NO_SUCH_APP = prepareJson(400, { error: APP_NOT_FOUND });

/** The answer to one device (undefined: no id), in the format of the updater the check resolved to. */
type Respond = (deviceId: string | undefined) => Answer;

interface CheckEntry extends StampedAnswer {
  /** The answer without a device id: FaynoSync's. */
  base: Answer;
  /** Absent when the answer is an error: there is then nothing to gate or record. */
  check?: {
    appId: string;
    devices: DeviceAnswers;
    telemetry: { version: string; channel: string; platform: string; arch: string };
  };
  /** Present when the app is private: a request that shows a download token is judged by it (see gated). */
  gate?: PrivateGate;
}

interface CheckRequest {
  owner: string;
  appName: string;
  client: Version;
  channel: string | undefined;
  platform: string | undefined;
  arch: string | undefined;
  updater: string | undefined;
}

/**
 * `GET /checkVersion` (FaynoSync behaviour §5, tenant-scoped). A cached answer is served without touching the
 * database or parsing more than the query; a miss resolves names through the release cache, decides and
 * keeps the serialised answer until the tenant's next write.
 */
export function checkVersionRoute(
  ctx: AppContext,
  releases: ReleaseCache,
  access: DownloadAccess,
): (req: HotRequest, res: ServerResponse) => Promise<void> | undefined {
  const cache = new AnswerCache<CheckEntry>(
    ctx.changes,
    CACHED_ANSWERS,
    ctx.config.staleIfErrorSeconds,
    ctx.metrics.cache('checkVersion'),
  );
  const checks = ctx.metrics.checks('checkVersion');

  const reply = (
    req: HotRequest,
    res: ServerResponse,
    entry: CheckEntry,
    deviceId: string | undefined,
    staleSeconds = 0,
  ) =>
    gated(
      access,
      req,
      entry.tenantId,
      entry.gate,
      () => answer(req, res, entry, deviceId, staleSeconds),
      () => {
        checks.error += 1;
        send(req, res, NO_SUCH_APP);
      },
    );

  const answer = (
    req: HotRequest,
    res: ServerResponse,
    entry: CheckEntry,
    deviceId: string | undefined,
    staleSeconds: number,
  ) => {
    const { check } = entry;
    if (!check || deviceId === undefined) {
      const { prepared, updateAvailable } = entry.base;
      countCheck(checks, prepared.status, updateAvailable, staleSeconds);
      send(req, res, prepared, staleSeconds);
      return;
    }
    const answer = check.devices.for(deviceId);
    countCheck(checks, answer.prepared.status, answer.updateAvailable, staleSeconds);
    send(req, res, answer.prepared, staleSeconds);
    ctx.telemetry.record({
      tenantId: entry.tenantId,
      appId: check.appId,
      deviceId,
      ...check.telemetry,
      isLatest: !answer.updateAvailable,
      at: new Date(),
    });
  };

  const miss = async (
    req: HotRequest,
    res: ServerResponse,
    query: Query,
    key: string,
    deviceId: string | undefined,
  ): Promise<void> => {
    const askedAt = Date.now();
    const computed = await computeCheck(ctx.config.apiUrl, releases, query);
    if ('uncached' in computed) {
      checks.error += 1;
      send(req, res, computed.uncached);
      return;
    }
    cache.set(key, computed.entry);
    await reply(req, res, computed.entry, deviceId, cache.staleSeconds(computed.entry, askedAt));
  };

  return (req, res) => {
    const query = readQuery(req.search, PARAMS);
    // Every slot is present, so a value smuggling the separator can never line up with another query's key.
    const key = `${query.owner ?? ''}\0${query.app_name ?? ''}\0${query.version ?? ''}\0${query.channel ?? ''}\0${query.platform ?? ''}\0${query.arch ?? ''}\0${query.updater ?? ''}`;
    const deviceId = usableDeviceId(req.deviceId);
    const hit = cache.get(key);
    if (hit) return reply(req, res, hit, deviceId);
    return answerOrStale(
      cache,
      key,
      (kept, seconds) => reply(req, res, kept, deviceId, seconds),
      () => miss(req, res, query, key, deviceId),
    );
  };
}

/** A computed check: an entry to cache, or an answer that must not be cached (bad query, unknown owner). */
type Computed = { entry: CheckEntry } | { uncached: Prepared };

/** What /checkVersion decides for a query, before any device id is looked at. */
async function computeCheck(apiUrl: string, releases: ReleaseSource, query: Query): Promise<Computed> {
  const parsed = parseRequest(query);
  if (typeof parsed === 'string') return { uncached: prepareJson(400, { error: parsed }) };
  const tenantId = await releases.tenantOf(parsed.owner);
  if (tenantId === undefined) {
    // The same words as for an unknown app: whether an owner exists is nobody's business.
    return { uncached: NO_SUCH_APP };
  }
  const catalog = await releases.catalog(tenantId);
  const resolved = resolve(catalog, parsed);
  const gate = privateGate(catalog, parsed);
  if (typeof resolved === 'string') {
    const entry: CheckEntry = {
      tenantId,
      generation: catalog.generation,
      at: catalog.loadedAt,
      base: { prepared: prepareJson(400, { error: resolved }), updateAvailable: false },
    };
    if (gate) entry.gate = gate;
    return { entry };
  }
  const index = await releases.index(catalog, resolved.app);
  const line = releaseLine(index, resolved.channelId, resolved.platformId, resolved.archId);
  const decision = decide(line, parsed.client);
  const respond = decision
    ? responder(updaterOf(catalog, resolved.platformId, parsed.updater), {
        app: resolved.app,
        line,
        client: parsed.client,
        feedBase: feedBase(apiUrl, parsed),
      })
    : () => toAnswer(undefined, resolved.app.name);
  const entry: CheckEntry = {
    tenantId,
    generation: index.generation,
    at: catalog.loadedAt,
    base: respond(undefined),
  };
  if (gate) entry.gate = gate;
  if (decision) {
    entry.check = {
      appId: resolved.app.id,
      devices: new DeviceAnswers(decision.staged, respond),
      telemetry: {
        version: parsed.client.text,
        channel: parsed.channel ?? '',
        platform: parsed.platform ?? '',
        arch: parsed.arch ?? '',
      },
    };
  }
  return { entry };
}

/**
 * What `GET /checkVersion` answers a request without X-Device-ID, computed by the very code the route runs: the
 * edge publisher stores these bytes where FaynoSync's SDK looks for them, so the edge cannot disagree with the API.
 */
export async function checkVersionAnswer(
  apiUrl: string,
  releases: ReleaseSource,
  query: Query,
): Promise<Prepared> {
  const computed = await computeCheck(apiUrl, releases, query);
  return 'uncached' in computed ? computed.uncached : computed.entry.base.prepared;
}

/** The edge publisher's answer function: what /checkVersion answers, read from the publisher's own snapshot. */
export function edgeAnswerer(apiUrl: string): EdgeAnswerer {
  return async (source, query) => {
    const prepared = await checkVersionAnswer(apiUrl, source, query);
    const type = prepared.headers.indexOf('Content-Type');
    return {
      status: prepared.status,
      contentType: type === -1 ? undefined : prepared.headers[type + 1],
      body: prepared.body,
    };
  };
}

function toAnswer(decision: Decision | undefined, appName: string): Answer {
  const { status, body } = checkAnswer(decision, appName);
  return {
    prepared: prepareJson(status, body, status === 200 ? VARY : []),
    updateAvailable: decision?.updateAvailable ?? false,
  };
}

/**
 * FaynoSync's updater resolution (behaviour §5.2), with Updraft's exact type names: only with a platform; the
 * platform's default when none is asked for; one the platform is not configured with falls back to the plain JSON.
 */
function updaterOf(catalog: TenantCatalog, platformId: string | null, requested: string | undefined): string {
  if (platformId === null) return 'manual';
  const updaters = catalog.platformUpdaters.get(platformId) ?? [];
  if (requested) return updaters.some((u) => u.type === requested) ? requested : 'manual';
  return updaters.find((u) => u.default)?.type ?? 'manual';
}

/** What a per-updater answer is made from. */
interface CheckTarget {
  app: CatalogApp;
  /** Not empty: an empty line is FaynoSync's 400 for every updater. */
  line: readonly LineRelease[];
  client: Version;
  /** The feed folder the same names have under /update (electron-builder's answer redirects into it). */
  feedBase: string;
}

/**
 * The answer in each updater's format (FaynoSync behaviour §5.5). The native updaters' answers come from the
 * same selection and renderers as their feeds, so a staged rollout reaches a client that sent no id only where
 * the format lets the client gate itself, and a client ahead of what is published is never sent an older build.
 */
function responder(updater: string, target: CheckTarget): Respond {
  const { app, line, client } = target;
  const select = (deviceId: string | undefined, hint: boolean) =>
    selectReleases(line, { version: client, deviceId }, hint);
  switch (updater) {
    case 'squirrel_darwin':
      return (deviceId) => squirrelMacAnswer(app, select(deviceId, false));
    case 'squirrel_windows':
      return (deviceId) => squirrelWindowsAnswer(app, client, select(deviceId, true));
    case 'electron-builder':
      return (deviceId) => electronBuilderAnswer(target, select(deviceId, true));
    case 'tauri':
      return (deviceId) => {
        const selection = select(deviceId, false);
        const update = tauriUpdate(selection, undefined, (_entry, artifact) => artifact.link);
        return update ? json(update, selection) : noContent(selection);
      };
    default:
      return (deviceId) => toAnswer(decide(line, client, deviceId), app.name);
  }
}

/**
 * FaynoSync's JSON with `update_url_zip` renamed to `url` (the other `update_url_*` keys dropped), plus the
 * `name`, `notes` and `pub_date` Squirrel.Mac also reads; 204 when there is no newer release with a zip.
 */
function squirrelMacAnswer(app: CatalogApp, selection: Selection): Answer {
  const offer = squirrelMacOffer(selection);
  if (!offer) return noContent(selection);
  const { body } = checkAnswer(decisionOf(selection), app.name);
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) if (!name.startsWith('update_url_')) fields[name] = value;
  Object.assign(fields, squirrelMacUpdate(app.name, offer.entry.release, offer.zip.link));
  return json(sortedKeys(fields), selection);
}

/**
 * Public apps: the RELEASES text itself, generated as the feed's is (packages linked where they are stored).
 * Private apps: FaynoSync's 302 to the uploaded RELEASES file's link, which asks for credentials.
 */
function squirrelWindowsAnswer(app: CatalogApp, client: Version, selection: Selection): Answer {
  if (app.private) {
    const file = selection.latest?.artifacts.findLast((a) => a.fileName.toUpperCase() === 'RELEASES');
    if (!file) {
      return {
        prepared: prepareJson(404, {
          error: `app "${app.name}" is private and this release has no uploaded RELEASES file: upload one with the packages, or make the app public`,
        }),
        updateAvailable: selection.updateAvailable,
      };
    }
    return { prepared: prepareRedirect(file.link, VARY), updateAvailable: selection.updateAvailable };
  }
  const body = releasesFile({
    releases: selection.releases,
    installed: client,
    gated: selection.gated,
    url: (_release, artifact) => artifact.link,
  });
  if (body === undefined) {
    const error = noPackagesError(selection.latest?.release.version.text);
    return { prepared: prepareJson(404, { error }), updateAvailable: selection.updateAvailable };
  }
  return {
    prepared: prepareBody(200, RELEASES_CONTENT_TYPE, body, VARY),
    updateAvailable: selection.updateAvailable,
  };
}

/**
 * A redirect to the generated channel file (`latest.yml`, `latest-mac.yml` or `latest-linux.yml`, by the offered
 * release's installers) of the same feed when there is an update (carrying the version, so the
 * feed honours required intermediates), else 204. Private apps have no feeds: FaynoSync's redirect to an uploaded
 * `.yml` then, if the release has one.
 */
function electronBuilderAnswer(target: CheckTarget, selection: Selection): Answer {
  if (!selection.updateAvailable) return noContent(selection);
  let location: string | undefined;
  if (target.app.private) {
    location = selection.latest?.artifacts.findLast((a) => /^ya?ml$/i.test(a.ext))?.link;
  } else {
    const file = channelFileFor(selection.latest?.artifacts ?? []);
    location = `${target.feedBase}/${file}?version=${encodeURIComponent(target.client.text)}`;
  }
  if (location === undefined) return noContent(selection);
  return { prepared: prepareRedirect(location, VARY), updateAvailable: true };
}

/** The Decision FaynoSync's JSON is built from, for an offer a selection made. */
function decisionOf(selection: Selection): Decision {
  return {
    shown: selection.latest,
    updateAvailable: selection.updateAvailable,
    intermediateRequired: selection.intermediateRequired,
    critical: selection.critical,
    possibleRollback: false,
    staged: [],
  };
}

function json(value: unknown, selection: Selection): Answer {
  return { prepared: prepareJson(200, value, VARY), updateAvailable: selection.updateAvailable };
}

function noContent(selection: Selection): Answer {
  return { prepared: prepareNoContent(VARY), updateAvailable: selection.updateAvailable };
}

/**
 * `{API_URL}/update/{owner}/{app}/{channel}/{platform}/{arch}`, as resolveFeed builds it; the check's query may
 * leave a channel, platform or arch out, which a feed URL names `_`.
 */
function feedBase(apiUrl: string, request: CheckRequest): string {
  const segments = [
    request.owner,
    request.appName,
    request.channel ?? NONE_SEGMENT,
    request.platform ?? NONE_SEGMENT,
    request.arch ?? NONE_SEGMENT,
  ];
  return `${apiUrl}/update/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

/**
 * FaynoSync's pre-database checks with its messages (behaviour §5.1), but with Updraft's name and version
 * rules: every name the catalog accepts and every version an upload accepts can be asked about. Empty
 * optional parameters count as absent, as in FaynoSync.
 */
function parseRequest(query: Query): CheckRequest | string {
  const { app_name: appName, version, owner, updater } = query;
  const channel = query.channel || undefined;
  const platform = query.platform || undefined;
  const arch = query.arch || undefined;
  if (appName === undefined || !isCatalogName(appName)) return 'invalid app_name parameter';
  let client: Version;
  try {
    client = parseVersion(version);
  } catch {
    return 'invalid version parameter';
  }
  if (channel !== undefined && !isCatalogName(channel)) return 'invalid channel parameter';
  if (platform !== undefined && !isCatalogName(platform)) return 'invalid platform parameter';
  if (arch !== undefined && !isCatalogName(arch)) return 'invalid arch parameter';
  if (updater && !UPDATERS.has(updater)) {
    return `invalid updater parameter: use one of ${UPDATER_TYPES.join(', ')}`;
  }
  if (!owner) return "owner is required: the admin's username";
  return { owner, appName, client, channel, platform, arch, updater: updater || undefined };
}

interface Resolved {
  app: CatalogApp;
  channelId: string | null;
  platformId: string | null;
  archId: string | null;
}

/**
 * Names to ids within the owner's tenant only (FaynoSync looks channels up across all tenants). An unknown
 * platform or arch is refused rather than ignored: ignoring it would answer with another platform's files.
 */
function resolve(catalog: TenantCatalog, request: CheckRequest): Resolved | string {
  const app = catalog.apps.get(request.appName);
  if (!app) return APP_NOT_FOUND;
  let channelId: string | null = null;
  if (request.channel === undefined) {
    if (catalog.channels.size > 0) return 'you have a created channels, setting channel is required';
  } else {
    channelId = catalog.channels.get(request.channel) ?? null;
    if (channelId === null) return 'wrong name of channel. Channel does not exist';
  }
  let platformId: string | null = null;
  if (request.platform !== undefined) {
    platformId = catalog.platforms.get(request.platform) ?? null;
    if (platformId === null) return 'platform_name not found';
  }
  let archId: string | null = null;
  if (request.arch !== undefined) {
    archId = catalog.archs.get(request.arch) ?? null;
    if (archId === null) return 'arch_id not found';
  }
  return { app, channelId, platformId, archId };
}

/** The gate of a check about a private app, whatever else is wrong with the check (an unknown channel…). */
function privateGate(catalog: TenantCatalog, request: CheckRequest): PrivateGate | undefined {
  const app = catalog.apps.get(request.appName);
  if (!app?.private) return undefined;
  const channelId = request.channel === undefined ? null : (catalog.channels.get(request.channel) ?? null);
  return { appId: app.id, channelId };
}
