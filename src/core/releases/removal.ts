import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Visibility } from '../../storage/types.js';
import { conflict } from '../errors.js';
import { type ReleaseDeps, removeObject } from './upload.js';

interface StoredObject {
  storage_key: string;
  visibility: Visibility;
}

/**
 * Claims the objects of rows about to be deleted, in the transaction that deletes them: if the process dies before
 * the objects are gone, the start-up sweep finds the claims and finishes. A claim held by an upload in flight means
 * that upload is writing the same key: this delete waits for the next attempt instead of racing it.
 */
export async function claimForRemoval(trx: Db, objects: StoredObject[]): Promise<void> {
  if (objects.length === 0) return;
  try {
    await trx
      .insertInto('pending_objects')
      .values(objects.map((o) => ({ storage_key: o.storage_key, visibility: o.visibility })))
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('a file of this version is being uploaded right now: try the delete again in a moment');
    }
    throw err;
  }
}

/** After the commit: each object, then its claim. A storage failure keeps the claim, for the next start-up. */
export async function removeClaimed(
  deps: Pick<ReleaseDeps, 'database' | 'store' | 'logger'>,
  objects: StoredObject[],
): Promise<void> {
  const { db } = deps.database;
  for (const object of objects) {
    if (!(await removeObject(deps, object.storage_key, object.visibility))) continue;
    await db
      .deleteFrom('pending_objects')
      .where('storage_key', '=', object.storage_key)
      .where('visibility', '=', object.visibility)
      .execute();
  }
}

/**
 * Deletes artifact rows in the caller's transaction, claiming their objects, and the versions they leave without a
 * file (a Fenfa release is a version and its file: an empty version would still be offered to updaters). Returns
 * the claimed objects for removeClaimed() after the commit.
 */
export async function deleteArtifactRows(
  trx: Db,
  tenantId: string,
  artifactIds: readonly string[],
): Promise<StoredObject[]> {
  if (artifactIds.length === 0) return [];
  const rows = await trx
    .deleteFrom('artifacts')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...artifactIds])
    .returning(['storage_key', 'visibility', 'version_id'])
    .execute();
  const objects = rows.map((r) => ({ storage_key: r.storage_key, visibility: r.visibility }));
  await claimForRemoval(trx, objects);
  const versionIds = [...new Set(rows.map((r) => r.version_id))];
  if (versionIds.length > 0) {
    await trx
      .deleteFrom('versions as v')
      .where('v.tenant_id', '=', tenantId)
      .where('v.id', 'in', versionIds)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('artifacts as a').select('a.id').whereRef('a.version_id', '=', 'v.id')),
        ),
      )
      .execute();
  }
  return objects;
}
