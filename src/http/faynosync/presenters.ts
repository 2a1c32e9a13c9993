import type { AppItem } from '../../core/catalog/apps.js';
import type { NamedItem } from '../../core/catalog/named.js';
import type { ReleaseWrite } from '../../core/commands/release-write.js';
import { artifactLink } from '../../core/releases/links.js';
import type { ReleaseItem } from '../../core/releases/release-listing.js';
import type { ArtifactStore } from '../../core/stored-files.js';
import type { AppDoc, ArchDoc, ChannelDoc, PlatformDoc, ReleaseDoc } from './schemas/responses.js';

/** FaynoSync answers catalog lists with PascalCase documents; `Owner` is the tenant admin's username. */

export function presentApp(app: AppItem, owner: string, store: ArtifactStore): AppDoc {
  return {
    ID: app.id,
    AppName: app.name,
    Logo: app.logoKey ? store.publicUrl(app.logoKey) : '',
    Private: app.private,
    // FaynoSync's dashboard reads it for private apps only; it means nothing for a public one.
    ...(app.private ? { DownloadMode: app.downloadMode } : {}),
    Tuf: app.tuf,
    CdnEdge: app.cdn,
    Description: app.description,
    Owner: owner,
    Updated_at: app.updatedAt.toISOString(),
    Reports: app.reports,
  };
}

export function presentChannel(item: NamedItem, owner: string): ChannelDoc {
  return { ID: item.id, ChannelName: item.name, Owner: owner, Updated_at: item.updatedAt.toISOString() };
}

export function presentPlatform(item: NamedItem, owner: string): PlatformDoc {
  return {
    ID: item.id,
    PlatformName: item.name,
    Updaters: (item.updaters ?? []).map((u) => ({ type: u.type, default: u.default })),
    Owner: owner,
    Updated_at: item.updatedAt.toISOString(),
  };
}

export function presentArch(item: NamedItem, owner: string): ArchDoc {
  return { ID: item.id, ArchID: item.name, Owner: owner, Updated_at: item.updatedAt.toISOString() };
}

/** `YYYY-MM-DD` (UTC), FaynoSync's changelog date. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A version as FaynoSync's `/search` and `GET /` show it: PascalCase document, lower-case artifact keys with the
 * link built now from the stored key. Beyond FaynoSync: artifact `id` (what /artifact/delete takes), file name,
 * size and hashes. The changelog is this version's own entry, dated with the day the version was created.
 */
export function presentRelease(item: ReleaseItem, apiUrl: string, store: ArtifactStore): ReleaseDoc {
  return {
    ID: item.id,
    AppName: item.appName,
    Version: item.version,
    Channel: item.channel,
    Published: item.published,
    Critical: item.critical,
    Intermediate: item.intermediate,
    Artifacts: item.artifacts.map((a) => ({
      id: a.id,
      link: artifactLink(apiUrl, store, a.visibility === 'private', a.storageKey),
      platform: a.platform,
      arch: a.arch,
      package: a.package,
      file_name: a.fileName,
      size: a.size,
      sha256: a.sha256,
      sha512: a.sha512,
      ...(a.signature === null ? {} : { signature: a.signature }),
    })),
    Changelog: [{ Version: item.version, Changes: item.changelog, Date: day(item.createdAt) }],
    Updated_at: item.updatedAt.toISOString(),
    RolloutPercent: item.rolloutPercent,
  };
}

/**
 * What a write that took over resumable uploads (`data.uploads`) adds to FaynoSync's answer: every file it stored, with
 * the size and SHA-256 measured on the way in, so the client can check them against its own. Writes without uploads
 * answer exactly as FaynoSync does.
 */
export function presentStoredFiles(write: ReleaseWrite | undefined) {
  if (!write?.resumed) return {};
  return {
    artifacts: write.stored.map((file) => ({
      file_name: file.fileName,
      size: file.size,
      sha256: file.sha256,
    })),
  };
}
