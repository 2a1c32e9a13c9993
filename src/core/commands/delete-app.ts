import type { Actor } from '../auth/actor.js';
import { lockForChange, parseId, refuseIfUsed, type Usage, withConstraints } from '../catalog/common.js';
import { removeLogo } from '../catalog/logo.js';
import { requirePermission, revokeEverywhere } from '../permissions.js';
import { deleteArtifactRows, removeClaimed } from '../releases/removal.js';
import { blobKeysOfApp, removeBlobObjects } from '../reports/blobs.js';
import type { CatalogDeps } from './app-write.js';

const APP_USAGE: Usage = { table: 'versions', column: 'app_id' };

/**
 * Refused while versions use the app, unless `withReleases` (Fenfa's cascading product delete): then its versions,
 * their files and its Fenfa variants go with it. Its logo and files are removed once the rows are gone.
 */
export async function deleteApp(
  deps: CatalogDeps,
  actor: Actor,
  rawId: unknown,
  options: { withReleases?: boolean } = {},
): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const id = parseId(rawId);
  let reportObjects: string[] = [];
  let fileObjects: Awaited<ReturnType<typeof deleteArtifactRows>> = [];
  const logoKey = await withConstraints(
    deps.database.db,
    'app',
    async (trx) => {
      await lockForChange(trx, 'apps', 'app', actor, id);
      if (options.withReleases) {
        const artifacts = await trx
          .selectFrom('artifacts as ar')
          .innerJoin('versions as v', 'v.id', 'ar.version_id')
          .select('ar.id')
          .where('v.tenant_id', '=', actor.tenantId)
          .where('v.app_id', '=', id)
          .execute();
        fileObjects = await deleteArtifactRows(
          trx,
          actor.tenantId,
          artifacts.map((a) => a.id),
        );
        await trx
          .deleteFrom('versions')
          .where('tenant_id', '=', actor.tenantId)
          .where('app_id', '=', id)
          .execute();
      }
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
  await removeClaimed(deps, fileObjects);
  await removeBlobObjects(deps, reportObjects);
}
