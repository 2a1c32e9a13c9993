import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { requireAdmin } from '../permissions.js';
import { grantsOf, noPermissions, type TeamPermissions } from './team-permissions.js';

export type Identity =
  | { role: 'admin'; id: string; username: string }
  | { role: 'team'; id: string; username: string; owner: string; permissions: TeamPermissions };

export interface TeamUser {
  id: string;
  username: string;
  permissions: TeamPermissions;
  updatedAt: Date;
}

export async function whoami(db: Db, actor: Actor): Promise<Identity> {
  if (actor.role === 'admin') return { role: 'admin', id: actor.userId, username: actor.username };
  const allowed = (await grantsOf(db, [actor.userId])).get(actor.userId) ?? noPermissions().allowed;
  return {
    role: 'team',
    id: actor.userId,
    username: actor.username,
    owner: actor.ownerUsername,
    permissions: { flags: actor.permissions ?? noPermissions().flags, allowed },
  };
}

export async function listTeamUsers(db: Db, actor: Actor): Promise<TeamUser[]> {
  requireAdmin(actor);
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'permissions', 'updated_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'team')
    .orderBy('username')
    .execute();
  const grants = await grantsOf(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    permissions: {
      flags: u.permissions ?? noPermissions().flags,
      allowed: grants.get(u.id) ?? noPermissions().allowed,
    },
    updatedAt: u.updated_at,
  }));
}
