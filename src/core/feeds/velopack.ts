import type { LineRelease, ReleaseArtifact } from '../releases/index-load.js';
import type { ReleaseCache } from '../releases/release-cache.js';
import { type FormatAnswer, type FormatError, newestAbove } from '../update/answer.js';
import type { Selection } from '../update/select.js';
import { compareVersions, parseVersion } from '../version-numbers.js';
import { type Feed, type FeedFormat, type FeedPath, fileUrl, NONE_SEGMENT, resolveFeed } from './feed.js';
import { notesHtml } from './notes.js';
import { isDeltaPackage, isNupkg } from './squirrel-windows.js';

/** One entry of Velopack's `releases.{channel}.json`, with the field names its client reads. */
export interface VelopackAsset {
  PackageId: string;
  Version: string;
  Type: 'Full' | 'Delta';
  /** Bare: the client downloads `{feed folder}/{FileName}`, and saves the file under this name. */
  FileName: string;
  /** Upper-case hex, as vpk writes them; the client compares ignoring case. */
  SHA1: string;
  SHA256: string;
  Size: number;
  NotesMarkdown: string;
  /** `NotesHtml`, not vpk's `NotesHTML`: the Rust client (0.0.1053) reads only this spelling. */
  NotesHtml: string;
}

/**
 * The package id in a package's name: `{id}-{version}-full.nupkg` (vpk's names), else the part before the first
 * `-{digit}.` as Squirrel reads it, else the app's name.
 */
export function packageIdOf(fileName: string, version: string, appName: string): string {
  const stem = fileName.replace(/(-full|-delta)?\.nupkg$/i, '');
  const suffix = `-${version}`;
  if (stem.endsWith(suffix) && stem.length > suffix.length) return stem.slice(0, -suffix.length);
  return /^(.+?)-\d+\./.exec(stem)?.[1] ?? appName;
}

function asset(appName: string, entry: LineRelease, artifact: ReleaseArtifact): VelopackAsset {
  const { release } = entry;
  const version = release.version.text;
  return {
    PackageId: packageIdOf(artifact.fileName, version, appName),
    Version: version,
    Type: isDeltaPackage(artifact.fileName) ? 'Delta' : 'Full',
    FileName: artifact.fileName,
    SHA1: (artifact.sha1 ?? '').toUpperCase(),
    SHA256: artifact.sha256.toUpperCase(),
    Size: artifact.size,
    NotesMarkdown: release.changelog,
    NotesHtml: notesHtml(release.changelog),
  };
}

/**
 * The assets of a Velopack feed, newest release first, each release's full package before its deltas. A delta turns
 * the release below it in the line into this one, so it is listed only when that release is listed too and has a
 * full package (FaynoSync §6.5): across a hole (a release staged out for this client, or one without packages) the
 * client could not apply it.
 */
export function velopackAssets(
  appName: string,
  listed: readonly LineRelease[],
  line: readonly LineRelease[],
): VelopackAsset[] {
  const shown = new Set(listed.map(({ release }) => release.id));
  const hasFull = (entry: LineRelease | undefined) =>
    entry !== undefined &&
    shown.has(entry.release.id) &&
    entry.artifacts.some((a) => isNupkg(a.fileName) && !isDeltaPackage(a.fileName) && a.sha1 !== null);
  const below = new Map(line.map((entry, i) => [entry.release.id, line[i - 1]]));
  const assets: VelopackAsset[] = [];
  for (let i = listed.length - 1; i >= 0; i--) {
    const entry = listed[i];
    if (!entry) continue;
    // A package stored before SHA-1 was recorded is left out: Velopack checks the SHA-1 of what it downloads.
    const packages = entry.artifacts.filter((a) => isNupkg(a.fileName) && a.sha1 !== null);
    const deltas = hasFull(below.get(entry.release.id));
    for (const delta of [false, true]) {
      if (delta && !deltas) continue;
      for (const artifact of packages) {
        if (isDeltaPackage(artifact.fileName) === delta) assets.push(asset(appName, entry, artifact));
      }
    }
  }
  return assets;
}

/**
 * Velopack's `id` query is its package id. It must name this app or one of the feed's packages (ignoring case):
 * a client configured with another app's feed URL gets a 404 that says so, as FaynoSync's answers when `id` is
 * not the app name, instead of installing another app's packages.
 */
function checkId(feed: Feed, id: string | undefined): FormatError | undefined {
  if (id === undefined || id === '') return undefined;
  const wanted = id.toLowerCase();
  if (feed.app.name.toLowerCase() === wanted) return undefined;
  for (const { release, artifacts } of feed.line) {
    for (const artifact of artifacts) {
      if (!isNupkg(artifact.fileName)) continue;
      if (packageIdOf(artifact.fileName, release.version.text, feed.app.name).toLowerCase() === wanted) {
        return undefined;
      }
    }
  }
  return {
    status: 404,
    error: `this feed is for app "${feed.app.name}" and has no package "${id}": check the feed URL the app was given`,
  };
}

/** The feed's assets; Velopack installs the newest Full one when it is newer than the app. */
export function answerVelopack(
  feed: Feed,
  selection: Selection,
  query: Readonly<Record<string, string>>,
): FormatAnswer {
  const refused = checkId(feed, query.id);
  if (refused) return refused;
  const assets = velopackAssets(feed.app.name, selection.releases, feed.line);
  const full = assets.filter((a) => a.Type === 'Full').map((a) => parseVersion(a.Version));
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ Assets: assets }),
    offers: newestAbove(full, selection.version),
    missing: `release ${selection.latest?.release.version.text} has no .nupkg package with a recorded SHA-1 for this platform and arch`,
  };
}

/**
 * `…/{arch}/releases.{name}.json?localVersion=&id=` (feed-formats.md §5): any `{name}` answers the feed of the
 * path's channel, since Velopack clients ask for the channel they were packed with (`win`, `osx`, `linux` by
 * default). `localVersion` caps the feed at a required intermediate. Velopack cannot gate a rollout itself, so
 * `hint` is false: the server gates by `stagingId` (or X-Device-ID), and without one a staged release is hidden.
 */
const velopack: FeedFormat = {
  name: 'velopack',
  path: {
    template: 'releases.{velopackChannel}.json',
    example: 'releases.win.json',
    summary: "Velopack's release feed",
    contentType: 'application/json; charset=utf-8',
  },
  match: (tail) =>
    tail.length === 1 && /^releases\.[^/]+\.json$/.test(tail[0] ?? '') ? { version: '' } : undefined,
  versionParam: 'localVersion',
  deviceParam: 'stagingId',
  params: ['id'],
  hint: false,
  answer: answerVelopack,
};

export const velopackFeeds: readonly FeedFormat[] = [velopack];

/** A package asked for through FaynoSync's Velopack route, whose path names no channel. */
export interface VelopackPackagePath extends Omit<FeedPath, 'channel'> {
  file: string;
}

/**
 * FaynoSync's Velopack routes, mapped onto the feeds (they have no channel segment):
 * - `/velopack/{owner}/{app}/{platform}/{arch}/releases.{channel}.json` is the feed path
 *   `/update/{owner}/{app}/{channel}/{platform}/{arch}/releases.{channel}.json` (returned as a string, still
 *   percent-encoded, for the feed dispatcher);
 * - `/velopack/{owner}/{app}/{platform}/{arch}/{file}.nupkg` is a package (decoded), see velopackPackage.
 * Undefined for any other path, or one that is not percent-encoded correctly.
 */
export function velopackAlias(path: string): string | VelopackPackagePath | undefined {
  const parts = path.split('/');
  // ['', 'velopack', owner, app, platform, arch, file]
  if (parts.length !== 7 || parts[1] !== 'velopack' || parts.some((p, i) => i > 0 && p === ''))
    return undefined;
  const [, , owner = '', app = '', platform = '', arch = '', file = ''] = parts;
  const feed = /^releases\.([^/]+)\.json$/.exec(file);
  if (feed) return `/update/${owner}/${app}/${feed[1]}/${platform}/${arch}/${file}`;
  if (!isNupkg(file)) return undefined;
  try {
    const [o, a, p, r, f] = [owner, app, platform, arch, file].map(decodeURIComponent);
    return { owner: o ?? '', app: a ?? '', platform: p ?? '', arch: r ?? '', file: f ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * Where a package named on FaynoSync's Velopack route is: a 302 to its `/update/…` URL. FaynoSync stores Velopack
 * packages per platform and arch without a channel, so the package is looked up in every channel of the app and
 * the highest published version that has a file of that name wins.
 */
export async function velopackPackage(
  releases: ReleaseCache,
  apiUrl: string,
  path: VelopackPackagePath,
): Promise<{ status: 302; location: string } | { status: 404; error: string }> {
  const tenantId = await releases.tenantOf(path.owner);
  const channels = tenantId === undefined ? [] : [...(await releases.catalog(tenantId)).channels.keys()];
  let best: { feed: Feed; entry: LineRelease; artifact: ReleaseArtifact } | undefined;
  for (const channel of channels.length === 0 ? [NONE_SEGMENT] : channels) {
    const feed = await resolveFeed(releases, apiUrl, { ...path, channel });
    if ('error' in feed) return feed;
    for (const entry of feed.line) {
      const artifact = entry.artifacts.find((a) => a.fileName === path.file);
      if (artifact && (!best || compareVersions(entry.release.version, best.entry.release.version) > 0)) {
        best = { feed, entry, artifact };
      }
    }
  }
  if (!best) {
    return {
      status: 404,
      error: `no published package "${path.file}" for app "${path.app}" on ${path.platform}/${path.arch}`,
    };
  }
  return { status: 302, location: fileUrl(best.feed, best.entry.release, best.artifact) };
}
