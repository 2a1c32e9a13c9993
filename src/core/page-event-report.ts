import type { Db } from '../db/connect.js';
import type { Actor } from './auth/actor.js';
import { notFound } from './errors.js';
import { findApp } from './lookup.js';
import type { PageEventKind } from './page-events.js';
import { managerViewer } from './visibility.js';

/** What the console shows of `page_events`: an app's download-page visits and clicks, per day and platform. */
export interface PageEventCounts {
  visits: number;
  downloads: number;
}

export interface PageEventReport {
  app: string;
  /** The first and last UTC day counted, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  totals: PageEventCounts;
  /** Days with at least one event, oldest first. */
  days: (PageEventCounts & { day: string })[];
  /** Per visitor platform family ('' when it was not recognised), most visits first. */
  platforms: (PageEventCounts & { platform: string })[];
}

const DAY_MS = 86_400_000;

function tally(counts: PageEventCounts, kind: PageEventKind, count: number): void {
  if (kind === 'visit') counts.visits += count;
  else counts.downloads += count;
}

function countsOf(map: Map<string, PageEventCounts>, key: string): PageEventCounts {
  const counts = map.get(key) ?? { visits: 0, downloads: 0 };
  map.set(key, counts);
  return counts;
}

/**
 * The visits and download clicks of an app's public page over the last `days` UTC days (today included), for an
 * actor that may see the app; an app it may not see is as unknown as a missing one.
 */
export async function pageEventReport(
  db: Db,
  actor: Actor,
  appName: string,
  days: number,
): Promise<PageEventReport> {
  const app = await findApp(db, await managerViewer(db, actor), appName);
  if (!app) throw notFound(`no app named ${appName} in your account`);
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('page_events')
    .select(['day', 'kind', 'platform', 'count'])
    .where('tenant_id', '=', actor.tenantId)
    .where('app_id', '=', app.id)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
  const byDay = new Map<string, PageEventCounts>();
  const byPlatform = new Map<string, PageEventCounts>();
  const totals = { visits: 0, downloads: 0 };
  for (const row of rows) {
    tally(countsOf(byDay, row.day), row.kind, row.count);
    tally(countsOf(byPlatform, row.platform), row.kind, row.count);
    tally(totals, row.kind, row.count);
  }
  return {
    app: app.name,
    from,
    to,
    totals,
    days: [...byDay].map(([day, counts]) => ({ day, ...counts })),
    platforms: [...byPlatform]
      .map(([platform, counts]) => ({ platform, ...counts }))
      .sort(
        (a, b) => b.visits - a.visits || b.downloads - a.downloads || a.platform.localeCompare(b.platform),
      ),
  };
}
