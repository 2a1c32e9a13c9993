import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import { BatchWriter } from './batch-writer.js';

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
export class BatchedCounter<E, R extends { count: number }> extends BatchWriter<R> {
  private failing = false;
  /** Names the rows that are kept apart. */
  private sequence = 0;
  dropped = 0;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly rows: CountedRows<E, R>,
    private readonly options: { flushMs: number; maxBuffered: number },
  ) {
    super(options.flushMs);
  }

  count(event: E, at = new Date()): void {
    this.add(this.buffer, this.rows.row(event, at));
    this.schedule();
  }

  private add(buffer: Map<string, R>, row: R): void {
    const key = this.rows.key(row) ?? `\u0000${this.sequence++}`;
    const known = buffer.get(key);
    if (known) known.count += row.count;
    else if (buffer.size >= this.options.maxBuffered) this.dropped += row.count;
    else buffer.set(key, row);
  }

  /** Keeps the rows of a failed write for the next one, ahead of what was counted meanwhile. */
  protected async write(rows: R[]): Promise<void> {
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
