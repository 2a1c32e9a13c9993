import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { BatchWriter } from '../batch-writer.js';
import { existingAppIds } from '../lookup.js';

/** One update check by a device that sent X-Device-ID. */
export interface CheckRecord {
  tenantId: string;
  appId: string;
  deviceId: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  /** False when the check offered an update (the device is outdated). */
  isLatest: boolean;
  at: Date;
}

interface Row {
  tenant_id: string;
  app_id: string;
  day: string;
  device_id: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  is_latest: boolean;
  requests: number;
}

export const MAX_DEVICE_ID_LENGTH = 128;

const DAY_MS = 86_400_000;

/**
 * Collects checks in memory and writes them in batches, so recording never waits on the database in the
 * request path. Checks of one device, app and day within a batch fold into one row (its last state and
 * the number of requests). A full buffer drops further checks rather than growing without bound.
 */
export class TelemetryRecorder extends BatchWriter<Row> {
  /**
   * The UTC day of the last check recorded, and where that day ends (ms): checks come in time order, so
   * nearly every one falls on the same day and is spared formatting a date (`toISOString`) per check.
   */
  private day = '';
  private dayStart = 0;
  private dayEnd = 0;
  dropped = 0;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: { enabled: boolean; flushMs: number; maxBuffered: number },
  ) {
    super(options.flushMs);
  }

  get enabled(): boolean {
    return this.options.enabled;
  }

  record(check: CheckRecord): void {
    if (!this.options.enabled || check.deviceId.length === 0 || check.deviceId.length > MAX_DEVICE_ID_LENGTH)
      return;
    const day = this.dayOf(check.at);
    const key = `${check.tenantId}\u0000${check.appId}\u0000${day}\u0000${check.deviceId}`;
    const previous = this.buffer.get(key);
    if (previous) {
      // The same row's last state, updated in place: a device checking again allocates nothing. The row is
      // only ever in this buffer; a flush hands the rows over and starts a new buffer.
      previous.version = check.version;
      previous.channel = check.channel;
      previous.platform = check.platform;
      previous.arch = check.arch;
      previous.is_latest = check.isLatest;
      previous.requests += 1;
    } else if (this.buffer.size >= this.options.maxBuffered) {
      this.dropped += 1;
      return;
    } else {
      this.buffer.set(key, {
        tenant_id: check.tenantId,
        app_id: check.appId,
        day,
        device_id: check.deviceId,
        version: check.version,
        channel: check.channel,
        platform: check.platform,
        arch: check.arch,
        is_latest: check.isLatest,
        requests: 1,
      });
    }
    this.schedule();
  }

  /** `YYYY-MM-DD` of `at` in UTC, formatted once per day rather than per check. */
  private dayOf(at: Date): string {
    const ms = at.getTime();
    // Written so that an invalid date (NaN) still reaches toISOString, and throws there as it always did.
    if (!(ms >= this.dayStart && ms < this.dayEnd)) {
      this.day = at.toISOString().slice(0, 10);
      this.dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
      this.dayEnd = this.dayStart + DAY_MS;
    }
    return this.day;
  }

  /** Writes in chunks of 500; a chunk that fails is dropped (telemetry is never worth an error), not kept. */
  protected async write(rows: Row[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      try {
        await this.upsert(chunk);
      } catch (err) {
        // Telemetry is never worth an error; only an app deleted since its checks were made is worth a retry.
        if (isForeignKeyViolation(err)) await this.retryWithoutDeletedApps(chunk);
        else this.logger.warn({ err, rows: chunk.length }, 'telemetry batch not written');
      }
    }
  }

  /** One deleted app must not cost the checks of every other app in its batch. */
  private async retryWithoutDeletedApps(chunk: Row[]): Promise<void> {
    try {
      const kept = await existingAppIds(
        this.db,
        chunk.map((row) => row.app_id),
      );
      const rows = chunk.filter((row) => kept.has(row.app_id));
      if (rows.length > 0) await this.upsert(rows);
    } catch (err) {
      this.logger.warn({ err, rows: chunk.length }, 'telemetry batch not written');
    }
  }

  private async upsert(rows: Row[]): Promise<void> {
    await this.db
      .insertInto('telemetry_checks')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'app_id', 'day', 'device_id']).doUpdateSet({
          version: (eb) => eb.ref('excluded.version'),
          channel: (eb) => eb.ref('excluded.channel'),
          platform: (eb) => eb.ref('excluded.platform'),
          arch: (eb) => eb.ref('excluded.arch'),
          is_latest: (eb) => eb.ref('excluded.is_latest'),
          requests: sql`telemetry_checks.requests + excluded.requests`,
        }),
      )
      .execute();
  }
}
