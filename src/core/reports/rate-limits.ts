import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { DomainError } from '../errors.js';

/** FaynoSync's fixed limits beside the configurable per-key one. */
export const GROUP_PER_MINUTE = 30;
export const DEVICE_GROUP_PER_HOUR = 1;

export interface IngestLimitKeys {
  keyId: string;
  appId: string;
  groupHash: string;
  deviceId: string;
}

interface Limit {
  bucket: string;
  limit: number;
  windowSeconds: number;
  what: string;
}

/**
 * Counts one hit in a fixed window of PostgreSQL (no Redis): one upsert, so concurrent instances share the count.
 * Returns the seconds until the window ends when the hit is over the limit.
 */
async function hit(db: Db, limit: Limit, now: Date): Promise<number | undefined> {
  const windowMs = limit.windowSeconds * 1000;
  const windowEnd = new Date((Math.floor(now.getTime() / windowMs) + 1) * windowMs);
  const row = await db
    .insertInto('report_rate_windows')
    .values({ bucket: limit.bucket, window_end: windowEnd })
    .onConflict((oc) =>
      oc.columns(['bucket', 'window_end']).doUpdateSet({ hits: sql`report_rate_windows.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits <= limit.limit) return undefined;
  return Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000));
}

/**
 * FaynoSync's three limits, checked in its order and stopping at the first one exceeded (so a refused report does
 * not use up the later windows): per key per minute, per device and group per hour, per group per minute. Groups
 * are counted per app, so two tenants never share a window. The device id is kept only as a hash.
 */
export async function checkIngestLimits(
  db: Db,
  keys: IngestLimitKeys,
  perKeyPerMinute: number,
  now = new Date(),
): Promise<void> {
  const device = createHash('sha256').update(keys.deviceId).digest('hex').slice(0, 32);
  const limits: Limit[] = [
    { bucket: `key:${keys.keyId}`, limit: perKeyPerMinute, windowSeconds: 60, what: 'this report key' },
    {
      bucket: `device:${keys.appId}:${keys.groupHash}:${device}`,
      limit: DEVICE_GROUP_PER_HOUR,
      windowSeconds: 3600,
      what: 'this device and report group',
    },
    {
      bucket: `group:${keys.appId}:${keys.groupHash}`,
      limit: GROUP_PER_MINUTE,
      windowSeconds: 60,
      what: 'this report group',
    },
  ];
  for (const limit of limits) {
    const wait = await hit(db, limit, now);
    if (wait !== undefined) {
      throw new DomainError(
        'rate_limited',
        `rate limit exceeded for ${limit.what}: retry in ${wait} seconds`,
        {
          retryAfterSeconds: wait,
        },
      );
    }
  }
}

/** Drops windows that have ended; returns how many went. */
export async function pruneRateWindows(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('report_rate_windows').where('window_end', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
