import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
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
 * Counts visits of the public download pages and clicks on their download links (per app, UTC day, kind and
 * platform family) in memory, and adds them to `page_events` in one statement a second: a visit never waits on
 * the database, and a busy page costs one write a second, not one per visitor. While the database is away the
 * counts are kept (up to `maxBuffered` rows; past that new rows are dropped and counted in `dropped`) and written
 * once it is back, with one warning per outage rather than one per visit.
 */
export class PageEventCounter {
  private buffer = new Map<string, Row>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private failing = false;
  dropped = 0;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: { flushMs: number; maxBuffered: number },
  ) {}

  count(event: PageEvent, at = new Date()): void {
    this.add({
      tenant_id: event.tenantId,
      app_id: event.appId,
      day: at.toISOString().slice(0, 10),
      kind: event.kind,
      platform: event.platform,
      count: 1,
    });
    this.schedule();
  }

  /** Writes what is counted; resolves when it (and any flush before it) is written or kept for the next try. */
  flush(): Promise<void> {
    const rows = [...this.buffer.values()];
    this.buffer = new Map();
    this.flushing = this.flushing.then(() => this.write(rows));
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private add(row: Row): void {
    const key = `${row.tenant_id}\u0000${row.app_id}\u0000${row.day}\u0000${row.kind}\u0000${row.platform}`;
    const known = this.buffer.get(key);
    if (known) known.count += row.count;
    else if (this.buffer.size >= this.options.maxBuffered) this.dropped += row.count;
    else this.buffer.set(key, row);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs);
  }

  private async write(rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.upsert(rows);
    } catch (err) {
      // An app deleted since its page was seen takes its counts with it; any other failure keeps them for later.
      const kept = await this.withoutDeletedApps(rows).catch(() => rows);
      if (kept.length < rows.length) {
        await this.write(kept);
        return;
      }
      for (const row of rows) this.add(row);
      this.schedule();
      if (!this.failing)
        this.logger.warn({ err, rows: rows.length }, 'download page counts kept until the database is back');
      this.failing = true;
      return;
    }
    if (this.failing) this.logger.info('download page counts written again');
    this.failing = false;
  }

  private async withoutDeletedApps(rows: Row[]): Promise<Row[]> {
    const live = await existingAppIds(
      this.db,
      rows.map((row) => row.app_id),
    );
    return rows.filter((row) => live.has(row.app_id));
  }

  /** All or nothing, so that rows kept after a failure are never counted twice. */
  private async upsert(rows: Row[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('page_events')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) =>
            oc
              .columns(['app_id', 'day', 'kind', 'platform'])
              .doUpdateSet({ count: sql`page_events.count + excluded.count` }),
          )
          .execute();
      }
    });
  }
}
