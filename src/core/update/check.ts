import { UPDATER_TYPES } from '../catalog/updaters.js';
import { channelFileFor } from '../feeds/electron-builder.js';
import { NONE_SEGMENT } from '../feeds/feed.js';
import { noZip, squirrelMacOffer, squirrelMacUpdate } from '../feeds/squirrel-mac.js';
import { answerReleases } from '../feeds/squirrel-windows.js';
import { answerTauri } from '../feeds/tauri.js';
import { isCatalogName } from '../names.js';
import type { CatalogApp, TenantCatalog } from '../releases/catalog-load.js';
import { type Release, type ReleaseIndex, releaseLine } from '../releases/index-load.js';
import type { ReleaseSource } from '../releases/release-cache.js';
import { parseVersion, type Version } from '../version-numbers.js';
import { answered, type FormatAnswer, refused, type UpdateAnswer } from './answer.js';
import { type Decision, decide, manualBody, sortedKeys } from './decision.js';
import { type Selection, selectReleases } from './select.js';

/** The query parameters of `GET /checkVersion`, with FaynoSync's names. */
export const CHECK_PARAMS = [
  'app_name',
  'version',
  'channel',
  'platform',
  'arch',
  'owner',
  'updater',
] as const;
export type CheckQuery = Partial<Record<(typeof CHECK_PARAMS)[number], string>>;

/** FaynoSync's answer for an unknown app; also what a download token that does not open a private app gets. */
export const APP_NOT_FOUND = 'app_name not found';

const UPDATERS = new Set<string>(UPDATER_TYPES);
const JSON_TYPE = 'application/json; charset=utf-8';

/** A parsed update check. */
export interface CheckRequest {
  owner: string;
  appName: string;
  client: Version;
  channel: string | undefined;
  platform: string | undefined;
  arch: string | undefined;
  updater: string | undefined;
  /** The device's id (X-Device-ID): the server gates staged rollouts by it. */
  deviceId?: string;
}

/**
 * FaynoSync's pre-database checks with its messages (behaviour §5.1), but with Updraft's name and version
 * rules: every name the catalog accepts and every version an upload accepts can be asked about. Empty
 * optional parameters count as absent, as in FaynoSync. A string is the 400's message.
 */
export function parseCheck(query: CheckQuery): CheckRequest | string {
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

/** The app whose release index answerCheck needs, or undefined when the check is refused on names alone. */
export function checkedApp(catalog: TenantCatalog, request: CheckRequest): CatalogApp | undefined {
  const resolved = resolve(catalog, request);
  return typeof resolved === 'string' ? undefined : resolved.app;
}

/** What answerCheck takes, loaded for a query; an error is a 400 that is not the tenant's (nothing to cache it by). */
export type LoadedCheck =
  | { request: CheckRequest; tenantId: string; catalog: TenantCatalog; index: ReleaseIndex | undefined }
  | { error: string };

/**
 * Parses a query and loads the catalog and release index it is answered from, from the hot path's cache or the edge
 * publisher's snapshot. An unknown owner gets the same words as an unknown app: whether an owner exists is nobody's
 * business.
 */
export async function loadCheck(source: ReleaseSource, query: CheckQuery): Promise<LoadedCheck> {
  const request = parseCheck(query);
  if (typeof request === 'string') return { error: request };
  const tenantId = await source.tenantOf(request.owner);
  if (tenantId === undefined) return { error: APP_NOT_FOUND };
  const catalog = await source.catalog(tenantId);
  const app = checkedApp(catalog, request);
  const index = app && (await source.index(catalog, app));
  return { request, tenantId, catalog, index };
}

/**
 * What `GET /checkVersion` answers (FaynoSync behaviour §5), in the format of the updater the check resolves to: a
 * pure function of the tenant's catalog, the app's release index (checkedApp says which; none when it says none) and
 * the request. `apiUrl` is where the feeds are (electron-builder's answer redirects into them).
 */
export function answerCheck(
  catalog: TenantCatalog,
  index: ReleaseIndex | undefined,
  request: CheckRequest,
  apiUrl: string,
): UpdateAnswer {
  const resolved = resolve(catalog, request);
  if (typeof resolved === 'string') return refused(400, resolved);
  if (index?.app.id !== resolved.app.id) {
    throw new Error(`answerCheck needs the release index of app "${resolved.app.name}"`);
  }
  const line = releaseLine(index, resolved.channelId, resolved.platformId, resolved.archId);
  // An empty line is FaynoSync's 400 for every updater.
  const undecided = decide(line, request.client);
  if (!undecided) return refused(400, `no matching documents found for app_name: ${resolved.app.name}`);
  const target: CheckTarget = {
    app: resolved.app,
    request,
    staged: undecided.staged,
    feedBase: feedBase(apiUrl, request),
  };
  const select = (hint: boolean) =>
    selectReleases(line, { version: request.client, deviceId: request.deviceId }, hint);
  switch (updaterOf(catalog, resolved.platformId, request.updater)) {
    case 'squirrel_darwin':
      return squirrelMacAnswer(target, select(false));
    case 'squirrel_windows':
      return squirrelWindowsAnswer(target, select(true));
    case 'electron-builder':
      return electronBuilderAnswer(target, select(true));
    case 'tauri': {
      const selection = select(false);
      return withDecision(
        answerTauri(selection, undefined, (_entry, artifact) => artifact.link),
        selection,
        target,
      );
    }
    default:
      return manualAnswer(target, decide(line, request.client, request.deviceId) ?? undecided);
  }
}

/** What a per-updater answer is made from. */
interface CheckTarget {
  app: CatalogApp;
  request: CheckRequest;
  /** The staged releases whose rollout can change the answer for a device. */
  staged: readonly Release[];
  /** The feed folder the same names have under /update (electron-builder's answer redirects into it). */
  feedBase: string;
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

/** FaynoSync's plain JSON: it offers the release it shows when it says update_available. */
function manualAnswer(target: CheckTarget, decision: Decision): UpdateAnswer {
  const offers = decision.updateAvailable ? (decision.shown?.release.version.text ?? null) : null;
  return {
    status: 200,
    contentType: JSON_TYPE,
    body: JSON.stringify(manualBody(decision)),
    perDevice: true,
    decision: {
      offers,
      updateAvailable: decision.updateAvailable,
      reason: offers === null ? 'no newer release is open to this client' : `offers ${offers}`,
      staged: target.staged,
    },
  };
}

/** A format's answer to a selection, with the decision behind it. */
function withDecision(offered: FormatAnswer, selection: Selection, target: CheckTarget): UpdateAnswer {
  return answered(offered, selection, target.staged);
}

/**
 * FaynoSync's JSON with `update_url_zip` renamed to `url` (the other `update_url_*` keys dropped), plus the
 * `name`, `notes` and `pub_date` Squirrel.Mac also reads; 204 when there is no newer release with a zip.
 */
function squirrelMacAnswer(target: CheckTarget, selection: Selection): UpdateAnswer {
  const offer = squirrelMacOffer(selection);
  if (!offer)
    return withDecision({ status: 204, offers: null, missing: noZip(selection) }, selection, target);
  const body = manualBody(decisionOf(selection));
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) if (!name.startsWith('update_url_')) fields[name] = value;
  Object.assign(fields, squirrelMacUpdate(target.app.name, offer.entry.release, offer.zip.link));
  return withDecision(
    {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify(sortedKeys(fields)),
      offers: offer.entry.release.version.text,
    },
    selection,
    target,
  );
}

/**
 * Public apps: the RELEASES text itself, generated as the feed's is (packages linked where they are stored).
 * Private apps: FaynoSync's 302 to the uploaded RELEASES file's link, which asks for credentials.
 */
function squirrelWindowsAnswer(target: CheckTarget, selection: Selection): UpdateAnswer {
  const { app, request } = target;
  if (app.private) {
    const file = selection.latest?.artifacts.findLast((a) => a.fileName.toUpperCase() === 'RELEASES');
    if (!file) {
      const error = `app "${app.name}" is private and this release has no uploaded RELEASES file: upload one with the packages, or make the app public`;
      return withDecision({ status: 404, error }, selection, target);
    }
    const offers = selection.updateAvailable ? (selection.latest?.release.version.text ?? null) : null;
    return withDecision({ status: 302, location: file.link, offers }, selection, target);
  }
  const offered = answerReleases(
    {
      releases: selection.releases,
      installed: request.client,
      gated: selection.gated,
      url: (_release, artifact) => artifact.link,
    },
    selection,
  );
  return withDecision(offered, selection, target);
}

/**
 * A redirect to the generated channel file (`latest.yml`, `latest-mac.yml` or `latest-linux.yml`, by the offered
 * release's installers) of the same feed when there is an update (carrying the version, so the
 * feed honours required intermediates), else 204. Private apps have no feeds: FaynoSync's redirect to an uploaded
 * `.yml` then, if the release has one.
 */
function electronBuilderAnswer(target: CheckTarget, selection: Selection): UpdateAnswer {
  const none = { status: 204 as const, offers: null };
  if (!selection.updateAvailable) return withDecision(none, selection, target);
  let location: string | undefined;
  if (target.app.private) {
    location = selection.latest?.artifacts.findLast((a) => /^ya?ml$/i.test(a.ext))?.link;
  } else {
    const file = channelFileFor(selection.latest?.artifacts ?? []);
    location = `${target.feedBase}/${file}?version=${encodeURIComponent(target.request.client.text)}`;
  }
  if (location === undefined) {
    return withDecision(
      {
        ...none,
        missing: 'the release has no uploaded .yml channel file (a private app has no generated feeds)',
      },
      selection,
      target,
    );
  }
  const offers = selection.latest?.release.version.text ?? null;
  return withDecision({ status: 302, location, offers }, selection, target);
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
