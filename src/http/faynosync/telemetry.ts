import { Router } from 'express';
import type { AppContext } from '../../context.js';
import {
  type DayStats,
  type TelemetryReport,
  telemetryReport,
  type Usage,
} from '../../core/telemetry/report.js';
import { actorOf, authenticate } from '../shared/auth.js';
import { routeInput } from '../shared/validate.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/** `[{"platform": "linux", "client_count": 3}]`: the value under the dimension's own key. */
const usage = (key: string, items: Usage[]) =>
  items.map((item) => ({ [key]: item.value, client_count: item.clientCount }));

const dayStats = (day: Omit<DayStats, 'date'>) => ({
  total_requests: day.totalRequests,
  unique_clients: day.uniqueClients,
  clients_using_latest_version: day.clientsUsingLatestVersion,
  clients_outdated: day.clientsOutdated,
});

/** FaynoSync's telemetry document (its dashboard reads exactly these keys). */
function presentReport(report: TelemetryReport) {
  return {
    date: report.date,
    date_range: report.dateRange,
    admin: report.admin,
    summary: { ...dayStats(report.summary), total_active_apps: report.summary.totalActiveApps },
    versions: {
      used_versions_count: report.versions.length,
      known_versions: report.knownVersions,
      usage: usage('version', report.versions),
    },
    platforms: usage('platform', report.platforms),
    architectures: usage('arch', report.architectures),
    channels: usage('channel', report.channels),
    daily_stats: report.dailyStats.map((day) => ({ date: day.date, ...dayStats(day) })),
  };
}

export function telemetryRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/telemetry', authenticate(ctx), async (req, res) => {
    const report = await telemetryReport(ctx, actorOf(res), routeInput(R.telemetry, req).query);
    res.json(presentReport(report));
  });

  return router;
}
