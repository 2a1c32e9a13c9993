import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { requireAdmin } from '../permissions.js';
import type { CommandDeps } from './deps.js';

/** Revokes a Fenfa token of the admin's tenant; like creating one, it changes no cached answer. */
export async function revokeFenfaToken(deps: CommandDeps, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const gone = await deps.database.db
    .deleteFrom('fenfa_tokens')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (gone.numDeletedRows === 0n) throw notFound(`no token ${id}`);
}
