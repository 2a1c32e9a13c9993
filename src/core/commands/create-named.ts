import type { Actor } from '../auth/actor.js';
import { duplicateName, nameTaken, withConstraints } from '../catalog/common.js';
import type { NamedKind, SharedShape } from '../catalog/named.js';
import { newId } from '../ids.js';
import { checkName } from '../names.js';
import { grantToCreator, requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

/** Creates a channel, platform or arch; it joins a team user's allowed list. Names feed update checks: bumps. */
export async function createNamed(
  deps: CommandDeps,
  actor: Actor,
  kind: NamedKind,
  input: Record<string, unknown>,
): Promise<string> {
  requirePermission(actor, kind.table, 'create');
  const name = checkName(input[kind.label], kind.label);
  const extra = kind.extra?.(input, 'create');
  if (await nameTaken(deps.database.db, kind.table, actor.tenantId, name)) throw duplicateName(kind.label);
  const id = newId();
  await withConstraints(deps.database.db, kind.label, async (trx) => {
    await trx
      .insertInto(kind.table as SharedShape)
      .values({ id, tenant_id: actor.tenantId, name, ...extra })
      .execute();
    await grantToCreator(trx, actor, kind.table, id);
  });
  await deps.changes.changed(actor.tenantId);
  return id;
}
