import { type BlobDeps, pruneExpiredBlobs } from './blobs.js';
import { pruneRateWindows } from './rate-limits.js';

const HOUR_MS = 60 * 60 * 1000;

/** One pass: detail blobs past their retention (objects and rows) and ended rate-limit windows. */
export async function pruneReports(
  deps: BlobDeps,
  now = new Date(),
): Promise<{ blobs: number; windows: number }> {
  const blobs = await pruneExpiredBlobs(deps, now);
  const windows = await pruneRateWindows(deps.database.db, now);
  return { blobs, windows };
}

/**
 * Prunes once at start-up and then every hour, as the telemetry retention does. The timer never keeps the process
 * alive, and stop() waits for a prune in progress so that the database can be closed right after it.
 */
export class ReportsRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: BlobDeps) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.run(), HOUR_MS);
    this.timer.unref();
    this.run();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private run(): void {
    this.running = this.running.then(async () => {
      try {
        const removed = await pruneReports(this.deps);
        if (removed.blobs > 0)
          this.deps.logger.info({ removed: removed.blobs }, 'expired report details pruned');
      } catch (err) {
        this.deps.logger.warn({ err }, 'report pruning failed');
      }
    });
  }
}
