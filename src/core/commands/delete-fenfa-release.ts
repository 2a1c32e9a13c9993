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
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const row =
      artifactId === undefined
        ? undefined
        : await trx
            .selectFrom('artifacts')
            .select('id')
            .where('tenant_id', '=', actor.tenantId)
            .where('id', '=', artifactId)
            .forUpdate()
            .executeTakeFirst();
    if (!row) throw notFound(`release ${releaseId} not found`);
    return deleteArtifactRows(trx, actor.tenantId, [row.id]);
  });
  await deps.changes.changed(actor.tenantId);
  await removeClaimed(deps, removed);
}
