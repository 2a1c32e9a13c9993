import { sql } from 'kysely';
import type { CountedRows } from './batched-counter.js';
import { existingAppIds } from './lookup.js';

export type PageEventKind = 'visit' | 'download';

export interface PageEvent {
  tenantId: string;
  appId: string;
  kind: PageEventKind;
  platform: string;
}

interface Row {
  tenant_id: string;
  app_id: string;
  day: string;
  kind: PageEventKind;
  platform: string;
  count: number;
}

/**
 * Visits of the public download pages and clicks on their download links, counted per app, UTC day, kind and
 * platform family (core/batched-counter.ts): a visit never waits on the database.
 */
export const PAGE_EVENTS: CountedRows<PageEvent, Row> = {
  what: 'download page counts',
  row: (event, at) => ({
    tenant_id: event.tenantId,
    app_id: event.appId,
    day: at.toISOString().slice(0, 10),
    kind: event.kind,
    platform: event.platform,
    count: 1,
  }),
  key: (row) => `${row.tenant_id}\u0000${row.app_id}\u0000${row.day}\u0000${row.kind}\u0000${row.platform}`,
  write: (db, rows) =>
    db.transaction().execute(async (trx) => {
      // An app deleted since its page was seen takes its counts with it.
      const live = await existingAppIds(
        trx,
        rows.map((row) => row.app_id),
      );
      const kept = rows.filter((row) => live.has(row.app_id));
      for (let i = 0; i < kept.length; i += 500) {
        await trx
          .insertInto('page_events')
          .values(kept.slice(i, i + 500))
          .onConflict((oc) =>
            oc
              .columns(['app_id', 'day', 'kind', 'platform'])
              .doUpdateSet({ count: sql`page_events.count + excluded.count` }),
          )
          .execute();
      }
    }),
};
