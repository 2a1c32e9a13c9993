import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { requirePermission } from '../permissions.js';
import { type BlobDeps, blobKeysOfGroups, removeBlobObjects } from '../reports/blobs.js';
import { groupScope, parseGroupHash } from '../reports/groups.js';

/**
 * FaynoSync's `DELETE /reports/groups/{hash}`: the group, its blob rows (one statement, by cascade) and their
 * objects. No generation to bump: crash reports, their groups and keys are in no cached answer.
 */
export async function deleteGroup(deps: BlobDeps, actor: Actor, rawHash: unknown): Promise<string> {
  requirePermission(actor, 'apps', 'delete');
  const { db } = deps.database;
  const hash = parseGroupHash(rawHash);
  const scope = await groupScope(db, actor);
  const groups = await db
    .selectFrom('report_groups')
    .select('id')
    .where(scope)
    .where('group_hash', '=', hash)
    .execute();
  if (groups.length === 0) throw notFound('report group not found');
  const ids = groups.map((g) => g.id);
  // Objects first: a failure then leaves rows pointing at nothing, never an object nothing points at.
  await removeBlobObjects(deps, await blobKeysOfGroups(db, ids));
  await db.deleteFrom('report_groups').where('id', 'in', ids).execute();
  return hash;
}
