import type { Actor } from '../auth/actor.js';
import { parseId } from '../catalog/common.js';
import { notFound } from '../errors.js';
import { requireAllowed, requireAllowedPlacement, requirePermission } from '../permissions.js';
import { claimForRemoval, removeClaimed } from '../releases/removal.js';
import type { ReleaseDeps } from '../releases/upload.js';

/**
 * Deletes a version, its artifact rows and then their files. Team users may, given apps.delete, the app, the version's
 * channel and the platform and arch of every artifact it takes with it.
 */
export async function deleteVersion(deps: ReleaseDeps, actor: Actor, rawId: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const id = parseId(rawId);
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('versions')
      .select(['id', 'app_id', 'channel_id'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound(`no app found with ID ${id}`);
    await requireAllowed(trx, actor, 'apps', row.app_id);
    await requireAllowedPlacement(trx, actor, { channelId: row.channel_id });
    const artifacts = await trx
      .selectFrom('artifacts')
      .select(['storage_key', 'visibility', 'platform_id', 'arch_id'])
      .where('tenant_id', '=', actor.tenantId)
      .where('version_id', '=', id)
      .execute();
    for (const artifact of artifacts) {
      await requireAllowedPlacement(trx, actor, {
        platformId: artifact.platform_id,
        archId: artifact.arch_id,
      });
    }
    const objects = artifacts.map((a) => ({ storage_key: a.storage_key, visibility: a.visibility }));
    await claimForRemoval(trx, objects);
    await trx.deleteFrom('versions').where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    return objects;
  });
  await deps.changes.changed(actor.tenantId);
  await removeClaimed(deps, removed);
}
