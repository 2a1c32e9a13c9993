import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Deletes the daily rows older than `retentionDays` full days before today (UTC): with 30, today and the 30 days
 * before it stay, which is exactly what `range=month` reads. Returns how many rows went.
 */
export async function pruneTelemetry(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString().slice(0, 10);
  const result = await db.deleteFrom('telemetry_checks').where('day', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Prunes once at start-up and then every hour. The timer never keeps the process alive, and stop() waits for a
 * prune in progress so that the database can be closed right after it.
 */
export class TelemetryRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly retentionDays: number,
  ) {}

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

  /** One prune after the previous one; a failure is logged and the next hour tries again. */
  private run(): void {
    this.running = this.running.then(async () => {
      try {
        const removed = await pruneTelemetry(this.db, this.retentionDays);
        if (removed > 0) this.logger.info({ removed }, 'old telemetry pruned');
      } catch (err) {
        this.logger.warn({ err }, 'telemetry pruning failed');
      }
    });
  }
}
