import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import type { ArtifactStore } from '../../storage/types.js';
import { newId } from '../ids.js';
import type { DecodedDetails } from './details.js';

/** What blob commands need; an AppContext is one. */
export interface BlobDeps {
  database: { db: Db };
  store: ArtifactStore;
  logger: Logger;
}

export interface BlobPolicy {
  retentionDays: number;
  maxPerGroup: number;
}

/** FaynoSync's presigned-URL lifetime for detail blobs. */
export const BLOB_URL_TTL_SECONDS = 15 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `reports/{tenant}/{app}/{yyyy}/{mm}/{dd}/{group}-{random}.json.gz` in private storage: reports may hold stack
 * traces, paths and logs, so they are only ever reachable through short-lived signed URLs.
 */
function blobKey(tenantId: string, appId: string, groupHash: string, now: Date): string {
  const [y, m, d] = now.toISOString().slice(0, 10).split('-');
  return `reports/${tenantId}/${appId}/${y}/${m}/${d}/${groupHash}-${randomBytes(8).toString('hex')}.json.gz`;
}

/** Removes objects one by one; returns the keys that are gone (a failure is logged and retried by the next prune). */
async function removeObjects(deps: BlobDeps, keys: string[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (const key of keys) {
    try {
      await deps.store.delete(key, 'private');
      gone.add(key);
    } catch (err) {
      deps.logger.warn({ err, key }, 'reports: could not delete a detail blob; the next prune retries');
    }
  }
  return gone;
}

/** Deletes blob rows and their objects; a row whose object could not be deleted stays, to be retried. */
async function removeBlobs(deps: BlobDeps, rows: { id: string; storage_key: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const gone = await removeObjects(
    deps,
    rows.map((r) => r.storage_key),
  );
  const ids = rows.filter((r) => gone.has(r.storage_key)).map((r) => r.id);
  if (ids.length === 0) return 0;
  await deps.database.db.deleteFrom('report_blobs').where('id', 'in', ids).execute();
  return ids.length;
}

export interface BlobOwner {
  tenantId: string;
  appId: string;
  groupId: string;
  groupHash: string;
}

/**
 * Stores the gzip bytes as sent, then keeps only the group's newest `maxPerGroup`. The row is written before the
 * object, and checked again after it, so an object never outlives its row: a group deleted meanwhile takes the
 * object with it. Returns false (logged) when storage failed; the report itself is counted regardless.
 */
export async function storeDetailsBlob(
  deps: BlobDeps,
  owner: BlobOwner,
  details: DecodedDetails,
  policy: BlobPolicy,
  now = new Date(),
): Promise<boolean> {
  const { db } = deps.database;
  const id = newId();
  const key = blobKey(owner.tenantId, owner.appId, owner.groupHash, now);
  try {
    await db
      .insertInto('report_blobs')
      .values({
        id,
        tenant_id: owner.tenantId,
        group_id: owner.groupId,
        storage_key: key,
        compressed_size: details.compressed.length,
        decompressed_size: details.decompressedSize,
        created_at: now,
        expires_at: new Date(now.getTime() + policy.retentionDays * DAY_MS),
      })
      .execute();
  } catch (err) {
    // The group was deleted since this report counted in it: nothing to attach the details to.
    if (isForeignKeyViolation(err)) return false;
    throw err;
  }
  try {
    await deps.store.put(key, Readable.from([details.compressed]), {
      visibility: 'private',
      contentType: 'application/gzip',
    });
  } catch (err) {
    deps.logger.error({ err, key }, 'reports: could not store a detail blob');
    await db.deleteFrom('report_blobs').where('id', '=', id).execute();
    await removeObjects(deps, [key]);
    return false;
  }
  const kept = await db.selectFrom('report_blobs').select('id').where('id', '=', id).executeTakeFirst();
  if (!kept) {
    await removeObjects(deps, [key]);
    return false;
  }
  const excess = await db
    .selectFrom('report_blobs')
    .select(['id', 'storage_key'])
    .where('group_id', '=', owner.groupId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(policy.maxPerGroup)
    .limit(1000)
    .execute();
  await removeBlobs(deps, excess);
  return true;
}

/** The storage keys of groups about to be deleted, to remove once their rows are gone. */
export async function blobKeysOfGroups(db: Db, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_blobs')
    .select('storage_key')
    .where('group_id', 'in', groupIds)
    .execute();
  return rows.map((r) => r.storage_key);
}

/** The storage keys of an app's blobs, collected before the app (and by cascade its groups) is deleted. */
export async function blobKeysOfApp(db: Db, tenantId: string, appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('report_blobs as b')
    .innerJoin('report_groups as g', 'g.id', 'b.group_id')
    .select('b.storage_key')
    .where('g.tenant_id', '=', tenantId)
    .where('g.app_id', '=', appId)
    .execute();
  return rows.map((r) => r.storage_key);
}

/** Removes objects whose rows are already gone; failures are logged (nothing refers to them any more). */
export async function removeBlobObjects(deps: BlobDeps, keys: string[]): Promise<void> {
  await removeObjects(deps, keys);
}

/** Deletes every blob past its retention, objects first; returns how many went. */
export async function pruneExpiredBlobs(deps: BlobDeps, now = new Date()): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await deps.database.db
      .selectFrom('report_blobs')
      .select(['id', 'storage_key'])
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(500)
      .execute();
    const count = await removeBlobs(deps, rows);
    removed += count;
    // A batch with objects that would not go is left for the next prune instead of looping on it.
    if (rows.length < 500 || count < rows.length) return removed;
  }
}
