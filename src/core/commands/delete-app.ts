import type { Actor } from '../auth/actor.js';
import { lockForChange, parseId, refuseIfUsed, type Usage, withConstraints } from '../catalog/common.js';
import { removeLogo } from '../catalog/logo.js';
import { requirePermission, revokeEverywhere } from '../permissions.js';
import { blobKeysOfApp, removeBlobObjects } from '../reports/blobs.js';
import type { CatalogDeps } from './app-write.js';

const APP_USAGE: Usage = { table: 'versions', column: 'app_id' };

/** Refused while versions use the app; its logo goes once the row is gone. */
export async function deleteApp(deps: CatalogDeps, actor: Actor, rawId: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const id = parseId(rawId);
  let reportObjects: string[] = [];
  const logoKey = await withConstraints(
    deps.database.db,
    'app',
    async (trx) => {
      await lockForChange(trx, 'apps', 'app', actor, id);
      await refuseIfUsed(trx, 'app', APP_USAGE, actor.tenantId, id);
      // The app's report groups and blob rows go with it (cascade); their objects are removed after the commit.
      reportObjects = await blobKeysOfApp(trx, actor.tenantId, id);
      const row = await trx
        .deleteFrom('apps')
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', id)
        .returning('logo_key')
        .executeTakeFirstOrThrow();
      await revokeEverywhere(trx, actor.tenantId, 'apps', id);
      return row.logo_key;
    },
    APP_USAGE,
  );
  await deps.changes.changed(actor.tenantId);
  if (logoKey) await removeLogo(deps.store, deps.logger, logoKey);
  await removeBlobObjects(deps, reportObjects);
}
