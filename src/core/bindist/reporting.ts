import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { invalid } from '../errors.js';
import type { BindistApp } from './catalog.js';
import type { BindistCaller } from './customer-keys.js';
import { type Pagination, paginationOf } from './paging.js';

/**
 * Reporting of the /v1 face: download statistics of an application, the upload/download activity list and the
 * audit log. Rows come from `bindist_activity` (see activity.ts) and `bindist_audit_events` (audit.ts).
 */

/** The name the activity list shows for the admin key's own actions. */
const ADMIN_NAME = 'Administrator';

export interface AppStats {
  applicationId: string;
  version?: string;
  totalDownloads: number;
  uniqueCustomers: number;
  downloadsByVersion: Record<string, number>;
  /** The server's form. */
  downloadsByDate: Record<string, number>;
  /** The docs' form, newest day first. */
  downloadsByDay: { date: string; count: number }[];
  recentDownloads: { downloadedAt: Date; version: string; customerId: string }[];
}

/**
 * `GET /applications/{id}/stats[?version=]`. The admin sees every download; a customer (which the Python and Go
 * SDKs let call it) sees only its own.
 */
export async function appStats(
  db: Db,
  caller: BindistCaller,
  app: BindistApp,
  version: string | undefined,
): Promise<AppStats> {
  let base = db
    .selectFrom('bindist_activity')
    .where('tenant_id', '=', caller.tenantId)
    .where('app_id', '=', app.id)
    .where('type', '=', 'download');
  if (version) base = base.where('version', '=', version);
  if (caller.kind === 'customer') base = base.where('customer_id', '=', caller.customerId);
  const totals = await base
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('customer_id').distinct().as('customers'),
    ])
    .executeTakeFirstOrThrow();
  const byVersion = await base
    .select(['version', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('version')
    .execute();
  const day = sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`;
  const byDay = await base
    .select([day.as('day'), (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(day)
    .orderBy(day, 'desc')
    .execute();
  const recent = await base
    .select(['created_at', 'version', 'customer_id'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
  return {
    applicationId: app.applicationId,
    ...(version ? { version } : {}),
    totalDownloads: Number(totals.total),
    uniqueCustomers: Number(totals.customers),
    downloadsByVersion: Object.fromEntries(byVersion.map((r) => [r.version, Number(r.n)])),
    downloadsByDate: Object.fromEntries(byDay.map((r) => [r.day, Number(r.n)])),
    downloadsByDay: byDay.map((r) => ({ date: r.day, count: Number(r.n) })),
    recentDownloads: recent.map((r) => ({
      downloadedAt: r.created_at,
      version: r.version,
      customerId: r.customer_id,
    })),
  };
}

/** A position in a newest-first list: the last row's time and id, opaque to clients. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(value: string | undefined, field: string): { at: Date; id: string } | undefined {
  if (value === undefined) return undefined;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const [iso, id] = text.split('|');
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime()) || !id || !/^[0-9a-f]{24}$/.test(id))
    throw invalid(
      `Validation failed: "${field}" is not a cursor this server issued; pass back "nextCursor" as given`,
    );
  return { at, id };
}

export const ACTIVITY_TYPES = ['all', 'upload', 'uploads', 'download', 'downloads'] as const;

/** `GET /activity`'s filters and page (see listActivity). */
export interface ActivityQuery {
  type?: (typeof ACTIVITY_TYPES)[number] | undefined;
  applicationId?: string | undefined;
  customerId?: string | undefined;
  startDate?: Date | undefined;
  endDate?: Date | undefined;
  cursor?: string | undefined;
  /** A page number asks for page mode (with a total); without one, pages go by cursor. */
  page?: number | undefined;
  limit: number;
}

/** `GET /audit`'s filters and page (see listAudit). */
export interface AuditQuery {
  eventType?: string | undefined;
  startDate?: Date | undefined;
  endDate?: Date | undefined;
  limit: number;
  lastEventId?: string | undefined;
}

export interface ActivityItem {
  type: 'upload' | 'download';
  id: string;
  applicationId: string;
  applicationName: string;
  version: string;
  fileId: string | null;
  fileName: string | null;
  fileSize: number | null;
  customerId: string;
  customerName: string | null;
  clientIp: string | null;
  userAgent: string | null;
  timestamp: Date;
  uploadMethod?: string;
  ipChanged?: boolean | null;
  previousIp?: string | null;
  downloadSource?: string;
  shareToken?: string | null;
}

export interface ActivityPage {
  activities: ActivityItem[];
  count: number;
  filters: Record<string, unknown>;
  pagination: { hasMore: boolean; nextCursor: string | null };
  /** Set in page mode (`page` given without `cursor`): the envelope's meta.pagination. */
  page?: Pagination;
}

/**
 * `GET /activity` (admin): newest first, filtered by `type` (singular or plural, or `all`), `applicationId`,
 * `customerId`, `startDate`, `endDate`; paged by `cursor` (from `nextCursor`) or by `page` with `limit`/`pageSize`.
 */
export async function listActivity(db: Db, tenantId: string, query: ActivityQuery): Promise<ActivityPage> {
  const typeWord = query.type ?? 'all';
  const type = typeWord.startsWith('upload')
    ? 'upload'
    : typeWord.startsWith('download')
      ? 'download'
      : undefined;
  const { applicationId, customerId, startDate, endDate, limit } = query;
  const page = query.page ?? 1;
  const cursor = decodeCursor(query.cursor, 'cursor');

  let base = db
    .selectFrom('bindist_activity as e')
    .innerJoin('apps as a', 'a.id', 'e.app_id')
    .leftJoin('bindist_customers as c', 'c.id', 'e.customer_id')
    .where('e.tenant_id', '=', tenantId);
  if (type) base = base.where('e.type', '=', type);
  if (applicationId) base = base.where('a.name', '=', applicationId);
  if (customerId) base = base.where('e.customer_id', '=', customerId);
  if (startDate) base = base.where('e.created_at', '>=', startDate);
  if (endDate) base = base.where('e.created_at', '<=', endDate);
  const pageMode = cursor === undefined && query.page !== undefined;
  const total = pageMode
    ? Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
    : undefined;
  let rows = base.select([
    'e.id',
    'e.type',
    'e.version',
    'e.file_id',
    'e.file_name',
    'e.file_size',
    'e.customer_id',
    'e.method',
    'e.share_token_prefix',
    'e.client_ip',
    'e.user_agent',
    'e.ip_changed',
    'e.previous_ip',
    'e.created_at',
    'a.name as app_name',
    'a.display_name',
    'c.name as customer_name',
  ]);
  if (cursor) {
    rows = rows.where((eb) =>
      eb.or([
        eb('e.created_at', '<', cursor.at),
        eb.and([eb('e.created_at', '=', cursor.at), eb('e.id', '<', cursor.id)]),
      ]),
    );
  }
  const found = await rows
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
    .offset(cursor ? 0 : (page - 1) * limit)
    .execute();
  const hasMore = found.length > limit;
  const items = found.slice(0, limit);
  const activities = items.map((r): ActivityItem => {
    const item: ActivityItem = {
      type: r.type,
      id: r.id,
      applicationId: r.app_name,
      applicationName: r.display_name ?? r.app_name,
      version: r.version,
      fileId: r.file_id,
      fileName: r.file_name,
      fileSize: r.file_size === null ? null : Number(r.file_size),
      customerId: r.customer_id,
      customerName: r.customer_id === 'admin' ? ADMIN_NAME : r.customer_name,
      clientIp: r.client_ip,
      userAgent: r.user_agent,
      timestamp: r.created_at,
    };
    if (r.type === 'upload')
      Object.assign(item, { uploadMethod: r.method, ipChanged: r.ip_changed, previousIp: r.previous_ip });
    else Object.assign(item, { downloadSource: r.method, shareToken: r.share_token_prefix });
    return item;
  });
  const last = items.at(-1);
  return {
    activities,
    count: activities.length,
    filters: { type: type ?? 'all', applicationId, customerId, startDate, endDate },
    pagination: { hasMore, nextCursor: hasMore && last ? encodeCursor(last.created_at, last.id) : null },
    ...(total !== undefined ? { page: paginationOf({ page, limit }, total) } : {}),
  };
}

export interface AuditPage {
  events: {
    eventId: string;
    eventType: string;
    timestamp: Date;
    actor: string;
    outcome: string;
    clientIp: string | null;
    userAgent: string | null;
    details: Record<string, unknown>;
  }[];
  pagination: { hasMore: boolean; lastEventId: string | null };
}

/**
 * `GET /audit` (admin; BinDist's financial admin, which an Updraft tenant admin is): newest first, filtered by
 * `eventType`, `startDate`, `endDate`; `limit` (50, at most 100); the next page starts after `lastEventId`.
 */
export async function listAudit(db: Db, tenantId: string, query: AuditQuery): Promise<AuditPage> {
  const { eventType, startDate, endDate, limit, lastEventId: after } = query;
  let base = db.selectFrom('bindist_audit_events').selectAll().where('tenant_id', '=', tenantId);
  if (eventType) base = base.where('event_type', '=', eventType.toUpperCase());
  if (startDate) base = base.where('created_at', '>=', startDate);
  if (endDate) base = base.where('created_at', '<=', endDate);
  if (after) {
    const anchor = await db
      .selectFrom('bindist_audit_events')
      .select(['created_at', 'id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', after)
      .executeTakeFirst();
    if (!anchor)
      throw invalid('Validation failed: "lastEventId" is not an event of this log; pass back the one given');
    base = base.where((eb) =>
      eb.or([
        eb('created_at', '<', anchor.created_at),
        eb.and([eb('created_at', '=', anchor.created_at), eb('id', '<', anchor.id)]),
      ]),
    );
  }
  const rows = await base
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const hasMore = rows.length > limit;
  const events = rows.slice(0, limit).map((r) => ({
    eventId: r.id,
    eventType: r.event_type,
    timestamp: r.created_at,
    actor: r.actor,
    outcome: r.outcome,
    clientIp: r.client_ip,
    userAgent: r.user_agent,
    details: r.details,
  }));
  return { events, pagination: { hasMore, lastEventId: hasMore ? (events.at(-1)?.eventId ?? null) : null } };
}
