import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

export type PageEventKind = 'visit' | 'download';

/** Counts one visit of an app's public page, or one click on one of its download links, for today (UTC). */
export async function countPageEvent(
  db: Db,
  event: { tenantId: string; appId: string; kind: PageEventKind; platform: string },
): Promise<void> {
  await db
    .insertInto('page_events')
    .values({
      tenant_id: event.tenantId,
      app_id: event.appId,
      day: new Date().toISOString().slice(0, 10),
      kind: event.kind,
      platform: event.platform,
      count: 1,
    })
    .onConflict((oc) =>
      oc.columns(['app_id', 'day', 'kind', 'platform']).doUpdateSet({ count: sql`page_events.count + 1` }),
    )
    .execute();
}
