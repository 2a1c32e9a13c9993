import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { duplicateName, lockForChange, nameTaken, parseId, withConstraints } from '../catalog/common.js';
import type { NamedKind, SharedShape } from '../catalog/named.js';
import { checkName } from '../names.js';
import { requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

/** Renames a channel, platform or arch (platforms: and sets its updaters); update checks resolve names: bumps. */
export async function updateNamed(
  deps: CommandDeps,
  actor: Actor,
  kind: NamedKind,
  input: Record<string, unknown>,
): Promise<void> {
  requirePermission(actor, kind.table, 'edit');
  const id = parseId(input.id);
  const name = checkName(input[kind.label], kind.label);
  const extra = kind.extra?.(input, 'update');
  await withConstraints(deps.database.db, kind.label, async (trx) => {
    await lockForChange(trx, kind.table, kind.label, actor, id);
    if (await nameTaken(trx, kind.table, actor.tenantId, name, id)) throw duplicateName(kind.label);
    await trx
      .updateTable(kind.table as SharedShape)
      .set({ name, ...extra, updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .execute();
  });
  await deps.changes.changed(actor.tenantId);
}
