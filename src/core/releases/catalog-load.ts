import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { UpdaterEntry } from '../../db/schema.js';
import { appVisible, clientViewer } from '../visibility.js';

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
  /** The same apps by id (a name can change, an id cannot). */
  appsById: ReadonlyMap<string, CatalogApp>;
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
    appsById: new Map([...apps.values()].map((app) => [app.id, app])),
    channels,
    platforms,
    archs,
    platformNames: byId(platforms),
    archNames: byId(archs),
    platformUpdaters,
  };
}
