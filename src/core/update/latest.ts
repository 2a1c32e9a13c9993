import { isCatalogName, MAX_NAME_LENGTH } from '../names.js';
import type { CatalogApp, TenantCatalog } from '../releases/catalog-load.js';
import type { ReleaseIndex } from '../releases/index-load.js';
import type { UpdateResponse } from './answer.js';
import { APP_NOT_FOUND } from './check.js';

/** The query parameters of `GET /apps/latest`, with FaynoSync's names. */
export const LATEST_PARAMS = ['app_name', 'channel', 'platform', 'arch', 'package', 'owner'] as const;
export type LatestParams = Partial<Record<(typeof LATEST_PARAMS)[number], string>>;

/** A parsed `/apps/latest` request. */
export interface LatestRequest {
  owner: string;
  appName: string;
  channel: string;
  platform: string | undefined;
  arch: string | undefined;
  package: string | undefined;
}

/**
 * FaynoSync's required pair first, then Updraft's name rules, so that only sane requests are answered (and cached).
 * A string is the 400's message.
 */
export function parseLatest(query: LatestParams): LatestRequest | string {
  if (!query.app_name || !query.channel) return "Parameters 'app_name' and 'channel' are required";
  if (!isCatalogName(query.app_name)) return 'invalid app_name parameter';
  if (!isCatalogName(query.channel)) return 'invalid channel parameter';
  if (query.platform && !isCatalogName(query.platform)) return 'invalid platform parameter';
  if (query.arch && !isCatalogName(query.arch)) return 'invalid arch parameter';
  if (query.package && (query.package.length > MAX_NAME_LENGTH || !/^[A-Za-z0-9._-]+$/.test(query.package))) {
    return 'invalid package parameter: give an extension without its dot, e.g. dmg, or no-extension';
  }
  if (!query.owner) return "owner is required: the admin's username";
  return {
    owner: query.owner,
    appName: query.app_name,
    channel: query.channel,
    platform: query.platform || undefined,
    arch: query.arch || undefined,
    package: query.package || undefined,
  };
}

/** The app whose release index answerLatest needs, or undefined when the request is answered from names alone. */
export function latestApp(catalog: TenantCatalog, request: LatestRequest): CatalogApp | undefined {
  const app = catalog.apps.get(request.appName);
  return app && catalog.channels.has(request.channel) ? app : undefined;
}

/**
 * `GET /apps/latest` (FaynoSync behaviour §8): 302 to the one matching file of the channel's newest release, a map of
 * several, or 404. A pure function of the catalog, the app's release index (latestApp says which) and the request.
 */
export function answerLatest(
  catalog: TenantCatalog,
  index: ReleaseIndex | undefined,
  request: LatestRequest,
): UpdateResponse {
  const app = catalog.apps.get(request.appName);
  if (!app) return { status: 404, error: APP_NOT_FOUND };
  const channelId = catalog.channels.get(request.channel);
  if (!channelId) return { status: 404, error: 'channel not found' };
  if (index?.app.id !== app.id) throw new Error(`answerLatest needs the release index of app "${app.name}"`);
  const answer = latestBuild(index, {
    channelId,
    channelName: request.channel,
    platform: request.platform,
    arch: request.arch,
    package: request.package,
  });
  if (answer.kind === 'redirect') return { status: 302, location: answer.url };
  if (answer.kind === 'map') {
    return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(answer.body) };
  }
  return { status: 404, error: 'No matching data found for the provided parameters' };
}

/** The `package` value FaynoSync uses for files without an extension (RELEASES and the like). */
export const NO_EXTENSION = 'no-extension';

interface LatestQuery {
  channelId: string;
  channelName: string;
  platform?: string;
  arch?: string;
  /** An extension without its dot, or NO_EXTENSION. */
  package?: string;
}

/** `{channel: {platform: {arch: {package: {url}}}}}` */
export type LatestMap = Record<string, Record<string, Record<string, Record<string, { url: string }>>>>;

type LatestAnswer = { kind: 'redirect'; url: string } | { kind: 'map'; body: LatestMap } | { kind: 'none' };

/**
 * FaynoSync's "latest build" for download pages (behaviour §8): the newest published release of the channel
 * (whatever its platforms), then its artifacts that match the filters. One match is a redirect; several are
 * a map keyed by platform, arch and package. An artifact without a platform or arch is filed under '': no
 * catalog name can be empty, so that key never collides with a real platform or arch. Where two artifacts
 * land on the same key the newest upload wins, as in the update check.
 */
function latestBuild(index: ReleaseIndex, query: LatestQuery): LatestAnswer {
  const releases = index.channels.get(query.channelId) ?? [];
  const latest = releases.at(-1);
  const urls = new Map<string, { platform: string; arch: string; pkg: string; url: string }>();
  for (const artifact of latest?.artifacts ?? []) {
    const pkg = artifact.ext || NO_EXTENSION;
    if (query.platform !== undefined && artifact.platform !== query.platform) continue;
    if (query.arch !== undefined && artifact.arch !== query.arch) continue;
    if (query.package !== undefined && pkg !== query.package) continue;
    urls.set(`${artifact.platform}/${artifact.arch}/${pkg}`, {
      platform: artifact.platform,
      arch: artifact.arch,
      pkg,
      url: artifact.link,
    });
  }
  if (urls.size === 0) return { kind: 'none' };
  if (urls.size === 1) {
    const [only] = urls.values();
    if (only) return { kind: 'redirect', url: only.url };
  }
  // Sorted at every level, as Go's map encoder writes FaynoSync's answer.
  const entries = [...urls.values()].sort(
    (a, b) => compare(a.platform, b.platform) || compare(a.arch, b.arch) || compare(a.pkg, b.pkg),
  );
  // Prototype-less objects: a platform may be called "constructor", which a plain object already "has".
  const byPlatform: LatestMap[string] = Object.create(null);
  for (const { platform, arch, pkg, url } of entries) {
    const byArch: LatestMap[string][string] = byPlatform[platform] ?? Object.create(null);
    const byPackage: LatestMap[string][string][string] = byArch[arch] ?? Object.create(null);
    byPackage[pkg] = { url };
    byArch[arch] = byPackage;
    byPlatform[platform] = byArch;
  }
  return { kind: 'map', body: { [query.channelName]: byPlatform } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
