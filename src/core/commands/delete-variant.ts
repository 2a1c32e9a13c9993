import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { releasesOf } from '../fenfa/products.js';
import { requirePermission } from '../permissions.js';
import { deleteArtifactRows, removeClaimed } from '../releases/removal.js';
import type { ReleaseDeps } from '../releases/upload.js';
import { managerViewer } from '../visibility.js';

/**
 * Deletes a variant with every release it owns (whichever face uploaded it) and their stored files, on either
 * storage driver. Releases change what clients see: bumps.
 */
export async function deleteVariant(deps: ReleaseDeps, actor: Actor, variantId: string): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const variant = await trx
      .selectFrom('fenfa_variants')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', variantId)
      .forUpdate()
      .executeTakeFirst();
    if (!variant) throw notFound(`variant ${variantId} not found`);
    const releases = (
      await releasesOf(trx, await managerViewer(trx, actor), [variantId], { allFiles: true })
    ).get(variantId);
    const objects = await deleteArtifactRows(
      trx,
      actor.tenantId,
      (releases ?? []).map((r) => r.artifactId),
    );
    await trx.deleteFrom('fenfa_variants').where('id', '=', variantId).execute();
    return objects;
  });
  await deps.changes.changed(actor.tenantId);
  await removeClaimed(deps, removed);
}
