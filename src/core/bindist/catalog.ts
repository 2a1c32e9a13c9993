import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { App, Database } from '../../db/schema.js';
import { notFound } from '../errors.js';
import { findApp as findVisibleApp, visibleApps } from '../lookup.js';
import type { CustomerViewer } from '../visibility.js';
import type { BindistCaller } from './customer-keys.js';
import type { PageRequest } from './paging.js';

/**
 * BinDist applications as a caller sees them. A BinDist application is an Updraft app (see migration
 * 0004_bindist): `applicationId` is the app's name. Soft-deleted apps are invisible; a customer sees only the
 * apps it is linked to, and an app it is not linked to does not exist for it (404, never 403): core/visibility.ts's
 * rule, through core/lookup.ts.
 */

/** The app row fields every /v1 presenter needs. */
export interface BindistApp {
  id: string;
  applicationId: string;
  name: string;
  description: string;
  tags: string[];
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

function toApp(row: App): BindistApp {
  return {
    id: row.id,
    applicationId: row.name,
    name: row.display_name ?? row.name,
    description: row.description,
    tags: Array.isArray(row.tags) ? row.tags : [],
    isActive: row.deleted_at === null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The app-level view of a /v1 caller (entitlement only: which channel it sees is a question about versions, see
 * releases.ts's viewerOf).
 */
export function appViewer(caller: BindistCaller): CustomerViewer {
  return {
    kind: 'customer',
    tenantId: caller.tenantId,
    customerId: caller.kind === 'customer' ? caller.customerId : undefined,
    defaultChannelId: null,
    testChannel: false,
  };
}

/** One application the caller may see, or 404 "Application not found" (deleted, not linked, other tenant). */
export async function findApp(db: Db, caller: BindistCaller, applicationId: string): Promise<BindistApp> {
  const row = await findVisibleApp(db, appViewer(caller), applicationId);
  if (!row) throw notFound(`Application not found: '${applicationId}'`);
  return toApp(row);
}

export interface AppListQuery {
  search?: string;
  tags?: string[];
  isActive?: boolean;
  sortBy: 'name' | 'createdAt' | 'updatedAt';
  sortOrder: 'asc' | 'desc';
}

/** A LIKE pattern that matches `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SORT_COLUMN = {
  name: sql<string>`coalesce(a.display_name, a.name)`,
  createdAt: sql<Date>`a.created_at`,
  updatedAt: sql<Date>`a.updated_at`,
};

/** One page of the caller's applications and the total that match. */
export async function listApps(
  db: Db,
  caller: BindistCaller,
  filter: AppListQuery,
  page: PageRequest,
): Promise<{ apps: BindistApp[]; total: number }> {
  // Deleted apps are never listed, so asking for inactive ones finds nothing.
  if (filter.isActive === false) return { apps: [], total: 0 };
  let query = visibleApps(db, appViewer(caller));
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb: ExpressionBuilder<Database & { a: Database['apps'] }, 'a'>) =>
      eb.or([
        eb('a.name', 'ilike', pattern),
        eb(sql`coalesce(a.display_name, '')`, 'ilike', pattern),
        eb('a.description', 'ilike', pattern),
      ]),
    );
  }
  if (filter.tags) {
    const tags = filter.tags;
    query = query.where(sql<boolean>`a.tags ?| array[${sql.join(tags)}]::text[]`);
  }
  const count = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('a')
    .orderBy(SORT_COLUMN[filter.sortBy], filter.sortOrder)
    .orderBy('a.name', 'asc')
    .limit(page.limit)
    .offset((page.page - 1) * page.limit)
    .execute();
  return { apps: rows.map(toApp), total: Number(count.n) };
}

/** The customers linked to each app (admin listings show them). */
export async function customersOfApps(
  db: Db,
  tenantId: string,
  appIds: string[],
): Promise<Map<string, { customerId: string; name: string }[]>> {
  const byApp = new Map<string, { customerId: string; name: string }[]>();
  if (appIds.length === 0) return byApp;
  const rows = await db
    .selectFrom('bindist_customer_apps as g')
    .innerJoin('bindist_customers as c', 'c.id', 'g.customer_id')
    .select(['g.app_id', 'c.id', 'c.name'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.app_id', 'in', appIds)
    .orderBy('c.name')
    .execute();
  for (const row of rows) {
    const list = byApp.get(row.app_id) ?? [];
    list.push({ customerId: row.id, name: row.name });
    byApp.set(row.app_id, list);
  }
  return byApp;
}
