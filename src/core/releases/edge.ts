import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db, DbHandle } from '../../db/connect.js';
import { assertValidKey } from '../../storage/object-keys.js';
import type { ArtifactStore } from '../../storage/types.js';
import type { ChangeFeed } from '../changes.js';
import { answerCheck, type CheckQuery, loadCheck } from '../update/check.js';
import { type CatalogApp, loadCatalog, type TenantCatalog } from './catalog-load.js';
import { type LinkDeps, loadReleaseIndex, type ReleaseIndex } from './index-load.js';
import type { ReleaseSource } from './release-cache.js';

export interface EdgeDeps {
  database: DbHandle;
  store: ArtifactStore;
  logger: Logger;
  changes: ChangeFeed;
  apiUrl: string;
}

/**
 * The updaters whose answers FaynoSync's SDK reads from its edgeURL: `manual` for every check (`checkForUpdates`),
 * `squirrel_darwin` for the native feed (only where the platform is configured with it; the API answers other
 * platforms in the manual format). squirrel_windows is left out: its answer is a RELEASES text, not the JSON the
 * SDK expects, so the SDK would fall back to the API anyway.
 */
const EDGE_UPDATERS = ['manual', 'squirrel_darwin'] as const;

/**
 * Client versions per release line that get an object, newest first: every one costs a decision and an object
 * on each write. A client on an older version misses the edge and asks the API, which answers it the same.
 */
export const MAX_EDGE_VERSIONS_PER_LINE = 1000;

/** FaynoSync's Cache-Control for these objects: a CDN revalidates within a minute of a publish. */
export const EDGE_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

const CONCURRENT_TENANTS = 2;
const CONCURRENT_OBJECTS = 8;
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 300_000;
/** pg_advisory_xact_lock's first key: 'edge' in ASCII, so the locks of other features never collide with these. */
const LOCK_CLASS = 0x65646765;

/**
 * FaynoSync's key (behaviour §4.3): `responses/{owner}/{app}/{channel}/{platform}/{arch}/{updater}/{version}.json`,
 * empty segments omitted, the version with `-` written as `.` (as the SDK builds it).
 */
export function edgeKey(parts: {
  owner: string;
  app: string;
  channel: string | undefined;
  platform: string | undefined;
  arch: string | undefined;
  updater: string;
  version: string;
}): string {
  const segments = [parts.owner, parts.app, parts.channel, parts.platform, parts.arch, parts.updater];
  const path = segments.filter((s): s is string => s !== undefined && s !== '');
  return ['responses', ...path, `${parts.version.replaceAll('-', '.')}.json`].join('/');
}

interface EdgeObject {
  body: Buffer;
  sha256: string;
  contentType: string | undefined;
}

/** What one reconcile read: the tenant's names and releases as committed when it began, loaded once. */
class Snapshot implements ReleaseSource {
  #catalog: Promise<TenantCatalog> | undefined;
  readonly #indexes = new Map<string, Promise<ReleaseIndex>>();

  constructor(
    private readonly db: Db,
    private readonly links: LinkDeps,
    private readonly tenantId: string,
    private readonly owner: string,
  ) {}

  async tenantOf(owner: string): Promise<string | undefined> {
    return owner === this.owner ? this.tenantId : undefined;
  }

  catalog(tenantId: string): Promise<TenantCatalog> {
    if (tenantId !== this.tenantId) throw new Error('an edge snapshot holds one tenant');
    this.#catalog ??= loadCatalog(this.db, tenantId, 0);
    return this.#catalog;
  }

  index(catalog: TenantCatalog, app: CatalogApp): Promise<ReleaseIndex> {
    let index = this.#indexes.get(app.id);
    if (!index) {
      index = loadReleaseIndex(this.db, this.links, catalog, app, 0);
      this.#indexes.set(app.id, index);
    }
    return index;
  }
}

/**
 * Publishes the update-check answers of apps with `cdn` on as public objects, where FaynoSync's SDK looks first
 * when given an `edgeURL` (a CDN in front of the public bucket), and removes them when they no longer apply.
 *
 * It follows the change feed rather than the routes: after any committed write in a tenant it reconciles that
 * tenant, computing every object its cdn apps should have now and comparing with `edge_objects` (what was
 * written, by SHA-256), then putting only what differs and deleting what is no longer wanted. So an upload, a
 * version or flag change, an artifact, version or app delete, a rename or `cdn` turned off all come out right
 * without a route knowing about the edge. Reconciles of a tenant never overlap (bursts of writes fold into one
 * more run; with PostgreSQL an advisory lock also orders them across instances, each reading what is committed
 * once it holds the lock); failures are logged and retried later. Writes do not wait for it: `idle()` does.
 */
export class EdgePublisher {
  /** Set by start(): until the API serves, there is nothing to publish. */
  #started = false;
  /** Tenants with a reconcile to run, in the order they asked. */
  readonly #waiting = new Set<string>();
  readonly #active = new Set<string>();
  readonly #retries = new Map<string, { delay: number; timer: NodeJS.Timeout | undefined }>();
  #starting: Promise<void> | undefined;
  #idleWaiters: (() => void)[] = [];
  #closed = false;

  constructor(private readonly deps: EdgeDeps) {
    deps.changes.onChange((tenantId) => this.schedule(tenantId));
  }

  /**
   * Starts publishing, and reconciles every tenant that has cdn apps or objects (a crash may have left a reconcile
   * undone).
   */
  start(): void {
    this.#started = true;
    if (this.#closed) return;
    const starting = this.#tenantsToCheck()
      .then((tenants) => {
        for (const tenantId of tenants) this.schedule(tenantId);
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'edge publisher could not list its tenants'))
      .finally(() => {
        if (this.#starting === starting) this.#starting = undefined;
        this.#wakeIdle();
      });
    this.#starting = starting;
  }

  /** Asks for a reconcile of the tenant; returns at once. */
  schedule(tenantId: string): void {
    if (this.#closed || !this.#started) return;
    this.#waiting.add(tenantId);
    this.#pump();
  }

  /** Resolves once no reconcile is running or waiting (retries on a timer excepted). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Stops taking work and waits for what runs. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.clear();
    for (const retry of this.#retries.values()) clearTimeout(retry.timer);
    this.#retries.clear();
    await this.idle();
  }

  #isIdle(): boolean {
    return this.#starting === undefined && this.#waiting.size === 0 && this.#active.size === 0;
  }

  #wakeIdle(): void {
    if (!this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }

  #pump(): void {
    for (const tenantId of this.#waiting) {
      if (this.#active.size >= CONCURRENT_TENANTS) return;
      // A tenant asked again while it runs goes once more when the run ends: the run may have read too early.
      if (this.#active.has(tenantId)) continue;
      this.#waiting.delete(tenantId);
      this.#active.add(tenantId);
      void this.#run(tenantId).finally(() => {
        this.#active.delete(tenantId);
        this.#pump();
        this.#wakeIdle();
      });
    }
  }

  async #run(tenantId: string): Promise<void> {
    try {
      await this.reconcile(tenantId);
      const retry = this.#retries.get(tenantId);
      if (retry) clearTimeout(retry.timer);
      this.#retries.delete(tenantId);
    } catch (err) {
      this.#retryLater(tenantId, err);
    }
  }

  /** Backs off from 5 s to 5 min; a write in the tenant meanwhile reconciles it at once anyway. */
  #retryLater(tenantId: string, err: unknown): void {
    if (this.#closed) return;
    const previous = this.#retries.get(tenantId);
    const delay = previous ? Math.min(previous.delay * 2, RETRY_MAX_MS) : RETRY_FIRST_MS;
    if (previous) clearTimeout(previous.timer);
    this.deps.logger.error({ err, tenantId, retryInMs: delay }, 'edge objects not reconciled');
    const timer = setTimeout(() => this.schedule(tenantId), delay);
    timer.unref();
    this.#retries.set(tenantId, { delay, timer });
  }

  /** One reconcile of a tenant's objects; throws when any put or delete failed (the rest are done). */
  async reconcile(tenantId: string): Promise<void> {
    if (!this.#started) return;
    await this.#locked(tenantId, async (db) => {
      const desired = await this.#desired(db, tenantId);
      const rows = await db
        .selectFrom('edge_objects')
        .select(['key', 'sha256'])
        .where('tenant_id', '=', tenantId)
        .execute();
      const written = new Map(rows.map((row) => [row.key, row.sha256]));
      const puts = [...desired].filter(([key, object]) => written.get(key) !== object.sha256);
      const deletes = [...written.keys()].filter((key) => !desired.has(key));
      const failures: unknown[] = [];
      await eachLimited(puts, CONCURRENT_OBJECTS, async ([key, object]) => {
        try {
          await this.deps.store.put(key, Readable.from([object.body]), {
            visibility: 'public',
            contentType: object.contentType,
            cacheControl: EDGE_CACHE_CONTROL,
          });
          await db
            .insertInto('edge_objects')
            .values({ tenant_id: tenantId, key, sha256: object.sha256 })
            .onConflict((oc) =>
              oc.columns(['tenant_id', 'key']).doUpdateSet({ sha256: object.sha256, updated_at: sql`now()` }),
            )
            .execute();
        } catch (err) {
          failures.push(err);
        }
      });
      // Deletes go one at a time: filesystem-backed S3 servers prune folders a delete empties, and fail (500) when
      // another delete in the same folder runs meanwhile.
      for (const key of deletes) {
        try {
          await this.deps.store.delete(key, 'public');
          await db
            .deleteFrom('edge_objects')
            .where('tenant_id', '=', tenantId)
            .where('key', '=', key)
            .execute();
        } catch (err) {
          failures.push(err);
        }
      }
      if (puts.length + deletes.length > 0) {
        this.deps.logger.debug(
          { tenantId, put: puts.length, deleted: deletes.length, failed: failures.length },
          'edge objects reconciled',
        );
      }
      if (failures.length > 0) {
        throw new AggregateError(failures, `${failures.length} edge object writes failed`);
      }
    });
  }

  /**
   * With PostgreSQL several instances may reconcile one tenant: a transaction-scoped advisory lock orders them, and
   * everything the reconcile reads goes through that transaction's connection, so it sees every write committed
   * before it got the lock (and holds one pooled connection, never two). The embedded database has one instance.
   */
  async #locked(tenantId: string, work: (db: Db) => Promise<void>): Promise<void> {
    const { db, kind } = this.deps.database;
    if (kind !== 'postgres') {
      await work(db);
      return;
    }
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${tenantId}))`.execute(trx);
      await work(trx);
    });
  }

  /** Every object the tenant's cdn apps should have now, with its bytes. */
  async #desired(db: Db, tenantId: string): Promise<Map<string, EdgeObject>> {
    const desired = new Map<string, EdgeObject>();
    const admin = await db
      .selectFrom('users')
      .select('username')
      .where('id', '=', tenantId)
      .where('role', '=', 'admin')
      .executeTakeFirst();
    if (!admin) return desired;
    const apps = await db
      .selectFrom('apps')
      .select('name')
      .where('tenant_id', '=', tenantId)
      .where('cdn', '=', true)
      .where('private', '=', false)
      .where('deleted_at', 'is', null)
      .execute();
    if (apps.length === 0) return desired;
    const owner = admin.username;
    const source = new Snapshot(db, this.deps, tenantId, owner);
    const catalog = await source.catalog(tenantId);
    const channelNames = new Map([...catalog.channels].map(([name, id]) => [id, name]));
    for (const { name } of apps) {
      const app = catalog.apps.get(name);
      if (!app) continue;
      const index = await source.index(catalog, app);
      for (const [line, releases] of index.lines) {
        const [channelId = '', platformId = '', archId = ''] = line.split('/');
        const channel = channelNames.get(channelId);
        const platform = catalog.platformNames.get(platformId);
        const arch = catalog.archNames.get(archId);
        const configured = catalog.platformUpdaters.get(platformId) ?? [];
        const updaters = EDGE_UPDATERS.filter(
          (type) => type === 'manual' || configured.some((u) => u.type === type),
        );
        for (const { release } of releases.slice(-MAX_EDGE_VERSIONS_PER_LINE)) {
          const version = release.version.text;
          for (const updater of updaters) {
            const key = edgeKey({ owner, app: app.name, channel, platform, arch, updater, version });
            if (!isValidKey(key)) continue;
            const query: CheckQuery = { owner, app_name: app.name, version, updater };
            if (channel !== undefined) query.channel = channel;
            if (platform !== undefined) query.platform = platform;
            if (arch !== undefined) query.arch = arch;
            // What /checkVersion answers a client without a device id, by the same functions.
            const loaded = await loadCheck(source, query);
            if ('error' in loaded) continue;
            const answer = answerCheck(loaded.catalog, loaded.index, loaded.request, this.deps.apiUrl);
            // Only what the SDK can read from a bucket: a 200 with JSON. A 204 or an error stays with the API.
            if (answer.status !== 200 || !answer.contentType.startsWith('application/json')) continue;
            const body = Buffer.from(answer.body);
            desired.set(key, {
              body,
              sha256: createHash('sha256').update(body).digest('hex'),
              contentType: answer.contentType,
            });
          }
        }
      }
    }
    return desired;
  }

  async #tenantsToCheck(): Promise<string[]> {
    const { db } = this.deps.database;
    const rows = await db
      .selectFrom('apps')
      .select('tenant_id')
      .where('cdn', '=', true)
      .union(db.selectFrom('edge_objects').select('tenant_id'))
      .execute();
    return rows.map((row) => row.tenant_id);
  }
}

/** A name the storage would refuse as a key (it cannot be stored, so the SDK asking for it falls back to the API). */
function isValidKey(key: string): boolean {
  try {
    assertValidKey(key);
    return true;
  } catch {
    return false;
  }
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
