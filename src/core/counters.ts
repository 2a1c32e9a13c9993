import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import { BatchedCounter, type CounterOf } from './batched-counter.js';
import { FENFA_DOWNLOADS } from './fenfa/downloads.js';
import { PAGE_EVENTS } from './page-events.js';

const FLUSH_MS = 1000;
const MAX_BUFFERED = 10_000;

/** The instance's counters that public routes feed without waiting on the database (core/batched-counter.ts). */
export class Counters {
  /** Visits and download clicks of the public download pages. */
  readonly pageEvents: CounterOf<typeof PAGE_EVENTS>;
  /** Downloads of Fenfa releases (`/d/:releaseID`). */
  readonly fenfaDownloads: CounterOf<typeof FENFA_DOWNLOADS>;

  constructor(db: Db, logger: Logger) {
    const options = { flushMs: FLUSH_MS, maxBuffered: MAX_BUFFERED };
    this.pageEvents = new BatchedCounter(db, logger, PAGE_EVENTS, options);
    this.fenfaDownloads = new BatchedCounter(db, logger, FENFA_DOWNLOADS, options);
  }

  /** Writes every counter's rows (or keeps them for the next try, while the database is away). */
  async flush(): Promise<void> {
    await Promise.all([this.pageEvents.flush(), this.fenfaDownloads.flush()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.pageEvents.close(), this.fenfaDownloads.close()]);
  }
}
