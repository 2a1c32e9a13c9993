import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { type AccountOptions, issueToken } from '../accounts/credentials.js';
import type { Actor } from '../auth/actor.js';
import { checkPassword, hashPassword } from '../auth/passwords.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { isId } from '../ids.js';
import { requireAdmin } from '../permissions.js';

/**
 * FaynoSync's admin update: only the password changes, and only the caller's own. Older tokens are
 * revoked by the bumped token version; the returned token keeps the caller logged in. No generation to bump:
 * accounts are read from the database on every request, and no cached answer depends on them.
 */
export async function changePassword(
  db: Db,
  config: AccountOptions,
  actor: Actor,
  input: { id: unknown; username: unknown; password: unknown },
): Promise<string> {
  requireAdmin(actor);
  if (!isId(input.id)) throw invalid('Invalid ID format');
  if (input.username !== actor.username) throw forbidden('Username mismatch');
  if (input.id !== actor.userId) throw notFound('Admin not found');
  const hash = await hashPassword(checkPassword(input.password), config.bcryptCost);
  const user = await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: hash,
      token_version: eb('token_version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', actor.userId)
    .where('role', '=', 'admin')
    .returning(['id', 'tenant_id', 'role', 'token_version'])
    .executeTakeFirst();
  if (!user) throw notFound('Admin not found');
  return issueToken(config, user);
}
