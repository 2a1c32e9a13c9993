import type { Db } from '../../db/connect.js';
import type { ArtifactStore } from '../../storage/types.js';
import { compareVersions, parseVersion, type Version } from '../version-numbers.js';
import { artifactVisible, clientViewer, releaseVisible, variantOwnsArtifact } from '../visibility.js';
import type { CatalogApp, TenantCatalog } from './catalog-load.js';
import { artifactLink } from './links.js';
import type { Rollout } from './rollout.js';

export interface ReleaseArtifact {
  id: string;
  platformId: string | null;
  archId: string | null;
  /** The platform's and arch's names; '' when the artifact has none. */
  platform: string;
  arch: string;
  fileName: string;
  /** The extension without its dot ('' for a file such as RELEASES), as FaynoSync's `update_url_<ext>` keys use it. */
  ext: string;
  /** Built from the stored key when the index is loaded (the index is reloaded after every write in the tenant). */
  link: string;
  signature: string | null;
  storageKey: string;
  size: number;
  /** Lower-case hex. sha1 is null only for files stored before it was recorded. */
  sha1: string | null;
  sha256: string;
  sha512: string;
  /** When the file was uploaded. */
  createdAt: Date;
  /** Private for a private app's files: served only through signed links. */
  visibility: 'public' | 'private';
  /** The Fenfa variant that owns the file (a Fenfa release), or null: only such files are served at `/d/:releaseID`. */
  variantId: string | null;
}

/** One published version of an app, with every artifact it has, oldest upload first. */
export interface Release {
  id: string;
  version: Version;
  channelId: string | null;
  critical: boolean;
  intermediate: boolean;
  rollout: Rollout;
  changelog: string;
  /** When the version was first published: the feeds' release date. */
  publishedAt: Date;
  /** electron-builder's and Sparkle's minimumSystemVersion, when set. */
  minSystemVersion: string | null;
  artifacts: ReleaseArtifact[];
}

/** A release as seen from one platform and arch: only its artifacts for them. */
export interface LineRelease {
  release: Release;
  artifacts: ReleaseArtifact[];
}

/** One app's published releases for a tenant, loaded in one query and kept until the tenant's next write. */
export interface ReleaseIndex {
  tenantId: string;
  app: CatalogApp;
  generation: number;
  /** Its catalog's loadedAt: the index takes names and privacy from that catalog, so it is no fresher than it. */
  loadedAt: number;
  /** Published releases per channel id ('' when the version has no channel), lowest version first. */
  channels: ReadonlyMap<string, readonly Release[]>;
  /**
   * Per channel, platform and arch (see lineKey): the releases that have an artifact for exactly that platform
   * and arch, lowest version first. This is FaynoSync's candidate set for an update check.
   */
  lines: ReadonlyMap<string, readonly LineRelease[]>;
  /** Every artifact by its id, with its release: Fenfa's downloads name a file by id. */
  artifacts: ReadonlyMap<string, { release: Release; artifact: ReleaseArtifact }>;
}

/** The key of a release line; a missing channel, platform or arch is '' (no id is ever empty). */
export function lineKey(channelId: string | null, platformId: string | null, archId: string | null): string {
  return `${channelId ?? ''}/${platformId ?? ''}/${archId ?? ''}`;
}

export function releaseLine(
  index: ReleaseIndex,
  channelId: string | null,
  platformId: string | null,
  archId: string | null,
): readonly LineRelease[] {
  return index.lines.get(lineKey(channelId, platformId, archId)) ?? [];
}

/** What links are built from, besides the app's private flag: the public API URL and the store. */
export interface LinkDeps {
  apiUrl: string;
  store: ArtifactStore;
}

/** Loads one app's visible versions and their artifacts in one query and arranges them for answering. */
export async function loadReleaseIndex(
  db: Db,
  links: LinkDeps,
  catalog: TenantCatalog,
  app: CatalogApp,
  generation: number,
): Promise<ReleaseIndex> {
  const rows = await db
    .selectFrom('versions as v')
    // The files of an unpublished Fenfa variant are hidden like an unpublished version (core/visibility.ts).
    .leftJoin('artifacts as ar', (join) =>
      join.onRef('ar.version_id', '=', 'v.id').on(artifactVisible(clientViewer(catalog.tenantId))),
    )
    .select([
      'v.id',
      'v.version',
      'v.channel_id',
      'v.critical',
      'v.intermediate',
      'v.rollout_percent',
      'v.rollout_seed',
      'v.changelog',
      'v.published_at',
      'v.updated_at',
      'v.min_system_version',
      'ar.id as artifact_id',
      'ar.platform_id',
      'ar.arch_id',
      'ar.file_name',
      'ar.storage_key',
      'ar.package',
      'ar.signature',
      'ar.size',
      'ar.sha1',
      'ar.sha256',
      'ar.sha512',
      'ar.created_at as artifact_created_at',
      'ar.visibility',
      (eb) =>
        eb
          .selectFrom('fenfa_variants as fv')
          .select('fv.id')
          .where(variantOwnsArtifact())
          .limit(1)
          .as('variant_id'),
    ])
    .where('v.app_id', '=', app.id)
    // Published and active versions of a live app: what every update client may see (core/visibility.ts).
    .where(releaseVisible(clientViewer(catalog.tenantId)))
    // Oldest artifact first, so that where two artifacts compete for one answer key the newest comes last and wins.
    .orderBy('ar.created_at')
    .orderBy('ar.id')
    .execute();

  const releases = new Map<string, Release>();
  for (const row of rows) {
    let release = releases.get(row.id);
    if (!release) {
      release = {
        id: row.id,
        version: parseVersion(row.version),
        channelId: row.channel_id,
        critical: row.critical,
        intermediate: row.intermediate,
        rollout: { percent: row.rollout_percent, seed: row.rollout_seed },
        changelog: row.changelog,
        publishedAt: row.published_at ?? row.updated_at,
        minSystemVersion: row.min_system_version,
        artifacts: [],
      };
      releases.set(row.id, release);
    }
    if (row.artifact_id === null || row.file_name === null || row.storage_key === null) continue;
    const pkg = row.package ?? '';
    release.artifacts.push({
      id: row.artifact_id,
      platformId: row.platform_id,
      archId: row.arch_id,
      platform: row.platform_id ? (catalog.platformNames.get(row.platform_id) ?? '') : '',
      arch: row.arch_id ? (catalog.archNames.get(row.arch_id) ?? '') : '',
      fileName: row.file_name,
      ext: pkg.startsWith('.') ? pkg.slice(1) : pkg,
      link: artifactLink(links.apiUrl, links.store, app.private, row.storage_key),
      signature: row.signature,
      storageKey: row.storage_key,
      size: Number(row.size),
      sha1: row.sha1,
      sha256: row.sha256 ?? '',
      sha512: row.sha512 ?? '',
      createdAt: row.artifact_created_at ?? row.updated_at,
      visibility: row.visibility ?? 'public',
      variantId: row.variant_id,
    });
  }

  const sorted = [...releases.values()].sort(
    (a, b) =>
      compareVersions(a.version, b.version) ||
      (a.version.text < b.version.text ? -1 : a.version.text > b.version.text ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
  const channels = new Map<string, Release[]>();
  const lines = new Map<string, LineRelease[]>();
  const artifacts = new Map<string, { release: Release; artifact: ReleaseArtifact }>();
  for (const release of sorted) {
    push(channels, release.channelId ?? '', release);
    for (const artifact of release.artifacts) artifacts.set(artifact.id, { release, artifact });
    const byTarget = new Map<string, ReleaseArtifact[]>();
    for (const artifact of release.artifacts) {
      push(byTarget, lineKey(release.channelId, artifact.platformId, artifact.archId), artifact);
    }
    for (const [key, artifacts] of byTarget) push(lines, key, { release, artifacts });
  }
  return {
    tenantId: catalog.tenantId,
    app,
    generation,
    loadedAt: catalog.loadedAt,
    channels,
    lines,
    artifacts,
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
