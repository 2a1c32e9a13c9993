import type { Db } from '../../db/connect.js';
import { isDatabaseUnreachable } from '../../db/errors.js';
import { BoundedMap } from '../bounded-map.js';
import type { ChangeFeed } from '../changes.js';
import { type CatalogApp, loadCatalog, type TenantCatalog } from './catalog-load.js';
import { type LinkDeps, loadReleaseIndex, type ReleaseIndex } from './index-load.js';
import { findArtifactOwner, findTenant, findTenantIgnoringCase } from './tenant-lookup.js';

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

export interface ArtifactOwner {
  tenantId: string;
  appId: string;
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
  /** An artifact never moves to another tenant or app, so a found owner can be kept for good too. */
  private readonly artifactOwners: BoundedMap<string, ArtifactOwner>;
  private readonly catalogs: BoundedMap<string, Stamped<TenantCatalog>>;
  private readonly indexes: BoundedMap<string, Stamped<ReleaseIndex>>;

  constructor(
    private readonly deps: ReleaseCacheDeps,
    limits: { tenants: number; indexes: number } = { tenants: 10_000, indexes: 4_096 },
  ) {
    this.tenants = new BoundedMap(limits.tenants);
    this.artifactOwners = new BoundedMap(limits.indexes * 16);
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

  /**
   * The tenant and app of an artifact, for routes that name a file by id alone (Fenfa's `/d/:releaseID`). Every
   * artifact of a loaded index is known without a query, so during an outage such a file is still found.
   */
  async artifactOwner(artifactId: string): Promise<ArtifactOwner | undefined> {
    const known = this.artifactOwners.get(artifactId);
    if (known !== undefined) return known;
    const owner = await findArtifactOwner(this.deps.db, artifactId);
    if (owner !== undefined) this.artifactOwners.set(artifactId, owner);
    return owner;
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
    return this.stamped(this.indexes, `${tenantId}/${app.id}`, generation, async () => {
      const index = await loadReleaseIndex(this.deps.db, this.deps, catalog, app, generation);
      for (const id of index.artifacts.keys()) this.artifactOwners.set(id, { tenantId, appId: app.id });
      return index;
    });
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
