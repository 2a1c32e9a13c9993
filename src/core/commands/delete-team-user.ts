import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { isId } from '../ids.js';
import { requireAdmin } from '../permissions.js';

/**
 * Deletes one of the caller's team users; its tokens stop working with it. No generation to bump: accounts are read
 * from the database on every request, and no cached answer depends on them.
 */
export async function deleteTeamUser(db: Db, actor: Actor, id: unknown): Promise<void> {
  requireAdmin(actor);
  if (!isId(id)) throw invalid('Invalid user ID format');
  // Grants go with the user (ON DELETE CASCADE).
  const result = await db
    .deleteFrom('users')
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'team')
    .executeTakeFirst();
  if (result.numDeletedRows === 0n)
    throw notFound("Team user not found or you don't have permission to delete it");
}
