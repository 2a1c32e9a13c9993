import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isDatabaseUnreachable } from '../../db/errors.js';
import type { UpdaterEntry } from '../../db/schema.js';
import type { ArtifactStore } from '../../storage/types.js';
import { BoundedMap } from '../bounded-map.js';
import type { ChangeFeed } from '../changes.js';
import { compareVersions, parseVersion, type Version } from '../version-numbers.js';
import { appVisible, clientViewer, releaseVisible } from '../visibility.js';
import { artifactLink } from './links.js';
import type { Rollout } from './rollout.js';

export interface CatalogApp {
  id: string;
  name: string;
  private: boolean;
}

/** A tenant's names, resolved once per generation: an update check never asks the database for them. */
export interface TenantCatalog {
  tenantId: string;
  generation: number;
  /** When the load began (ms since the epoch): the data is at least this recent. */
  loadedAt: number;
  apps: ReadonlyMap<string, CatalogApp>;
  /** Name → id. */
  channels: ReadonlyMap<string, string>;
  platforms: ReadonlyMap<string, string>;
  archs: ReadonlyMap<string, string>;
  /** Id → name, to name an artifact's platform and arch in answers. */
  platformNames: ReadonlyMap<string, string>;
  archNames: ReadonlyMap<string, string>;
  /** Platform id → its updaters: /checkVersion answers in the platform's default updater's format. */
  platformUpdaters: ReadonlyMap<string, readonly UpdaterEntry[]>;
}

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

/** The admin's id (= tenant id) for an owner name, or undefined when no admin has that name. */
export async function findTenant(db: Db, owner: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', owner)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return row?.id;
}

/** The one admin whose name matches ignoring case, or undefined when none or several do. */
async function findTenantIgnoringCase(db: Db, owner: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', owner.toLowerCase())
    .where('role', '=', 'admin')
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]?.id : undefined;
}

/** Loads a tenant's apps, channels, platforms and archs in one query (one snapshot). */
export async function loadCatalog(db: Db, tenantId: string, generation: number): Promise<TenantCatalog> {
  const loadedAt = Date.now();
  const noUpdaters = sql<UpdaterEntry[] | null>`null::jsonb`.as('updaters');
  const named = (table: 'channels' | 'archs') =>
    db
      .selectFrom(table)
      .select(['id', 'name', sql.lit(table).as('kind'), sql.lit(false).as('private'), noUpdaters])
      .where('tenant_id', '=', tenantId);
  const rows = await db
    .selectFrom('apps as a')
    .select(['a.id', 'a.name', sql.lit('apps').as('kind'), 'a.private', noUpdaters])
    // An app deleted through /v1 is unknown to every update client (core/visibility.ts).
    .where(appVisible(clientViewer(tenantId)))
    .unionAll(named('channels'))
    .unionAll(
      db
        .selectFrom('platforms')
        .select([
          'id',
          'name',
          sql.lit('platforms').as('kind'),
          sql.lit(false).as('private'),
          sql<UpdaterEntry[] | null>`updaters`.as('updaters'),
        ])
        .where('tenant_id', '=', tenantId),
    )
    .unionAll(named('archs'))
    .execute();
  const apps = new Map<string, CatalogApp>();
  const channels = new Map<string, string>();
  const platforms = new Map<string, string>();
  const archs = new Map<string, string>();
  const platformUpdaters = new Map<string, UpdaterEntry[]>();
  for (const row of rows) {
    if (row.kind === 'apps') apps.set(row.name, { id: row.id, name: row.name, private: row.private });
    else if (row.kind === 'channels') channels.set(row.name, row.id);
    else if (row.kind === 'platforms') {
      platforms.set(row.name, row.id);
      platformUpdaters.set(row.id, row.updaters ?? []);
    } else archs.set(row.name, row.id);
  }
  const byId = (m: Map<string, string>) => new Map([...m].map(([name, id]) => [id, name]));
  return {
    tenantId,
    generation,
    loadedAt,
    apps,
    channels,
    platforms,
    archs,
    platformNames: byId(platforms),
    archNames: byId(archs),
    platformUpdaters,
  };
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
    .leftJoin('artifacts as a', 'a.version_id', 'v.id')
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
      'a.id as artifact_id',
      'a.platform_id',
      'a.arch_id',
      'a.file_name',
      'a.storage_key',
      'a.package',
      'a.signature',
      'a.size',
      'a.sha1',
      'a.sha256',
      'a.sha512',
      'a.created_at as artifact_created_at',
    ])
    .where('v.app_id', '=', app.id)
    // Published and active versions of a live app: what every update client may see (core/visibility.ts).
    .where(releaseVisible(clientViewer(catalog.tenantId)))
    // Oldest artifact first, so that where two artifacts compete for one answer key the newest comes last and wins.
    .orderBy('a.created_at')
    .orderBy('a.id')
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
  for (const release of sorted) {
    push(channels, release.channelId ?? '', release);
    const byTarget = new Map<string, ReleaseArtifact[]>();
    for (const artifact of release.artifacts) {
      push(byTarget, lineKey(release.channelId, artifact.platformId, artifact.archId), artifact);
    }
    for (const [key, artifacts] of byTarget) push(lines, key, { release, artifacts });
  }
  return { tenantId: catalog.tenantId, app, generation, loadedAt: catalog.loadedAt, channels, lines };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Where an update check reads names and releases from: the hot path's ReleaseCache, or the edge publisher's
 * snapshot of what is committed (core/releases/edge.ts).
 */
export interface ReleaseSource {
  tenantOf(owner: string): Promise<string | undefined>;
  catalog(tenantId: string): Promise<TenantCatalog>;
  index(catalog: TenantCatalog, app: CatalogApp): Promise<ReleaseIndex>;
}

export interface ReleaseCacheDeps extends LinkDeps {
  db: Db;
  changes: ChangeFeed;
  /** How long a catalog or index that can no longer be confirmed may still be answered from (STALE_IF_ERROR_SECONDS). */
  staleLimitSeconds: number;
}

/** What the cache holds: loads stamped with their tenant, generation and time. */
interface Loaded {
  tenantId: string;
  generation: number;
  loadedAt: number;
}

interface Stamped<T> {
  generation: number;
  value: Promise<T>;
  /** The last load that succeeded (this one once it has), to answer from while the database is unreachable. */
  last: T | undefined;
}

/**
 * The hot paths' view of the database: owner → tenant, the tenant's catalog and each app's release index.
 * Catalogs and indexes are stamped with the tenant's generation and used only while it is unchanged; the
 * promise itself is cached, so concurrent misses share one load. The generation is read before a load starts,
 * so a write landing during the load makes the result stale at once rather than hiding the write.
 *
 * When a reload fails because the database is unreachable, the last loaded value is answered with instead, for
 * up to staleLimitSeconds (its generation then says it is stale, so answers made from it are marked and retried).
 */
export class ReleaseCache implements ReleaseSource {
  /** Admin usernames never change and admins are never deleted, so a found tenant can be kept for good. */
  private readonly tenants: BoundedMap<string, string>;
  private readonly catalogs: BoundedMap<string, Stamped<TenantCatalog>>;
  private readonly indexes: BoundedMap<string, Stamped<ReleaseIndex>>;

  constructor(
    private readonly deps: ReleaseCacheDeps,
    limits: { tenants: number; indexes: number } = { tenants: 10_000, indexes: 4_096 },
  ) {
    this.tenants = new BoundedMap(limits.tenants);
    this.catalogs = new BoundedMap(limits.tenants);
    this.indexes = new BoundedMap(limits.indexes);
  }

  /**
   * An owner that is not found is not remembered: a sign-up does not bump any generation, so a cached "no"
   * could outlive the new admin. Unknown owners cost one indexed query.
   */
  async tenantOf(owner: string, caseless = false): Promise<string | undefined> {
    const known = this.tenants.get(owner);
    if (known !== undefined) return known;
    const id = await findTenant(this.deps.db, owner);
    if (id !== undefined) this.tenants.set(owner, id);
    if (id !== undefined || !caseless) return id;
    return findTenantIgnoringCase(this.deps.db, owner);
  }

  catalog(tenantId: string): Promise<TenantCatalog> {
    const generation = this.deps.changes.generation(tenantId);
    return this.stamped(this.catalogs, tenantId, generation, () =>
      loadCatalog(this.deps.db, tenantId, generation),
    );
  }

  /**
   * Stamped with the catalog's generation, not the current one: the index takes platform and arch names and
   * the app's privacy from that catalog, so it is no fresher than it.
   */
  index(catalog: TenantCatalog, app: CatalogApp): Promise<ReleaseIndex> {
    const { tenantId, generation } = catalog;
    return this.stamped(this.indexes, `${tenantId}/${app.id}`, generation, () =>
      loadReleaseIndex(this.deps.db, this.deps, catalog, app, generation),
    );
  }

  /** For how many seconds a loaded catalog or index has not been known current (0: it is); see ChangeFeed. */
  staleSeconds(loaded: Loaded, askedAt?: number): number {
    return this.deps.changes.staleSeconds(loaded.tenantId, loaded.generation, loaded.loadedAt, askedAt);
  }

  private stamped<T extends Loaded>(
    map: BoundedMap<string, Stamped<T>>,
    key: string,
    generation: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const hit = map.get(key);
    // While the change listener is away nothing is known current, but reloading on every request would cost the
    // database a query per request (or fail with it): what was loaded stays in use up to the stale limit.
    if (
      hit &&
      hit.generation === generation &&
      (hit.last === undefined || this.staleSeconds(hit.last) <= this.deps.staleLimitSeconds)
    )
      return hit.value;
    const last = hit?.last;
    const entry: Stamped<T> = { generation, value: load(), last };
    map.set(key, entry);
    entry.value = entry.value.then(
      (value) => {
        entry.last = value;
        return value;
      },
      (err: unknown) => {
        if (map.get(key) === entry) {
          if (last) map.set(key, { generation: last.generation, value: Promise.resolve(last), last });
          else map.delete(key);
        }
        if (last && isDatabaseUnreachable(err) && this.staleSeconds(last) <= this.deps.staleLimitSeconds)
          return last;
        throw err;
      },
    );
    return entry.value;
  }
}
