import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { visibleTo } from '../catalog/common.js';
import { forbidden, invalid } from '../errors.js';

/** The query of `GET /telemetry`, as the request gave it. */
export interface ReportQuery {
  date?: unknown;
  range?: unknown;
  apps?: unknown;
  channels?: unknown;
  platforms?: unknown;
  architectures?: unknown;
}

export interface DayStats {
  date: string;
  totalRequests: number;
  uniqueClients: number;
  clientsUsingLatestVersion: number;
  clientsOutdated: number;
}

export interface Usage {
  value: string;
  clientCount: number;
}

export interface TelemetryReport {
  /** The first day of the period. */
  date: string;
  dateRange: string[];
  /** The tenant admin's username: FaynoSync's `owner`. */
  admin: string;
  summary: Omit<DayStats, 'date'> & { totalActiveApps: number };
  knownVersions: string[];
  versions: Usage[];
  platforms: Usage[];
  architectures: Usage[];
  channels: Usage[];
  dailyStats: DayStats[];
}

export interface ReportDeps {
  database: { db: Db };
  config: { telemetry: boolean };
}

/** FaynoSync's periods: `week` is today and the 7 days before it, `month` today and the 30 before. */
const RANGE_DAYS: Record<string, number> = { week: 8, month: 31 };
const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function single(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be given once`);
  return value;
}

/** The days a report covers (UTC calendar days, oldest first); `range` wins over `date`, as in FaynoSync. */
function reportPeriod(query: Pick<ReportQuery, 'date' | 'range'>, now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const range = single(query.range, 'range');
  if (range !== undefined) {
    const days = RANGE_DAYS[range];
    if (days === undefined) throw invalid("Invalid range parameter. Use 'week' or 'month'");
    return Array.from({ length: days }, (_, i) => isoDay(today - (days - 1 - i) * DAY_MS));
  }
  const date = single(query.date, 'date');
  if (date === undefined) return [isoDay(today)];
  // A real calendar day: 2024-02-30 does not survive the round trip through Date.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(Date.parse(date)) ||
    isoDay(Date.parse(date)) !== date
  ) {
    throw invalid('Invalid date parameter. Use YYYY-MM-DD, e.g. 2024-03-20');
  }
  return [date];
}

/** A comma list (`a,b`), also repeated (`apps=a&apps=b`); empty items are dropped, as FaynoSync does. */
function nameList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((part) => typeof part === 'string'))
    throw invalid(`${name} must be a comma-separated list`);
  const names = [
    ...new Set(
      parts
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
  return names.length > 0 ? names : undefined;
}

interface Scope {
  actor: Actor;
  from: string;
  to: string;
  apps: string[] | undefined;
  channels: string[] | undefined;
  platforms: string[] | undefined;
  architectures: string[] | undefined;
}

/**
 * The tenant's rows a report reads: the apps the caller may see (a team user only its allowed ones; a name in
 * `apps` that is not one of them simply matches nothing), then the period and the dimension filters. A row holds
 * a device's last state of its day, so the filters select what the device was on that day.
 */
function scopedChecks(db: Db, scope: Scope, options: { period: boolean; dimensions: boolean }) {
  const { actor, apps, channels, platforms, architectures } = scope;
  const visibleApps = db
    .selectFrom('apps')
    .select('id')
    .where(visibleTo(actor, 'apps'))
    .$if(apps !== undefined, (qb) => qb.where('name', 'in', apps ?? []));
  return db
    .selectFrom('telemetry_checks')
    .select(['app_id', 'day', 'device_id', 'version', 'channel', 'platform', 'arch', 'is_latest', 'requests'])
    .where('tenant_id', '=', actor.tenantId)
    .where('app_id', 'in', visibleApps)
    .$if(options.period, (qb) => qb.where('day', '>=', scope.from).where('day', '<=', scope.to))
    .$if(options.dimensions && channels !== undefined, (qb) => qb.where('channel', 'in', channels ?? []))
    .$if(options.dimensions && platforms !== undefined, (qb) => qb.where('platform', 'in', platforms ?? []))
    .$if(options.dimensions && architectures !== undefined, (qb) =>
      qb.where('arch', 'in', architectures ?? []),
    );
}

/** int8 aggregates come back as strings from pg and as numbers or bigints from PGlite. */
type Count = string | number | bigint;

interface TotalsRow {
  total_requests: Count;
  unique_clients: Count;
  latest: Count;
  outdated: Count;
  active_apps: Count;
}

interface DayRow extends Omit<TotalsRow, 'active_apps'> {
  day: string;
}

interface UsageRow {
  dimension: 'version' | 'platform' | 'arch' | 'channel';
  value: string;
  clients: Count;
}

/**
 * FaynoSync's telemetry report, from SQL aggregates over the tenant's daily rows (one per app, day and device).
 * Definitions, for one app or many alike (FaynoSync overwrote or summed per-app figures when several apps were
 * asked for):
 * - unique clients: distinct device ids over the period, across all apps;
 * - latest / outdated: a device's state is its last check of the period in each app; it is up to date when that
 *   is up to date in every app it checked, outdated otherwise, so the two always add up to the unique clients.
 *   Daily figures apply the same rule to that day;
 * - versions, platforms, architectures, channels: distinct devices seen with each value in the period (a device
 *   that moved from 1.0 to 1.1 counts under both);
 * - total requests: the requests of the rows that pass every filter (FaynoSync ignored the dimension filters);
 * - known versions: every version the selected apps reported in the retained data, sorted as strings.
 */
export async function telemetryReport(
  deps: ReportDeps,
  actor: Actor,
  query: ReportQuery,
  now = new Date(),
): Promise<TelemetryReport> {
  if (!deps.config.telemetry) throw forbidden('Telemetry is not enabled on this instance');
  const dateRange = reportPeriod(query, now);
  const from = dateRange[0] ?? '';
  const scope: Scope = {
    actor,
    from,
    to: dateRange[dateRange.length - 1] ?? from,
    apps: nameList(query.apps, 'apps'),
    channels: nameList(query.channels, 'channels'),
    platforms: nameList(query.platforms, 'platforms'),
    architectures: nameList(query.architectures, 'architectures'),
  };
  const { db } = deps.database;
  const checks = scopedChecks(db, scope, { period: true, dimensions: true });

  const [totals, days, usage, known] = await Promise.all([
    sql<TotalsRow>`
      with f as ${checks},
      per_app_device as (
        select app_id, device_id, sum(requests) as requests, (array_agg(is_latest order by day desc))[1] as latest
        from f group by app_id, device_id
      ),
      per_device as (
        select device_id, sum(requests) as requests, bool_and(latest) as latest from per_app_device group by device_id
      )
      select coalesce(sum(requests), 0) as total_requests, count(*) as unique_clients,
        count(*) filter (where latest) as latest, count(*) filter (where not latest) as outdated,
        (select count(distinct app_id) from f) as active_apps
      from per_device`.execute(db),
    sql<DayRow>`
      with f as ${checks},
      per_day_device as (
        select day, device_id, sum(requests) as requests, bool_and(is_latest) as latest from f group by day, device_id
      )
      select day, sum(requests) as total_requests, count(*) as unique_clients,
        count(*) filter (where latest) as latest, count(*) filter (where not latest) as outdated
      from per_day_device group by day`.execute(db),
    sql<UsageRow>`
      with f as ${checks},
      usage as (
        select 'version' as dimension, version as value, count(distinct device_id) as clients
          from f where version <> '' group by version
        union all select 'platform', platform, count(distinct device_id) from f where platform <> '' group by platform
        union all select 'arch', arch, count(distinct device_id) from f where arch <> '' group by arch
        union all select 'channel', channel, count(distinct device_id) from f where channel <> '' group by channel
      )
      select dimension, value, clients from usage order by dimension, clients desc, value collate "C"`.execute(
      db,
    ),
    db
      .selectFrom(scopedChecks(db, scope, { period: false, dimensions: false }).as('c'))
      .select('version')
      .where('version', '<>', '')
      .groupBy('version')
      .orderBy(sql`version collate "C"`)
      .execute(),
  ]);

  const total = totals.rows[0];
  const byDay = new Map(days.rows.map((row) => [row.day, row]));
  const usageOf = (dimension: UsageRow['dimension']): Usage[] =>
    usage.rows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({ value: row.value, clientCount: Number(row.clients) }));

  return {
    date: from,
    dateRange,
    admin: actor.ownerUsername,
    summary: {
      totalRequests: Number(total?.total_requests ?? 0),
      uniqueClients: Number(total?.unique_clients ?? 0),
      clientsUsingLatestVersion: Number(total?.latest ?? 0),
      clientsOutdated: Number(total?.outdated ?? 0),
      totalActiveApps: Number(total?.active_apps ?? 0),
    },
    knownVersions: known.map((row) => row.version),
    versions: usageOf('version'),
    platforms: usageOf('platform'),
    architectures: usageOf('arch'),
    channels: usageOf('channel'),
    // Every day of the period, quiet ones with zeros, so that a chart of the period has no gaps.
    dailyStats: dateRange.map((date) => {
      const row = byDay.get(date);
      return {
        date,
        totalRequests: Number(row?.total_requests ?? 0),
        uniqueClients: Number(row?.unique_clients ?? 0),
        clientsUsingLatestVersion: Number(row?.latest ?? 0),
        clientsOutdated: Number(row?.outdated ?? 0),
      };
    }),
  };
}
