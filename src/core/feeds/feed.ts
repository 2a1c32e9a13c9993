import type { CatalogApp, TenantCatalog } from '../releases/catalog-load.js';
import {
  type LineRelease,
  type Release,
  type ReleaseArtifact,
  type ReleaseIndex,
  releaseLine,
} from '../releases/index-load.js';
import type { ReleaseCache } from '../releases/release-cache.js';
import type { FormatAnswer } from '../update/answer.js';
import type { Selection } from '../update/select.js';

/**
 * One feed family: `/update/{owner}/{app}/{channel}/{platform}/{arch}/…`, the published releases of one app in one
 * channel with files for one platform and arch. Every feed format is rendered from this.
 */
export interface Feed {
  owner: string;
  tenantId: string;
  app: CatalogApp;
  /** Names as in the catalog; null where the tenant has none of that kind (the URL segment is `_`). */
  channel: string | null;
  platform: string | null;
  arch: string | null;
  /** The same as ids (null for none). */
  ids: { channelId: string | null; platformId: string | null; archId: string | null };
  index: ReleaseIndex;
  /** The releases with files for exactly this platform and arch, lowest version first. */
  line: readonly LineRelease[];
  /** Absolute URL of the feed folder, without a trailing slash (API_URL + `/update/…/{arch}`). */
  base: string;
}

/** The path segment naming "none" for a channel, platform or arch, in a tenant that has none of that kind. */
export const NONE_SEGMENT = '_';

/**
 * Where a feed serves a release's file: `{base}/{version}/{file name}`. The version is in the path (and, in
 * practice, in the file name): electron-updater finds the *old* blockmap by replacing the new version string with
 * the installed one in this URL, so an opaque id here would break differential updates.
 */
export function fileUrl(feed: Feed, release: Release, artifact: ReleaseArtifact): string {
  return `${feed.base}/${encodeURIComponent(release.version.text)}/${encodeURIComponent(artifact.fileName)}`;
}

/** The same, relative to the feed folder (what electron-builder, Sparkle and Velopack resolve against it). */
export function relativeFileUrl(release: Release, artifact: ReleaseArtifact): string {
  return `${encodeURIComponent(release.version.text)}/${encodeURIComponent(artifact.fileName)}`;
}

/** One feed format: which paths it answers and how it renders a selection. */
export interface FeedFormat {
  /** For the feed doctor and logs: `electron-builder`, `squirrel_windows`, … (FaynoSync's updater names). */
  name: string;
  /**
   * For the API description: the path after the arch as an OpenAPI template, an example of it that `match` accepts
   * (a test holds the two together), what the document is, and its content type.
   */
  path: { template: string; example: string; summary: string; contentType: string };
  /**
   * Whether this format answers the path after the arch: one segment (`latest.yml`) or two (`1.2.0/RELEASES`).
   * Returns the client's version text when it is in the path ('' when the path does not carry one), or undefined.
   */
  match(tail: readonly string[]): { version: string } | undefined;
  /** Query parameter carrying the client's version (`localVersion`); `version` is always read when this is absent. */
  versionParam?: string;
  /** Query parameter carrying a device id (Velopack's `stagingId`), besides the x-user-staging-id and X-Device-ID headers. */
  deviceParam?: string;
  /** Other query parameters the answer depends on (they become part of the cache key). */
  params?: readonly string[];
  /** Whether the format tells clients about a staged rollout itself, so the server need not hide it (see selectReleases). */
  hint: boolean;
  answer(feed: Feed, selection: Selection, query: Readonly<Record<string, string>>): FormatAnswer;
}

export interface FeedPath {
  owner: string;
  app: string;
  channel: string;
  platform: string;
  arch: string;
}

/**
 * Resolves a feed path in the owner's tenant. `caseless`: when a name does not match exactly, accept the one name
 * that matches ignoring case (Squirrel.Windows retries a failed download with the whole URL lower-cased).
 * Private apps have no public feeds: their files need credentials, which most updaters cannot send.
 */
export async function resolveFeed(
  releases: ReleaseCache,
  apiUrl: string,
  path: FeedPath,
  caseless = false,
): Promise<Feed | { status: 404; error: string }> {
  const tenantId = await releases.tenantOf(path.owner, caseless);
  // One answer for an unknown owner, an unknown app and a private one: anonymous callers must not learn which
  // private app names exist.
  const unknown = {
    status: 404 as const,
    error: `no public app "${path.app}" of owner "${path.owner}": feeds are served for public apps only (private apps use /checkVersion and /download), at /update/{owner: the admin's username}/{app name}/{channel}/{platform}/{arch}/…`,
  };
  if (tenantId === undefined) return unknown;
  const catalog = await releases.catalog(tenantId);
  const app = named(catalog.apps, path.app, caseless);
  if (!app || app.private) return unknown;
  const channel = placement(catalog, 'channels', path.channel, caseless);
  if (typeof channel === 'string') return { status: 404, error: channel };
  const platform = placement(catalog, 'platforms', path.platform, caseless);
  if (typeof platform === 'string') return { status: 404, error: platform };
  const arch = placement(catalog, 'archs', path.arch, caseless);
  if (typeof arch === 'string') return { status: 404, error: arch };
  const index = await releases.index(catalog, app);
  const segments = [path.owner, app.name, channel.name, platform.name, arch.name];
  return {
    owner: segments[0] as string,
    tenantId,
    app,
    channel: channel.name === NONE_SEGMENT ? null : channel.name,
    platform: platform.name === NONE_SEGMENT ? null : platform.name,
    arch: arch.name === NONE_SEGMENT ? null : arch.name,
    ids: { channelId: channel.id, platformId: platform.id, archId: arch.id },
    index,
    line: releaseLine(index, channel.id, platform.id, arch.id),
    base: `${apiUrl}/update/${segments.map((s) => encodeURIComponent(s)).join('/')}`,
  };
}

const KIND_LABEL = { channels: 'channel', platforms: 'platform', archs: 'arch' } as const;

function placement(
  catalog: TenantCatalog,
  kind: 'channels' | 'platforms' | 'archs',
  segment: string,
  caseless: boolean,
): { id: string | null; name: string } | string {
  const names = catalog[kind];
  const found = named(names, segment, caseless);
  if (found !== undefined) return { id: found, name: nameOf(names, found) };
  if (segment === NONE_SEGMENT && names.size === 0) return { id: null, name: NONE_SEGMENT };
  const label = KIND_LABEL[kind];
  return names.size === 0
    ? `no ${label} "${segment}": this owner has no ${kind}, so the ${label} segment of a feed URL is "${NONE_SEGMENT}"`
    : `no ${label} "${segment}": use the name of one of your ${kind}`;
}

function nameOf(names: ReadonlyMap<string, string>, id: string): string {
  for (const [name, value] of names) if (value === id) return name;
  return id;
}

function named<V>(map: ReadonlyMap<string, V>, name: string, caseless: boolean): V | undefined {
  const exact = map.get(name);
  if (exact !== undefined || !caseless) return exact;
  const lower = name.toLowerCase();
  let found: V | undefined;
  for (const [key, value] of map) {
    if (key.toLowerCase() !== lower) continue;
    if (found !== undefined) return undefined;
    found = value;
  }
  return found;
}
