import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { isId } from '../ids.js';
import { requireAdmin } from '../permissions.js';

/**
 * Deletes the token: the next request that carries it is refused with 401. No generation to bump: API tokens are
 * checked against the database on every upload, and no cached answer holds them.
 */
export async function revokeApiToken(db: Db, actor: Actor, id: unknown): Promise<void> {
  requireAdmin(actor);
  const tokenId = typeof id === 'string' ? id.toLowerCase() : id;
  if (!isId(tokenId)) throw invalid('Invalid token ID format: send {"id": "<id from /token/list>"}');
  // The token's app list goes with it (ON DELETE CASCADE).
  const result = await db
    .deleteFrom('api_tokens')
    .where('id', '=', tokenId)
    .where('tenant_id', '=', actor.tenantId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Token not found');
}
