import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { unprefix } from '../fenfa/ids.js';
import { requirePermission } from '../permissions.js';
import { deleteArtifactRows, removeClaimed } from '../releases/removal.js';
import type { ReleaseDeps } from '../releases/upload.js';

/**
 * Fenfa's release delete: the file (an artifact, whichever face uploaded it), its version when no other file is
 * left, then the stored object. Every face stops offering it: bumps.
 */
export async function deleteFenfaRelease(deps: ReleaseDeps, actor: Actor, releaseId: string): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const artifactId = unprefix('release', releaseId);
  const deleted =
    artifactId === undefined ? 0 : await deleteFenfaReleases(deps, actor.tenantId, [artifactId]);
  if (deleted === 0) throw notFound(`release ${releaseId} not found`);
}

/**
 * The delete itself, for the tenant rather than a caller (retention deletes for the policy's owner): those of the
 * artifacts that still exist, in one transaction, then their objects. Returns how many were deleted.
 */
export async function deleteFenfaReleases(
  deps: ReleaseDeps,
  tenantId: string,
  artifactIds: readonly string[],
): Promise<number> {
  if (artifactIds.length === 0) return 0;
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('artifacts')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', [...artifactIds])
      .forUpdate()
      .execute();
    return {
      count: rows.length,
      objects: await deleteArtifactRows(
        trx,
        tenantId,
        rows.map((row) => row.id),
      ),
    };
  });
  if (removed.count === 0) return 0;
  await deps.changes.changed(tenantId);
  await removeClaimed(deps, removed.objects);
  return removed.count;
}
