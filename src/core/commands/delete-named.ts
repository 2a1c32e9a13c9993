import type { Actor } from '../auth/actor.js';
import { lockForChange, parseId, refuseIfUsed, withConstraints } from '../catalog/common.js';
import type { NamedKind } from '../catalog/named.js';
import { requirePermission, revokeEverywhere } from '../permissions.js';
import type { CommandDeps } from './deps.js';

/**
 * Deletes a channel, platform or arch no version or artifact uses; it leaves every allowed list and the catalog update
 * checks resolve names from: bumps.
 */
export async function deleteNamed(
  deps: CommandDeps,
  actor: Actor,
  kind: NamedKind,
  rawId: unknown,
): Promise<void> {
  requirePermission(actor, kind.table, 'delete');
  const id = parseId(rawId);
  await withConstraints(
    deps.database.db,
    kind.label,
    async (trx) => {
      await lockForChange(trx, kind.table, kind.label, actor, id);
      await refuseIfUsed(trx, kind.label, kind.usage, actor.tenantId, id);
      await trx.deleteFrom(kind.table).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
      await revokeEverywhere(trx, actor.tenantId, kind.table, id);
    },
    kind.usage,
  );
  await deps.changes.changed(actor.tenantId);
}
