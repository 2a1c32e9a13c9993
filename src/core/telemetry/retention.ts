import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import { HourlyJob } from '../hourly-job.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the daily rows older than `retentionDays` full days before today (UTC): with 30, today and the 30 days
 * before it stay, which is exactly what `range=month` reads. Returns how many rows went.
 */
export async function pruneTelemetry(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString().slice(0, 10);
  const result = await db.deleteFrom('telemetry_checks').where('day', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Prunes telemetry once at start-up and then every hour. */
export class TelemetryRetention extends HourlyJob {
  constructor(db: Db, logger: Logger, retentionDays: number) {
    super(logger, 'telemetry pruning failed', async () => {
      const removed = await pruneTelemetry(db, retentionDays);
      if (removed > 0) logger.info({ removed }, 'old telemetry pruned');
    });
  }
}
