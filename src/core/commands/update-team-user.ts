import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import {
  type AccountOptions,
  checkUsername,
  claimingUsername,
  TEAM_USERNAME_TAKEN,
  usernameTaken,
} from '../accounts/credentials.js';
import { checkAllowedExist, parsePermissions, writeGrants } from '../accounts/team-permissions.js';
import type { Actor } from '../auth/actor.js';
import { checkPassword, hashPassword } from '../auth/passwords.js';
import { invalid, notFound } from '../errors.js';
import { isId } from '../ids.js';
import { requireAdmin } from '../permissions.js';

/**
 * Updates one of the caller's team users. Permissions, when given, replace the old ones entirely
 * (so everything can be revoked); any change revokes the user's older tokens. No generation to bump: accounts are
 * read from the database on every request, and no cached answer depends on them.
 */
export async function updateTeamUser(
  db: Db,
  config: AccountOptions,
  actor: Actor,
  input: { id: unknown; username: unknown; password: unknown; permissions: unknown },
): Promise<void> {
  requireAdmin(actor);
  if (!isId(input.id)) throw invalid('Invalid user ID format');
  const id = input.id;
  const username = checkUsername(input.username);
  // FaynoSync's clients send an empty password for "unchanged".
  const password =
    input.password === undefined || input.password === null || input.password === ''
      ? undefined
      : checkPassword(input.password);
  const permissions = input.permissions === undefined ? undefined : parsePermissions(input.permissions);

  const target = await db
    .selectFrom('users')
    .select('username')
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'team')
    .executeTakeFirst();
  if (!target) throw notFound('Team user not found');
  if (permissions) await checkAllowedExist(db, actor.tenantId, permissions.allowed);
  if (username !== target.username && (await usernameTaken(db, username))) throw TEAM_USERNAME_TAKEN();
  const hash = password === undefined ? undefined : await hashPassword(password, config.bcryptCost);

  await claimingUsername(
    () =>
      db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('users')
          .set((eb) => ({
            username,
            token_version: eb('token_version', '+', 1),
            updated_at: sql<Date>`now()`,
            ...(hash === undefined ? {} : { password_hash: hash }),
            ...(permissions === undefined ? {} : { permissions: JSON.stringify(permissions.flags) }),
          }))
          .where('id', '=', id)
          .where('tenant_id', '=', actor.tenantId)
          .where('role', '=', 'team')
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw notFound('Team user not found');
        if (permissions) await writeGrants(trx, actor.tenantId, id, permissions.allowed);
      }),
    TEAM_USERNAME_TAKEN,
  );
}
