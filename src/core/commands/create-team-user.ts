import type { Db } from '../../db/connect.js';
import {
  type AccountOptions,
  checkUsername,
  claimingUsername,
  TEAM_USERNAME_TAKEN,
  usernameTaken,
} from '../accounts/credentials.js';
import {
  checkAllowedExist,
  parsePermissions,
  type TeamPermissions,
  writeGrants,
} from '../accounts/team-permissions.js';
import type { Actor } from '../auth/actor.js';
import { checkPassword, hashPassword } from '../auth/passwords.js';
import { newId } from '../ids.js';
import { requireAdmin } from '../permissions.js';

/**
 * Creates a team user of the caller's tenant with its rights, in one transaction. No generation to bump: accounts
 * are read from the database on every request, and no cached answer depends on them.
 */
export async function createTeamUser(
  db: Db,
  config: AccountOptions,
  actor: Actor,
  input: { username: unknown; password: unknown; permissions: unknown },
): Promise<string> {
  requireAdmin(actor);
  const username = checkUsername(input.username);
  const password = checkPassword(input.password);
  const permissions = parsePermissions(input.permissions);
  await checkAllowedExist(db, actor.tenantId, permissions.allowed);
  if (await usernameTaken(db, username)) throw TEAM_USERNAME_TAKEN();
  return insertTeamUser(
    db,
    actor.tenantId,
    username,
    await hashPassword(password, config.bcryptCost),
    permissions,
  );
}

/**
 * Writes a checked team user with an already hashed password and its grants, in one transaction; the importer's
 * way in too, which keeps FaynoSync's bcrypt hashes.
 */
export async function insertTeamUser(
  db: Db,
  tenantId: string,
  username: string,
  passwordHash: string,
  permissions: TeamPermissions,
): Promise<string> {
  const id = newId();
  await claimingUsername(
    () =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('users')
          .values({
            id,
            tenant_id: tenantId,
            username,
            password_hash: passwordHash,
            role: 'team',
            permissions: JSON.stringify(permissions.flags),
          })
          .execute();
        await writeGrants(trx, tenantId, id, permissions.allowed);
      }),
    TEAM_USERNAME_TAKEN,
  );
  return id;
}
