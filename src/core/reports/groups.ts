import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database, ReportGroupStatus } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { invalid } from '../errors.js';
import { newId } from '../ids.js';
import { allowedIds, requirePermission } from '../permissions.js';
import { BLOB_URL_TTL_SECONDS, type BlobDeps } from './blobs.js';

export const GROUP_STATUSES: readonly ReportGroupStatus[] = ['open', 'resolved', 'muted'];
const GROUP_HASH = /^[a-f0-9]{64}$/;
const MAX_PAGE_LIMIT = 100;
// RFC 3339 date-time, fractional seconds allowed (the dashboard sends Date.toISOString()).
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** The dimensions a report is grouped by, as the client sent them. */
export interface ReportDimensions {
  appName: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  type: string;
  reason: string;
}

export interface ReportGroupItem extends ReportDimensions {
  id: string;
  groupHash: string;
  appId: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
  detailsStored: number;
  detailsRejected: number;
  status: ReportGroupStatus;
  tags: string[];
  note: string;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Counts one event in its group, creating the group on first sight. A new event on a resolved group re-opens it
 * (a regression); a muted group stays muted. One statement, so concurrent reports never lose a count.
 */
export async function countReport(
  db: Db,
  owner: { tenantId: string; appId: string },
  groupHash: string,
  dims: ReportDimensions,
  now = new Date(),
): Promise<string> {
  const wasResolved = sql<boolean>`report_groups.status = 'resolved'`;
  const row = await db
    .insertInto('report_groups')
    .values({
      id: newId(),
      tenant_id: owner.tenantId,
      app_id: owner.appId,
      group_hash: groupHash,
      app_name: dims.appName,
      version: dims.version,
      channel: dims.channel,
      platform: dims.platform,
      arch: dims.arch,
      event_type: dims.type,
      reason: dims.reason,
      first_seen: now,
      last_seen: now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['app_id', 'group_hash']).doUpdateSet({
        count: sql`report_groups.count + 1`,
        last_seen: now,
        updated_at: now,
        status: sql`CASE WHEN ${wasResolved} THEN 'open' ELSE report_groups.status END`,
        resolved_at: sql`CASE WHEN ${wasResolved} THEN NULL ELSE report_groups.resolved_at END`,
        resolved_by: sql`CASE WHEN ${wasResolved} THEN NULL ELSE report_groups.resolved_by END`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records what became of a report's details (FaynoSync's `details_stored` / `details_rejected`). */
export async function countDetails(db: Db, groupId: string, stored: boolean): Promise<void> {
  await db
    .updateTable('report_groups')
    .set(
      stored
        ? { details_stored: sql`details_stored + 1`, updated_at: sql`now()` }
        : { details_rejected: sql`details_rejected + 1`, updated_at: sql`now()` },
    )
    .where('id', '=', groupId)
    .execute();
}

/** The groups of the actor's tenant, and for a team user only those of its allowed apps. */
export async function groupScope(db: Db, actor: Actor): Promise<Expression<SqlBool>> {
  const eb = expressionBuilder<Database, 'report_groups'>();
  const tenant = eb('report_groups.tenant_id', '=', actor.tenantId);
  const allowed = await allowedIds(db, actor, 'apps');
  if (!allowed) return tenant;
  return eb.and([tenant, allowed.length ? eb('report_groups.app_id', 'in', allowed) : eb.lit(false)]);
}

export function parseGroupHash(value: unknown): string {
  if (typeof value !== 'string' || !GROUP_HASH.test(value)) {
    throw invalid('invalid group hash: expected the 64 lower-case hex characters of group_hash');
  }
  return value;
}

function present(row: RowOf): ReportGroupItem {
  return {
    id: row.id,
    groupHash: row.group_hash,
    appId: row.app_id,
    appName: row.app_name,
    version: row.version,
    channel: row.channel,
    platform: row.platform,
    arch: row.arch,
    type: row.event_type,
    reason: row.reason,
    count: row.count,
    firstSeen: new Date(row.first_seen),
    lastSeen: new Date(row.last_seen),
    detailsStored: row.details_stored,
    detailsRejected: row.details_rejected,
    status: row.status,
    tags: row.tags,
    note: row.note,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

interface RowOf {
  id: string;
  group_hash: string;
  app_id: string;
  app_name: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  event_type: string;
  reason: string;
  count: number;
  first_seen: Date;
  last_seen: Date;
  details_stored: number;
  details_rejected: number;
  status: ReportGroupStatus;
  tags: string[];
  note: string;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface GroupQuery {
  [name: string]: unknown;
}

export interface GroupPage {
  items: ReportGroupItem[];
  total: number;
  page: number;
  limit: number;
}

function queryText(query: GroupQuery, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be given once, as text`);
  return value;
}

function positive(query: GroupQuery, name: string, fallback: number, max: number): number {
  const text = queryText(query, name);
  if (text === undefined) return fallback;
  const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= max)) throw invalid(`${name} must be a whole number from 1 to ${max}`);
  return n;
}

function time(query: GroupQuery, name: string): Date | undefined {
  const text = queryText(query, name);
  if (text === undefined) return undefined;
  const date = RFC3339.test(text) ? new Date(text) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw invalid(`${name} must be an RFC 3339 time such as 2030-01-31T00:00:00Z`);
  }
  return date;
}

/**
 * FaynoSync's `GET /reports/groups`: filters app, version, channel, platform, arch, type, reason (exact),
 * status (open|resolved|muted|all), from/to on lastSeen; page and limit (default 20); newest lastSeen first.
 */
export async function listGroups(db: Db, actor: Actor, query: GroupQuery): Promise<GroupPage> {
  requirePermission(actor, 'apps', 'download');
  const page = positive(query, 'page', 1, 1_000_000);
  const limit = positive(query, 'limit', 20, MAX_PAGE_LIMIT);
  const status = queryText(query, 'status');
  if (status !== undefined && status !== 'all' && !GROUP_STATUSES.includes(status as ReportGroupStatus)) {
    throw invalid('status must be open, resolved, muted or all');
  }
  const from = time(query, 'from');
  const to = time(query, 'to');
  const scope = await groupScope(db, actor);
  let base = db.selectFrom('report_groups').innerJoin('apps', 'apps.id', 'report_groups.app_id').where(scope);
  const app = queryText(query, 'app');
  // The name the reports carried, or the app's current name after a rename.
  if (app !== undefined)
    base = base.where((eb) => eb.or([eb('report_groups.app_name', '=', app), eb('apps.name', '=', app)]));
  const exact = [
    ['version', 'report_groups.version'],
    ['channel', 'report_groups.channel'],
    ['platform', 'report_groups.platform'],
    ['arch', 'report_groups.arch'],
    ['type', 'report_groups.event_type'],
    ['reason', 'report_groups.reason'],
  ] as const;
  for (const [name, column] of exact) {
    const value = queryText(query, name);
    if (value !== undefined) base = base.where(column, '=', value);
  }
  if (status !== undefined && status !== 'all')
    base = base.where('report_groups.status', '=', status as ReportGroupStatus);
  if (from) base = base.where('report_groups.last_seen', '>=', from);
  if (to) base = base.where('report_groups.last_seen', '<=', to);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('report_groups')
    .orderBy('report_groups.last_seen', 'desc')
    .orderBy('report_groups.id', 'desc')
    .limit(limit)
    .offset((page - 1) * limit)
    .execute();
  return { items: rows.map((row) => present(row)), total: Number(total), page, limit };
}

export interface ReportBlobItem {
  id: string;
  group: ReportGroupItem;
  driver: 'local' | 's3';
  storageKey: string;
  compressedSize: number;
  decompressedSize: number;
  createdAt: Date;
  expiresAt: Date;
  url: string;
}

/** FaynoSync's `GET /reports/groups/{hash}/blobs`: the newest 50 unexpired blobs, each with a 15-minute signed URL. */
export async function listGroupBlobs(
  deps: BlobDeps,
  actor: Actor,
  rawHash: unknown,
): Promise<ReportBlobItem[]> {
  requirePermission(actor, 'apps', 'download');
  const { db } = deps.database;
  const hash = parseGroupHash(rawHash);
  const scope = await groupScope(db, actor);
  const groups = await db
    .selectFrom('report_groups')
    .selectAll()
    .where(scope)
    .where('group_hash', '=', hash)
    .execute();
  if (groups.length === 0) return [];
  const byId = new Map(groups.map((g) => [g.id, present(g)]));
  const blobs = await db
    .selectFrom('report_blobs')
    .selectAll()
    .where('group_id', 'in', [...byId.keys()])
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const items: ReportBlobItem[] = [];
  for (const blob of blobs) {
    const group = byId.get(blob.group_id);
    if (!group) continue;
    items.push({
      id: blob.id,
      group,
      driver: deps.store.driver,
      storageKey: blob.storage_key,
      compressedSize: blob.compressed_size,
      decompressedSize: blob.decompressed_size,
      createdAt: new Date(blob.created_at),
      expiresAt: blob.expires_at,
      url: await deps.store.signedUrl(blob.storage_key, BLOB_URL_TTL_SECONDS),
    });
  }
  return items;
}
