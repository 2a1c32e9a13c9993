import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';

/** What one kind of count is made of and how a batch of it is written (core/counters.ts lists the kinds). */
export interface CountedRows<E, R extends { count: number }> {
  /** What the log lines call these counts. */
  what: string;
  row(event: E, at: Date): R;
  /** Rows of one key are added up into one (their `count`); undefined keeps the row apart (a log line). */
  key(row: R): string | undefined;
  /**
   * Writes a batch all or nothing, so that rows kept after a failure are never counted twice. Rows about something
   * deleted since they were counted are left out, not failed on: they could never be written.
   */
  write(db: Db, rows: R[]): Promise<void>;
}

/** The counter of one kind of count. */
export type CounterOf<T> = T extends CountedRows<infer E, infer R> ? BatchedCounter<E, R> : never;

/**
 * Counts in memory and writes in one transaction a second (`flushMs`): a request never waits on the database for a
 * count, and a busy route costs one write a second, not one per request. While the database is away the rows are
 * kept (up to `maxBuffered`; past that new rows are dropped and counted in `dropped`) and written once it is back,
 * oldest first, with one warning per outage rather than one per request.
 */
export class BatchedCounter<E, R extends { count: number }> {
  private buffer = new Map<string, R>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private failing = false;
  /** Names the rows that are kept apart. */
  private sequence = 0;
  dropped = 0;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly rows: CountedRows<E, R>,
    private readonly options: { flushMs: number; maxBuffered: number },
  ) {}

  /** Rows waiting for the next write. */
  get buffered(): number {
    return this.buffer.size;
  }

  count(event: E, at = new Date()): void {
    this.add(this.buffer, this.rows.row(event, at));
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

  private add(buffer: Map<string, R>, row: R): void {
    const key = this.rows.key(row) ?? `\u0000${this.sequence++}`;
    const known = buffer.get(key);
    if (known) known.count += row.count;
    else if (buffer.size >= this.options.maxBuffered) this.dropped += row.count;
    else buffer.set(key, row);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs);
  }

  private async write(rows: R[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.rows.write(this.db, rows);
    } catch (err) {
      // Kept ahead of what was counted meanwhile, so that the next write stays in the order of the requests.
      const kept = new Map<string, R>();
      for (const row of [...rows, ...this.buffer.values()]) this.add(kept, row);
      this.buffer = kept;
      this.schedule();
      if (!this.failing)
        this.logger.warn({ err, rows: rows.length }, `${this.rows.what} kept until the database is back`);
      this.failing = true;
      return;
    }
    if (this.failing) this.logger.info(`${this.rows.what} written again`);
    this.failing = false;
  }
}
