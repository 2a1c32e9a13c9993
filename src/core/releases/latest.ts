import type { ReleaseIndex } from './release-index.js';

/** The `package` value FaynoSync uses for files without an extension (RELEASES and the like). */
export const NO_EXTENSION = 'no-extension';

export interface LatestQuery {
  channelId: string;
  channelName: string;
  platform?: string;
  arch?: string;
  /** An extension without its dot, or NO_EXTENSION. */
  package?: string;
}

/** `{channel: {platform: {arch: {package: {url}}}}}` */
export type LatestMap = Record<string, Record<string, Record<string, Record<string, { url: string }>>>>;

export type LatestAnswer =
  | { kind: 'redirect'; url: string }
  | { kind: 'map'; body: LatestMap }
  | { kind: 'none' };

/**
 * FaynoSync's "latest build" for download pages (behaviour §8): the newest published release of the channel
 * (whatever its platforms), then its artifacts that match the filters. One match is a redirect; several are
 * a map keyed by platform, arch and package. An artifact without a platform or arch is filed under '': no
 * catalog name can be empty, so that key never collides with a real platform or arch. Where two artifacts
 * land on the same key the newest upload wins, as in the update check.
 */
export function latestBuild(index: ReleaseIndex, query: LatestQuery): LatestAnswer {
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
