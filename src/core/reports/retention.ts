import { HourlyJob } from '../hourly-job.js';
import { type BlobDeps, pruneExpiredBlobs } from './blobs.js';
import { pruneRateWindows } from './rate-limits.js';

/** One pass: detail blobs past their retention (objects and rows) and ended rate-limit windows. */
export async function pruneReports(
  deps: BlobDeps,
  now = new Date(),
): Promise<{ blobs: number; windows: number }> {
  const blobs = await pruneExpiredBlobs(deps, now);
  const windows = await pruneRateWindows(deps.database.db, now);
  return { blobs, windows };
}

/** Prunes report details and rate windows once at start-up and then every hour. */
export class ReportsRetention extends HourlyJob {
  constructor(deps: BlobDeps) {
    super(deps.logger, 'report pruning failed', async () => {
      const removed = await pruneReports(deps);
      if (removed.blobs > 0) deps.logger.info({ removed: removed.blobs }, 'expired report details pruned');
    });
  }
}
